package dev.waitgroup.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.waitgroup.WaitGroup;
import dev.waitgroup.catalogue.Check;
import dev.waitgroup.catalogue.HarnessCheck;
import dev.waitgroup.harness.junit.CheckRecorder;
import dev.waitgroup.harness.junit.Observation;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * When {@code await} may return: only once the counter is zero, however its thread was woken, and as
 * soon as it is zero, however the caller polls.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.waitgroup.harness.junit.HarnessSubject#selected")
@ExtendWith(CheckRecorder.class)
class WakeUpChecks extends OneGroupPerCheck {
    private static final int STRAY_UNPARKS = 50;
    private static final int ROUND_TRIALS = 100;
    /** Long enough for the JIT to compile a polling loop, which it does within milliseconds. */
    private static final Duration POLL_BEFORE_RELEASE = Duration.ofMillis(150);
    /** How long a poll that went on past its bound is watched again, to tell a loop that polls from a stuck call. */
    private static final Duration STILL_POLLING = Duration.ofMillis(50);

    @Test
    @HarnessCheck(Check.ADD_ZERO_IS_NO_OP)
    void addZeroChangesNothing() throws Exception {
        group.add(0);
        assertEquals(0, group.count());
        BlockingCall.run("await() after add(0) on a new group", group::await).result(Bounds.MUST_RETURN);

        group.add(2);
        BlockingCall<Void> waiter = BlockingCall.run("await() on a counter of 2", group::await).whenParked();
        for (int i = 0; i < 3; i++) {
            group.add(0);
        }
        assertEquals(2, group.count(), "add(0) must leave the counter as it is");
        assertTrue(waiter.stillBlockedAfter(Bounds.STAYS_BLOCKED), "add(0) released the waiter with the counter at 2");
        group.add(-2);
        waiter.result(Bounds.MUST_RETURN);
        group.add(0);
        assertEquals(0, group.count());
    }

    /**
     * A waiter's thread is unparked by someone who has nothing to do with the group (a pool, a
     * library, a leftover permit): {@code await} must notice that the counter is still above zero
     * and wait on.
     */
    @Test
    @HarnessCheck(Check.STRAY_UNPARK_IGNORED)
    void aStrayUnparkDoesNotReleaseAWaiter() throws Exception {
        group.add(1);
        BlockingCall<Void> untimed = BlockingCall.run("await() on a counter of 1", group::await).whenParked();
        BlockingCall<Boolean> timed = BlockingCall.start("await(1 min) on a counter of 1",
                () -> group.await(1, TimeUnit.MINUTES)).whenParked();
        for (int i = 0; i < STRAY_UNPARKS; i++) {
            LockSupport.unpark(untimed.thread());
            LockSupport.unpark(timed.thread());
            Thread.sleep(1);
        }
        assertTrue(untimed.stillBlockedAfter(Bounds.STAYS_BLOCKED), "await() returned after " + STRAY_UNPARKS
                + " unrelated unparks, with the counter at " + group.count());
        assertTrue(timed.stillBlockedAfter(Duration.ZERO), "await(1 min) returned after " + STRAY_UNPARKS
                + " unrelated unparks, with the counter at " + group.count());
        group.done();
        untimed.result(Bounds.MUST_RETURN);
        assertTrue(timed.result(Bounds.MUST_RETURN), "await(1 min) must return true on the release");
    }

    /**
     * {@code while (!group.await(0, NANOSECONDS)) { }}: a loop that does nothing but poll. Once the JIT
     * has compiled it, a counter read without a volatile access anywhere on the path is read once,
     * outside the loop, and the loop never sees the release. A loop whose calls go on returning
     * {@code false} after the release fails; only a call that stops returning is a hang.
     */
    @Test
    @HarnessCheck(Check.POLLING_AWAIT_SEES_RELEASE)
    void aPollingLoopSeesTheRelease(Observation observed) throws Exception {
        group.add(1);
        java.util.concurrent.atomic.AtomicLong calls = new java.util.concurrent.atomic.AtomicLong();
        BlockingCall<Long> poller = BlockingCall.start("a loop polling await(0, NANOSECONDS)", () -> {
            while (!group.await(0, TimeUnit.NANOSECONDS)) {
                calls.incrementAndGet();
            }
            return calls.get();
        });
        Thread.sleep(POLL_BEFORE_RELEASE.toMillis());
        assertFalse(poller.finished(), "await(0, NANOSECONDS) returned true while the counter was 1");
        group.done();
        long returnedBefore = calls.get();
        if (poller.stillBlockedAfter(Bounds.MUST_RETURN)) {
            long returnedFalse = calls.get() - returnedBefore;
            if (poller.stillBlockedAfter(STILL_POLLING) && calls.get() > returnedBefore + returnedFalse) {
                fail("after done() brought the counter to zero, await(0, NANOSECONDS) went on returning false for "
                        + Bounds.MUST_RETURN.toMillis() + " ms (" + returnedFalse + " calls), and still does: a loop"
                        + " polling it never ends");
            }
        }
        long polls = poller.result(Bounds.MUST_RETURN);
        observed.how("polled for " + POLL_BEFORE_RELEASE.toMillis() + " ms before the release, then bounded");
        observed.detail("polls", polls);
    }

    /**
     * Generation-safety, held to its word: a waiter that arrived in round 1 returns once round 1 has
     * ended, even though round 2 began before it woke up. The waiter arrives while a helper calls
     * {@code add(0)} in a loop: a no-op under the contract, which keeps a lock-based group's lock busy
     * without opening or ending any round, so that the waiter often queues for the lock between its
     * first look at the group and its wait. Then the helper, which holds the lock more often than not,
     * ends round 1 and begins round 2 ahead of the queued waiter; the old waiter must come out. A group
     * that reads "is there anything to wait for" and "which round" in two steps records round 2 as its
     * own there, and waits for it.
     */
    @Test
    @HarnessCheck(Check.OLD_ROUND_WAITER_RETURNS)
    void aWaiterOfAnEndedRoundReturnsThoughTheNextBegan(Observation observed) throws Exception {
        for (int trial = 1; trial <= ROUND_TRIALS; trial++) {
            WaitGroup g = implementation.create();
            g.add(1);
            java.util.concurrent.atomic.AtomicBoolean next = new java.util.concurrent.atomic.AtomicBoolean();
            BlockingCall<Void> helper = BlockingCall.run("add(0) in a loop, then done(); add(1)", () -> {
                while (!next.get()) {
                    g.add(0);
                }
                g.done();      // round 1 ends ...
                g.add(1);      // ... and round 2 begins before round 1's waiter returned
            });
            BlockingCall<Void> waiter = BlockingCall.run("round 1's await()", g::await).asSoonAsParked();
            next.set(true);
            helper.result(Bounds.MUST_RETURN);
            if (waiter.stillBlockedAfter(Bounds.MUST_RETURN)) {
                String state = String.valueOf(g);
                Stragglers.release(g);
                throw new AssertionError("trial " + trial + ": round 1's waiter was still waiting "
                        + Bounds.MUST_RETURN.toSeconds() + " s after round 1 ended (round 2 open): it waits for round 2,"
                        + " though " + implementation.name() + " documents itself generation-safe. State: " + state);
            }
            waiter.result(Bounds.MUST_RETURN);
            g.done();
        }
        observed.how(ROUND_TRIALS + " trials, the waiter arriving while add(0) keeps the group busy");
    }
}
