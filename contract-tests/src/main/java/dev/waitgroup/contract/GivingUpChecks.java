package dev.waitgroup.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.waitgroup.WaitGroup;
import dev.waitgroup.catalogue.Check;
import dev.waitgroup.catalogue.HarnessCheck;
import dev.waitgroup.harness.junit.CheckRecorder;
import dev.waitgroup.harness.junit.Observation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Waiters that stop waiting: by interrupt or by timeout. The contract: an interrupt is never
 * swallowed, and a waiter that gave up leaves nothing behind, neither a registration that a release
 * would count nor a wake-up that a later waiter would take, nor memory.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.waitgroup.harness.junit.HarnessSubject#selected")
@ExtendWith(CheckRecorder.class)
class GivingUpChecks extends OneGroupPerCheck {
    /**
     * Threads polling at once, so that the short waits take a fraction of a second even where a timed
     * wait lasts at least a millisecond ({@code Object.wait} rounds a microsecond up to one).
     */
    private static final int POLLERS = 32;
    /**
     * Timed-out awaits: a node left behind per wait retains at least 16 bytes, so a leak of one wait in
     * twenty already passes {@link #RETAINED_BOUND}. (It was 100,000: the check took 4 to 6 s of its 10 s
     * bound on a quiet machine, and ran out of time on a busy one.)
     */
    private static final int POLLS = 20_000;
    private static final long RETAINED_BOUND = 64 * 1024;

    /**
     * The interrupt status set on entry: {@code await} throws, as {@code CountDownLatch.await} does,
     * even on a zero counter. Returning normally would at least have to keep the status; clearing it
     * and returning loses the caller's cancellation.
     */
    @Test
    @HarnessCheck(Check.INTERRUPT_PENDING_ON_ENTRY)
    void aPendingInterruptIsThrownWhateverTheCounter() throws Exception {
        for (int counter : new int[] {0, 1}) {
            WaitGroup g = implementation.create();
            g.add(counter);
            for (String form : List.of("await()", "await(0, NANOSECONDS)", "await(1, SECONDS)")) {
                BlockingCall<String> call = BlockingCall.start(form + " by an interrupted thread on a counter of "
                        + counter, () -> {
                            Thread.currentThread().interrupt();
                            try {
                                if (form.equals("await()")) {
                                    g.await();
                                } else if (form.startsWith("await(0")) {
                                    g.await(0, TimeUnit.NANOSECONDS);
                                } else {
                                    g.await(1, TimeUnit.SECONDS);
                                }
                            } catch (InterruptedException thrown) {
                                return "threw";
                            }
                            return Thread.currentThread().isInterrupted() ? "returned, status kept" : "returned, status lost";
                        });
                String outcome = call.result(Bounds.MUST_RETURN.plusSeconds(1));
                assertEquals("threw", outcome, form + " entered with the interrupt status set on a counter of " + counter
                        + " must throw InterruptedException");
            }
            assertEquals(counter, g.count(), "an interrupted await must leave the counter unchanged");
            Stragglers.release(g);
        }
    }

    /**
     * Round 1: one waiter times out, one is interrupted, a third keeps waiting. The release must wake
     * the third (the two who left must not take its wake-up), and must leave no wake-up behind: round
     * 2's waiter must wait until round 2 ends.
     */
    @Test
    @HarnessCheck(Check.GAVE_UP_WAITER_LEAVES_NOTHING)
    void aWaiterThatGaveUpLeavesNothingBehind() throws Exception {
        group.add(1);
        assertFalse(BlockingCall.timedAwait(group, 50, TimeUnit.MILLISECONDS), "await(50 ms) must time out");
        BlockingCall<Void> interrupted = BlockingCall.run("a waiter that is interrupted", group::await).whenParked();
        assertFalse(interrupted.finished(), "await() returned before it was interrupted, on a counter of 1 (after"
                + " await(50 ms) had timed out)");
        interrupted.interrupt();
        assertInstanceOf(InterruptedException.class, interrupted.thrown(Bounds.MUST_RETURN));
        BlockingCall<Void> stays = BlockingCall.run("the waiter that stays", group::await).whenParked();
        assertEquals(1, group.count(), "waiters that gave up must leave the counter unchanged");

        group.done();
        stays.result(Bounds.MUST_RETURN);

        group.add(1);
        BlockingCall<Void> nextRound = BlockingCall.run("round 2's waiter", group::await);
        assertTrue(nextRound.stillBlockedAfter(Bounds.STAYS_BLOCKED),
                "round 2's waiter returned with the counter at " + group.count() + ": a wake-up was left behind by a"
                        + " waiter of round 1 that gave up");
        assertFalse(BlockingCall.timedAwait(group, 0, TimeUnit.NANOSECONDS), "await(0) with round 2 open");
        group.done();
        nextRound.result(Bounds.MUST_RETURN);
    }

