package dev.waitgroup.jcstress.contract;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.waitgroup.catalogue.Check;
import dev.waitgroup.catalogue.HarnessCheck;
import dev.waitgroup.WaitGroup;
import dev.waitgroup.jcstress.ReleaseClock;
import dev.waitgroup.jcstress.Subject;
import java.util.concurrent.TimeUnit;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.LL_Result;

/**
 * Legal reuse, with a slow releaser: the worker's {@code done()} ends round one; the coordinator's
 * {@code await()} may see that before the worker has finished waking waiters, and at once opens
 * round two with {@code add(1)} and waits again. Nothing ends round two, so that second wait must
 * time out. A WaitGroup whose release of round one, still running, wakes round two's waiter lets it
 * return with the counter at 1: the bug CasSpinWaitGroup once had, found when a benchmark hung.
 */
@HarnessCheck(Check.LATE_RELEASE_KEEPS_NEXT_ROUND)
@JCStressTest
@Description("the release of round one never releases a waiter of round two")
@Outcome(id = "released, timed out", expect = ACCEPTABLE, desc = "round two's await() waited, as its task is counted")
@Outcome(id = "released, released", expect = FORBIDDEN,
        desc = "round two's await() returned with its task still counted: round one's release woke it")
@Outcome(id = "timed out, .*", expect = FORBIDDEN,
        desc = "round one's await() timed out though done() had returned at least 500 ms before its bound")
@Outcome(id = "starved, .*", expect = ACCEPTABLE_INTERESTING, desc = ReleaseClock.STARVED_MEANS)
@Outcome(expect = FORBIDDEN, desc = "a call threw")
@State
public class LateReleaseKeepsNextRound {
    private final WaitGroup group = Subject.group(1);
    private final ReleaseClock clock = new ReleaseClock();

    @Actor
    public void worker() {
        group.done();
        clock.released();
    }

    @Actor
    public void coordinator(LL_Result r) {
        r.r1 = clock.awaitBounded(group);
        group.add(1);
        r.r2 = Subject.awaitFor(group, 100, TimeUnit.MICROSECONDS);
    }

    @Arbiter
    public void judgeTheWait(LL_Result r) {
        r.r1 = clock.judge((String) r.r1);
    }
}
