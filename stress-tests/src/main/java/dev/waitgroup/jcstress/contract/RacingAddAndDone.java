package dev.waitgroup.jcstress.contract;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.waitgroup.catalogue.Check;
import dev.waitgroup.catalogue.HarnessCheck;
import dev.waitgroup.WaitGroup;
import dev.waitgroup.jcstress.Subject;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.LLI_Result;

/**
 * A task is added while another finishes: {@code add(1)} and {@code done()} race on a counter of 1.
 * In every order the counter ends at 1. A lost update leaves it at 0 (the new task is not waited
 * for: await returns early) or at 2 (the finished one still counted: await hangs).
 */
@HarnessCheck(Check.RACING_ADD_AND_DONE)
@JCStressTest
@Description("racing add(1) and done() on a counter of 1 leave it at 1")
@Outcome(id = "ok, ok, 1", expect = ACCEPTABLE, desc = "both changes counted")
@Outcome(id = "ok, ok, 0", expect = FORBIDDEN, desc = "lost update: the new task vanished, await would return early")
@Outcome(id = "ok, ok, 2", expect = FORBIDDEN, desc = "lost update: the done() vanished, await would hang")
@Outcome(expect = FORBIDDEN, desc = "a change was refused, or the counter is otherwise wrong")
@State
public class RacingAddAndDone {
    private final WaitGroup group = Subject.group(1);

    @Actor
    public void newTask(LLI_Result r) {
        r.r1 = Subject.add(group, 1);
    }

    @Actor
    public void finishedTask(LLI_Result r) {
        r.r2 = Subject.add(group, -1);
    }

    @Arbiter
    public void count(LLI_Result r) {
        r.r3 = group.count();
    }
}
