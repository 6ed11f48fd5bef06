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
 * One {@code done()} too many, raced: two threads call {@code done()} on a counter of 1. Exactly
 * one must succeed and the other be refused with "negative WaitGroup counter", leaving the counter
 * at 0. If the negative check is separate from the update (check, then act), both pass the check
 * and both decrement: the counter reaches -1, and the next round's {@code add(1)} releases waiters
 * before any work ran.
 */
@HarnessCheck(Check.RACING_DONES_ONE_REFUSED)
@JCStressTest
@Description("of two racing done() on a counter of 1, exactly one is refused")
@Outcome(id = {"ok, threw IllegalStateException, 0", "threw IllegalStateException, ok, 0"}, expect = ACCEPTABLE,
        desc = "one done() counted, the other refused")
@Outcome(id = "ok, ok, -1", expect = FORBIDDEN, desc = "check-then-act: both passed the check, the counter is -1")
@Outcome(id = "ok, ok, 0", expect = FORBIDDEN, desc = "both succeeded and one decrement was lost")
@Outcome(expect = FORBIDDEN, desc = "both refused, or another wrong result")
@State
public class RacingDonesOneRefused {
    private final WaitGroup group = Subject.group(1);

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