    /**
     * Waiters of one round, one of which gives up: the others must stay registered and be released.
     * An implementation that keeps its waiters in a list (a stack of nodes, a queue) unlinks the one
     * that gave up; unlinking the wrong node loses a live waiter, which then sleeps through the
     * release. Both orders: the one that gives up arrived last, then first.
     */
    @Test
    @HarnessCheck(Check.GIVING_UP_LEAVES_OTHERS_WAITING)
    void aWaiterThatGivesUpLeavesTheOthersWaiting() throws Exception {
        group.add(1);
        BlockingCall<Void> first = BlockingCall.run("the first waiter (one that does not give up)", group::await)
                .whenParked();
        assertFalse(BlockingCall.timedAwait(group, 20, TimeUnit.MILLISECONDS), "await(20 ms) must time out");
        BlockingCall<Boolean> leaving = BlockingCall.start("a waiter that gives up after 200 ms",
                () -> group.await(200, TimeUnit.MILLISECONDS)).whenParked();
        BlockingCall<Void> last = BlockingCall.run("the last waiter (one that does not give up)", group::await)
                .whenParked();
        assertFalse(leaving.result(Bounds.MUST_RETURN), "await(200 ms) must time out on a counter of 1");
        assertTrue(first.stillBlockedAfter(Bounds.STAYS_BLOCKED), "the first waiter must still wait at 1");
        group.done();
        first.result(Bounds.MUST_RETURN);
        last.result(Bounds.MUST_RETURN);
    }

    /**
     * A progress loop on a round that never ends: {@value #POLLS} timed-out awaits, half of them of
     * 0 ns (no wait at all) and half of 1 µs (a real, short wait), from {@value #POLLERS} threads. What the group retains afterwards (every object reachable from it,
     * threads and classes aside) must stay below {@value #RETAINED_BOUND} bytes; correct
     * implementations retain a few hundred, a node left behind per wait retains megabytes.
     */
    @Test
    @HarnessCheck(Check.NO_LEAK_ON_TIMED_OUT_AWAITS)
    void timedOutAwaitsLeaveTheGroupsMemoryBounded(Observation observed) throws Exception {
        group.add(1);
        RetainedMemory before = RetainedMemory.of(group);
        List<BlockingCall<Integer>> pollers = new ArrayList<>();
        for (int p = 0; p < POLLERS; p++) {
            pollers.add(BlockingCall.start("poller " + p, () -> {
                int timedOut = 0;
                for (int i = 0; i < POLLS / POLLERS; i++) {
                    if (!group.await(i % 2, TimeUnit.MICROSECONDS)) {
                        timedOut++;
                    }
                }
                return timedOut;
            }));
        }
        int timedOut = 0;
        for (BlockingCall<Integer> poller : pollers) {
            timedOut += poller.result(Bounds.MUST_RETURN.multipliedBy(4));
        }
        assertEquals(POLLS, timedOut, "every await(1 µs) on an open round must time out");
        RetainedMemory after = RetainedMemory.of(group);
        observed.how(POLLS + " awaits of 0 ns and 1 µs from " + POLLERS + " threads on an open round; retained memory walked"
                + " from the group, threads and classes excluded");
        observed.detail("retainedBefore", before.bytes());
        observed.detail("retainedAfter", after.bytes());
        observed.detail("objectsAfter", after.objects());
        if (after.bytes() > RETAINED_BOUND) {
            fail("after " + POLLS + " timed-out awaits the group retains " + after + " (before: " + before
                    + "; bound " + RETAINED_BOUND / 1024 + " KiB): " + after.largest());
        }
        observed.verdict(dev.waitgroup.record.Verdict.PASS, "retains " + after + " after " + POLLS
                + " timed-out awaits (before: " + before + ")");
    }
}
