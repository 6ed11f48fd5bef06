package dev.waitgroup.jcstress.misuse;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.waitgroup.catalogue.Check;
import dev.waitgroup.catalogue.HarnessCheck;
import dev.waitgroup.WaitGroup;
import dev.waitgroup.record.Verdict;
import dev.waitgroup.jcstress.Means;
import dev.waitgroup.jcstress.Subject;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import java.util.concurrent.TimeUnit;
import org.openjdk.jcstress.infra.results.L_Result;

/**
 * MISUSE: a forgotten Done. Two tasks are counted; one calls {@code done()}, the other returns early
 * without it (it is not even an actor here: it did nothing). The waiter would wait forever. The
 * harness never waits forever: the waiter waits 100 µs, and the timeout is the reproduction.
 * Returning "released" would be a WaitGroup that lets a waiter go while a task is still counted.
 *
 * <p>Fix: call {@code done()} in a {@code finally} block (Go: {@code defer wg.Done()}) so that no
 * early return or exception can skip it, or start the task with {@code go(...)}, which does.
 */
@HarnessCheck(Check.FORGOTTEN_DONE)
@Means(outcome = "timed out", is = Verdict.REPRODUCED)
@JCStressTest
@Description("one of two tasks forgets done(): the waiter never returns (shown with a 100 µs bound)")
@Outcome(id = "timed out", expect = ACCEPTABLE_INTERESTING,
        desc = "the bug: await() is stuck with the counter at 1; unbounded, it would hang forever")
@Outcome(id = "released", expect = FORBIDDEN, desc = "await() returned although a task is still counted")
@Outcome(expect = FORBIDDEN, desc = "a call threw")
@State
public class ForgottenDone {
    private final WaitGroup group = Subject.group(2);

    @Actor
    public void taskThatFinishes() {
        group.done();
    }

    @Actor
    public void waiter(L_Result r) {
        r.r1 = Subject.awaitFor(group, 100, TimeUnit.MICROSECONDS);
    }
}
