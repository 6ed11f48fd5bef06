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
 * Two tasks finish at the same moment: two {@code done()} race on a counter of 2. The counter must
 * end at 0. If each read the counter as 2 and wrote back 1 (a read-modify-write that is not
 * atomic), one {@code done()} is lost, the counter stays at 1 and the group's waiters hang.
 */
@HarnessCheck(Check.RACING_DONES_LOSE_NO_UPDATE)
@JCStressTest
@Description("two racing done() on a counter of 2 leave it at 0")
@Outcome(id = "ok, ok, 0", expect = ACCEPTABLE, desc = "both decrements counted")
@Outcome(id = "ok, ok, 1", expect = FORBIDDEN, desc = "lost update: one done() vanished, the counter is stuck at 1")
@Outcome(expect = FORBIDDEN, desc = "a done() was refused, or the counter is otherwise wrong")
@State
public class RacingDonesLoseNoUpdate {
    private final WaitGroup group = Subject.group(2);

    @Actor
    public void firstTask(LLI_Result r) {
        r.r1 = Subject.add(group, -1);
    }

    @Actor
    public void secondTask(LLI_Result r) {
        r.r2 = Subject.add(group, -1);
    }

    @Arbiter
    public void count(LLI_Result r) {
        r.r3 = group.count();
    }
}
