package dev.waitgroup.jcstress.misuse;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
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
import org.openjdk.jcstress.infra.results.LI_Result;

/**
 * MISUSE: Add called inside the goroutine. In Go:
 * <pre>
 *   go func() { wg.Add(1); defer wg.Done(); work() }()
 *   wg.Wait()
 * </pre>
 * The task counts itself only once it runs, so the coordinator's {@code Wait} may find the counter
 * at zero and return before the work has even begun ({@code go vet}'s waitgroup analyzer flags
 * it). No WaitGroup can prevent this: the bug is in the client.
 *
 * <p>Fix: count the task before starting it ({@code add(1)} on the coordinator's side), or start it
 * with {@code go(...)}, which does exactly that; the fixed twin {@code contract.GoCountsBeforeStart}
 * shows the early return can no longer happen.
 */
@HarnessCheck(Check.ADD_INSIDE_GOROUTINE)
@Means(outcome = "released, 0", is = Verdict.REPRODUCED)
@JCStressTest
@Description("the task calls add(1) itself: await() can return before the work began")
@Outcome(id = "released, 1", expect = ACCEPTABLE, desc = "the task was counted in time; await() saw its work")
@Outcome(id = "released, 0", expect = ACCEPTABLE_INTERESTING,
        desc = "the bug: await() returned before the task ran, with its work not done")
@Outcome(id = "timed out, .*", expect = FORBIDDEN, desc = "await() never saw the task's done()")
@Outcome(expect = FORBIDDEN, desc = "a call threw")
@State
public class AddInsideGoroutine {
    private final WaitGroup group = Subject.group(0);
    private int work;

    @Actor
    public void task() {
        group.add(1);          // too late: the coordinator may already be past await()
        try {
            work = 1;
        } finally {
            group.done();
        }
    }

    @Actor
    public void coordinator(LI_Result r) {
        r.r1 = Subject.awaitBounded(group);
        r.r2 = work;
    }
}
