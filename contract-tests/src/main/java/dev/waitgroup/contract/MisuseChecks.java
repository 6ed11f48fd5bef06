package dev.waitgroup.contract;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.waitgroup.WaitGroup;
import dev.waitgroup.catalogue.Check;
import dev.waitgroup.catalogue.HarnessCheck;
import dev.waitgroup.catalogue.ReuseBehaviour;
import dev.waitgroup.harness.junit.CheckRecorder;
import dev.waitgroup.harness.junit.Observation;
import dev.waitgroup.record.Verdict;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The classic client bugs from the Go world, on every implementation. The bug is the client's; what
 * is recorded is what each implementation then does: the bug shows (reproduced), the implementation
 * notices and throws (detected), or it does the right thing anyway (handled).
 *
 * <p>Two of them are demonstrations: scripted so that the bug always shows, for teaching. They cannot
 * fail on purpose, and the gate does not count them.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.waitgroup.harness.junit.HarnessSubject#selected")
@ExtendWith(CheckRecorder.class)
class MisuseChecks extends OneGroupPerCheck {
    private static final int REUSE_TRIALS = 5;
    private static final Duration STUCK = Duration.ofMillis(100);

    /**
     * In Go: {@code go func() { wg.Add(1); defer wg.Done(); work() }(); wg.Wait()}. The task is
     * started before it is counted, so {@code Wait} can find the counter at zero and return before
     * the work has even begun. Scripted: the task is held before its {@code add(1)}, as a busy
     * scheduler would hold it, while the coordinator calls {@code await()}.
     */
    @Test
    @HarnessCheck(Check.DEMO_ADD_INSIDE_GOROUTINE)
    void addInsideTheTaskLetsAwaitReturnBeforeTheWorkBegan(Observation observed) throws Exception {
        CountDownLatch scheduled = new CountDownLatch(1);
        AtomicBoolean workDone = new AtomicBoolean();
        BlockingCall<Void> task = BlockingCall.run("a task that calls add(1) itself", () -> {
            scheduled.await();
            group.add(1);          // the bug: counted only once running
            try {
                workDone.set(true);
            } finally {
                group.done();
            }
        });

        BlockingCall.run("the coordinator's await()", group::await).result(Bounds.MUST_RETURN);
        scheduled.countDown();
        task.result(Bounds.MUST_RETURN);

        assertTrue(workDone.get(), "the task itself must run to the end");
        observed.how("scripted: the task is held before its add(1) while the coordinator awaits");
        observed.verdict(Verdict.REPRODUCED, "await() returned at once, with the work not yet begun: the task had"
                + " not called add(1) yet. Fix: add(1) before starting it, or go(...)");
    }

    /**
     * A task that returns without calling {@code done()}: {@code Wait} never returns. Shown with a
     * bounded wait.
     */
    @Test
    @HarnessCheck(Check.DEMO_FORGOTTEN_DONE)
    void aForgottenDoneBlocksAwaitForever(Observation observed) throws Exception {
        group.add(2);
        BlockingCall.run("a task that calls done()", group::done).result(Bounds.MUST_RETURN);
        BlockingCall.run("a task that forgets done()", () -> { }).result(Bounds.MUST_RETURN);

        boolean released = BlockingCall.timedAwait(group, STUCK.toMillis(), TimeUnit.MILLISECONDS);

        assertFalse(released, "await returned true with the counter at " + group.count());
        observed.how("scripted: two tasks counted, one forgets done(), await bounded to " + STUCK.toMillis() + " ms");
        observed.detail("countLeft", group.count());
        observed.verdict(Verdict.REPRODUCED, "await() still blocked after " + STUCK.toMillis() + " ms with the"
                + " counter at " + group.count() + ": without a bound it would wait forever."
                + " Fix: done() in a finally, or go(...)");
    }

