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
import org.openjdk.jcstress.infra.results.LLL_Result;

/**
 * MISUSE: reuse before the previous Wait has returned: the catalogue's
 * {@link dev.waitgroup.catalogue.Bug#REUSE_BEFORE_WAIT_RETURNED}, whose lesson gives Go's rule, what
 * goes wrong and the fix. Round 1's last {@code done()} is followed at once by round 2's
 * {@code add(1)}; this test records which {@link dev.waitgroup.catalogue.ReuseBehaviour} an
 * implementation then shows, or that the {@code add(1)} itself is refused (Add called concurrently
 * with Wait).
 *
 * <p>The releaser first waits (at most 5 ms) until the old waiter is parked inside {@code await()},
 * so that it really is round 1's waiter (a sample where it is not is recorded as such, and says
 * nothing); then it ends round 1, starts round 2, and watches for half a millisecond whether the
 * old waiter comes out before it ends round 2. A waiter that came out before round 2's {@code add(1)}
 * began (the clock of both threads says so: it woke while {@code done()} was still unparking it) was
 * never exposed to the reuse, whatever the group, and is recorded as such; so a silent group shows
 * "in round 1" only by a narrow miss (a waiter that got through in the last instructions before the
 * {@code add(1)}: 2.9% of aqs's samples that were not out before it, in the thorough preset). A
 * generation-safe waiter that is merely slow to wake also shows as "after round 2", often on a busy
 * machine; so per implementation the runner calls it silent only when "in round 1" is a small share
 * (any detection counts). What each
 * outcome means is declared with {@link Means}.
 */
@HarnessCheck(Check.RACED_REUSE)
@Means(outcome = "released, ok, in round 1", is = Verdict.HANDLED)
@Means(outcome = "released, ok, after round 2", is = Verdict.REPRODUCED, slownessShowsItToo = true)
@Means(outcome = {"threw IllegalStateException, .*", ".*, threw IllegalStateException, .*"}, is = Verdict.DETECTED)
@JCStressTest
@Description("round 2 starts before round 1's await() returned")
@Outcome(id = "released, ok, in round 1", expect = ACCEPTABLE,
        desc = "generation-safe: the old waiter returned while round 2 was open")
@Outcome(id = ".*, not parked", expect = ACCEPTABLE,
        desc = "the old waiter was not parked in await() in time: no reuse scenario in this sample")
@Outcome(id = ".*, out before round 2", expect = ACCEPTABLE,
        desc = "the old waiter came out before round 2's add(1) began: no reuse scenario in this sample")
@Outcome(id = "released, ok, after round 2", expect = ACCEPTABLE_INTERESTING,
        desc = "silent: the old waiter stayed blocked until round 2 ended")
@Outcome(id = "threw IllegalStateException, .*", expect = ACCEPTABLE_INTERESTING,
        desc = "detected: the old waiter's await() threw, as Go panics")
@Outcome(id = ".*, threw IllegalStateException, .*", expect = ACCEPTABLE_INTERESTING,
        desc = "detected: round 2's add(1) threw: Add called concurrently with Wait")
@Outcome(expect = FORBIDDEN, desc = "the old waiter never came out, even after round 2 ended")
@State
public class ReuseBeforeWaitReturned {
    private static final long PARK_NANOS = 5_000_000L;
    private static final long WATCH_NANOS = 500_000L;

    private final WaitGroup group = Subject.group(1);
    private volatile Thread oldWaiterThread;
    /** When the old waiter's await() returned (System.nanoTime, the same clock on every core), once it has. */
    private volatile long oldWaiterOutAt;
    private volatile boolean oldWaiterOut;

    @Actor
    public void oldWaiter(LLL_Result r) {
        oldWaiterThread = Thread.currentThread();
        r.r1 = Subject.awaitBounded(group);
        oldWaiterOutAt = System.nanoTime();
        oldWaiterOut = true;
    }

    @Actor
    public void releaser(LLL_Result r) {
        boolean parked = awaitParked();
        group.done();                           // round 1 ends ...
        long round2Begins = System.nanoTime();
        r.r2 = Subject.add(group, 1);           // ... and round 2 starts at once
        long deadline = System.nanoTime() + WATCH_NANOS;
        while (!oldWaiterOut && System.nanoTime() - deadline < 0) {
            Thread.onSpinWait();
        }
        r.r3 = !parked ? "not parked" : !oldWaiterOut ? "after round 2"
                : oldWaiterOutAt - round2Begins < 0 ? "out before round 2" : "in round 1";
        if ("ok".equals(r.r2)) {
            Subject.add(group, -1);             // round 2 ends
        }
    }

    /** Spins until the old waiter is parked in await(); implementations that only spin never park. */
    private boolean awaitParked() {
        long deadline = System.nanoTime() + PARK_NANOS;
        while (System.nanoTime() - deadline < 0) {
            Thread waiter = oldWaiterThread;
            if (waiter != null) {
                Thread.State state = waiter.getState();
                if (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING) {
                    return true;
                }
            }
            Thread.onSpinWait();
        }
        return false;
    }
}