    /**
     * Reuse before the previous {@code Wait} returned: round 1's waiter is parked; round 1's last
     * {@code done()} is followed at once by round 2's {@code add(1)}. The old waiter either comes out
     * (generation-safe: within the bound every contract wait has), throws (detected, as Go panics),
     * or is still blocked when the bound elapses: it waits for round 2, and only round 2's end lets it
     * out. The first trial that shows detection or waiting settles it; a generation-safe group must
     * let the old waiter out in every trial.
     */
    @Test
    @HarnessCheck(Check.REUSE_BEFORE_WAIT_RETURNED)
    void reuseBeforeTheWaitReturnedIsRecorded(Observation observed) throws Exception {
        Map<ReuseBehaviour, Integer> tally = new EnumMap<>(ReuseBehaviour.class);
        String detection = null;
        for (int trial = 0; trial < REUSE_TRIALS; trial++) {
            WaitGroup g = implementation.create();
            g.add(1);
            BlockingCall<Void> oldWaiter = BlockingCall.run("round 1's await()", g::await).whenParked();
            ReuseBehaviour seen;
            try {
                g.done();               // round 1 ends ...
                g.add(1);               // ... and round 2 starts before round 1's await() returned
                if (oldWaiter.stillBlockedAfter(Bounds.MUST_RETURN)) {
                    seen = ReuseBehaviour.WAITS_FOR_NEW_ROUND;
                    g.done();           // end round 2: now the old waiter must come out
                } else {
                    seen = ReuseBehaviour.FINISHES_OLD_ROUND;
                }
                oldWaiter.result(Bounds.MUST_RETURN);
            } catch (IllegalStateException thrown) {
                seen = ReuseBehaviour.DETECTS_AND_THROWS;
                detection = thrown.getMessage();
                Stragglers.release(g);
            }
            tally.merge(seen, 1, Integer::sum);
            if (seen != ReuseBehaviour.FINISHES_OLD_ROUND) {
                break;
            }
        }
        int detected = tally.getOrDefault(ReuseBehaviour.DETECTS_AND_THROWS, 0);
        int waited = tally.getOrDefault(ReuseBehaviour.WAITS_FOR_NEW_ROUND, 0);
        int returned = tally.getOrDefault(ReuseBehaviour.FINISHES_OLD_ROUND, 0);
        int trials = detected + waited + returned;
        observed.how("scripted: the old waiter parked, then done(); add(1); it must come out within "
                + Bounds.MUST_RETURN.toSeconds() + " s to count as generation-safe; " + trials + " trials");
        observed.detail("trials", trials);
        observed.detail("oldWaiterReturned", returned);
        observed.detail("detected", detected);
        observed.detail("oldWaiterWaitedForNewRound", waited);
        String counts = returned + " returned, " + detected + " detected, " + waited + " waited for round 2, of "
                + trials + " trials";
        if (detected > 0) {
            observed.verdict(Verdict.DETECTED, "misuse detected (\"" + detection + "\"); " + counts);
        } else if (waited > 0) {
            observed.verdict(Verdict.REPRODUCED, "round 1's waiter silently waited for round 2; " + counts);
        } else {
            observed.verdict(Verdict.HANDLED, "round 1's waiter returned (generation-safe); " + counts);
        }
    }

    /**
     * Add called concurrently with Wait (Go's TestWaitGroupMisuse2): a waiter is blocked on a counter
     * of 1; the last task's {@code done()} and a "bad guy"'s {@code add(1); done()} are let go at the
     * same instant. If the bad guy's {@code add(1)} lands after the release, it opens a new round under
     * a waiter that has not returned. Go notices some of the time and panics; the tally says how often
     * each implementation noticed, and that the waiter always came out.
     */
    @Test
    @HarnessCheck(Check.ADD_CONCURRENT_WITH_WAIT)
    void addConcurrentWithWaitIsRecorded(Observation observed) throws Exception {
        int trials = 100;
        int detected = 0;
        String detection = null;
        for (int trial = 0; trial < trials; trial++) {
            WaitGroup g = implementation.create();
            g.add(1);
            BlockingCall<Void> waiter = BlockingCall.run("the waiter", g::await).whenParked();
            CountDownLatch go = new CountDownLatch(1);
            BlockingCall<Void> lastTask = BlockingCall.run("the last task's done()", () -> {
                go.await();
                g.done();
            });
            BlockingCall<Void> badGuy = BlockingCall.run("the bad guy's add(1); done()", () -> {
                go.await();
                g.add(1);
                g.done();
            });
            go.countDown();
            String thrown = null;
            for (BlockingCall<Void> call : List.of(lastTask, badGuy, waiter)) {
                try {
                    call.result(Bounds.MUST_RETURN);
                } catch (IllegalStateException misuse) {
                    thrown = misuse.getMessage();
                }
            }
            if (thrown != null) {
                detected++;
                detection = thrown;
                Stragglers.release(g);
            }
        }
        observed.how("raced on real threads, " + trials + " trials");
        observed.detail("trials", trials);
        observed.detail("detected", detected);
        if (detected > 0) {
            observed.verdict(Verdict.DETECTED, "misuse detected in " + detected + " of " + trials
                    + " trials (\"" + detection + "\"); the waiter always came out");
        } else {
            observed.verdict(Verdict.HANDLED, "never detected in " + trials + " trials; the waiter always came out"
                    + " (a late add(1) is simply counted in the next round)");
        }
    }
}
