package dev.waitgroup.contract;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.waitgroup.WaitGroup;
import dev.waitgroup.catalogue.Check;
import dev.waitgroup.catalogue.HarnessCheck;
import dev.waitgroup.harness.junit.CheckRecorder;
import dev.waitgroup.harness.junit.HangDetected;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The WaitGroup contract, checked on every implementation of the {@code wg.impl} selection.
 *
 * <p>Each test is one clause of the contract in {@link WaitGroup}'s Javadoc. Every blocking call runs
 * in a {@link BlockingCall} with a bound, so an implementation that hangs is reported, not waited
 * out. The concurrent checks here are the deterministic kind: a correct implementation always
 * passes them; jcstress and Lincheck hunt the rare interleavings.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.waitgroup.harness.junit.HarnessSubject#selected")
@ExtendWith(CheckRecorder.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WaitGroupContractChecks extends OneGroupPerCheck {
    /** Releases raced against the start of a timed wait: each lands before, during or after its start. */
    static final int RACING_TRIALS = 300;
    /** What a refusal of a negative counter says, as {@link WaitGroup}'s contract (and Go's panic) words it. */
    private static final String NEGATIVE = "negative WaitGroup counter";

    @Test
    @Order(1)
    @HarnessCheck(Check.NEW_GROUP_IS_ZERO)
    void aNewGroupIsZeroAndDoesNotBlock() throws Exception {
        assertEquals(0, group.count());
        BlockingCall.run("await() on a new group", group::await).result(Bounds.MUST_RETURN);
        assertTrue(BlockingCall.timedAwait(group, 0, TimeUnit.NANOSECONDS), "await(0) on a zero counter must return true");
    }

    @Test
    @Order(2)
    @HarnessCheck(Check.SEQUENTIAL_SEMANTICS)
    void addAndDoneChangeTheCounterByTheirDelta() {
        group.add(3);
        assertEquals(3, group.count());
        group.done();
        assertEquals(2, group.count());
        group.add(0);
        assertEquals(2, group.count());
        group.add(5);
        assertEquals(7, group.count());
        group.add(-7);
        assertEquals(0, group.count());
    }

    @Test
    @Order(3)
    @HarnessCheck(Check.NEGATIVE_REFUSED)
    void aNegativeCounterIsRefusedAndTheCounterIsUnchanged() {
        IllegalStateException onZero = assertThrows(IllegalStateException.class, group::done,
                "done() on a zero counter");
        assertTrue(onZero.getMessage().contains(NEGATIVE),
                "message should say '" + NEGATIVE + "': " + onZero.getMessage());
        assertEquals(0, group.count());

        group.add(2);
        assertThrows(IllegalStateException.class, () -> group.add(-3), "add(-3) on a counter of 2");
        assertThrows(IllegalStateException.class, () -> group.add(Integer.MIN_VALUE), "add(MIN_VALUE)");
        assertEquals(2, group.count(), "a refused add must leave the counter unchanged");

        group.done();
        group.done();
        assertEquals(0, group.count(), "the group still works after a refusal");
    }

    @Test
    @Order(4)
    @HarnessCheck(Check.OVERFLOW_REFUSED)
    void anOverflowIsRefusedAndTheCounterIsUnchanged() throws Exception {
        group.add(Integer.MAX_VALUE - 1);
        group.add(1);
        assertEquals(Integer.MAX_VALUE, group.count(), "the counter reaches Integer.MAX_VALUE");

        assertThrows(IllegalStateException.class, () -> group.add(1), "add(1) at Integer.MAX_VALUE");
        assertThrows(IllegalStateException.class, () -> group.add(Integer.MAX_VALUE), "add(MAX_VALUE) at MAX_VALUE");
        assertEquals(Integer.MAX_VALUE, group.count(), "a refused add must leave the counter unchanged");

        assertDoesNotThrow(() -> group.add(-Integer.MAX_VALUE), "add(-MAX_VALUE) on the counter of MAX_VALUE that the"
                + " two refused adds must have left unchanged");
        assertEquals(0, group.count(), "add(-MAX_VALUE) on a counter of MAX_VALUE leaves zero");
        BlockingCall.run("await() after add(-MAX_VALUE)", group::await).result(Bounds.MUST_RETURN);
    }

    @Test
    @Order(5)
    @HarnessCheck(Check.AWAIT_BLOCKS_UNTIL_ZERO)
    void awaitBlocksUntilTheCounterIsZero() throws Exception {
        group.add(2);
        BlockingCall<Void> waiter = BlockingCall.run("await() on a counter of 2", group::await);
        assertTrue(waiter.stillBlockedAfter(Bounds.STAYS_BLOCKED), "await() returned while the counter was 2");

        group.done();
        assertTrue(waiter.stillBlockedAfter(Bounds.STAYS_BLOCKED), "await() returned while the counter was 1");

        group.done();
        waiter.result(Bounds.MUST_RETURN);
        BlockingCall.run("await() after the release", group::await).result(Bounds.MUST_RETURN);
    }

    @Test
    @Order(5)
    @HarnessCheck(Check.RELEASE_BY_NEGATIVE_ADD)
    void aNegativeAddThatReachesZeroReleasesLikeDone() throws Exception {
        group.add(3);
        BlockingCall<Void> waiter = BlockingCall.run("await() on a counter of 3, then add(-3),", group::await).whenParked();
        group.add(-3); // three tasks finished at once: a release, exactly as three done() would be
        waiter.result(Bounds.MUST_RETURN);
        assertEquals(0, group.count());
    }

    @Test
    @Order(6)
    @HarnessCheck(Check.TIMED_AWAIT_TIMES_OUT)
    void theTimedAwaitReturnsFalseWhenTheTimeElapses() throws Exception {
        group.add(1);
        boolean released = BlockingCall.start("await(50 ms) on a counter of 1",
                () -> group.await(50, TimeUnit.MILLISECONDS)).result(Bounds.MUST_RETURN);
        assertFalse(released, "await(50 ms) must return false while the counter stays 1");
        assertFalse(BlockingCall.timedAwait(group, 0, TimeUnit.NANOSECONDS), "await(0) must return false on a non-zero counter");
        assertFalse(BlockingCall.timedAwait(group, -1, TimeUnit.SECONDS), "a negative timeout means do not wait");
        assertEquals(1, group.count(), "a timed-out await must leave the counter unchanged");
    }

    @Test
    @Order(7)
    @HarnessCheck(Check.TIMED_AWAIT_RELEASED)
    void theTimedAwaitReturnsTrueOnRelease() throws Exception {
        group.add(1);
        BlockingCall<Boolean> waiter = BlockingCall.start("await(10 s) on a counter of 1",
                () -> group.await(Bounds.MUST_RETURN.toMillis(), TimeUnit.MILLISECONDS)).whenParked();
        group.done();
        assertTrue(waiter.result(Bounds.MUST_RETURN.multipliedBy(2)), "await(timeout) must return true on release");
    }

    /**
     * The release lands while await(timeout) is still on its way in: it has read a counter of 1 but
     * not yet parked (a spinning phase, a node being registered). It must still return true. The
     * trials race the release against the start of the wait; some land in that window.
     */
    @Test
    @Order(7)
    @HarnessCheck(Check.TIMED_AWAIT_RELEASED_AS_IT_STARTS)
    void aTimedAwaitReleasedAsItStartsReturnsTrue() throws Exception {
        for (int trial = 0; trial < RACING_TRIALS; trial++) {
            WaitGroup round = implementation.create();
            round.add(1);
            CountDownLatch starting = new CountDownLatch(1);
            BlockingCall<Boolean> waiter = BlockingCall.start("await(10 s) released as it starts", () -> {
                starting.countDown();
                return round.await(10, TimeUnit.SECONDS);
            });
            starting.await();
            round.done();
            assertTrue(waiter.result(Bounds.MUST_RETURN), "trial " + trial + ": await(timeout) returned false,"
                    + " though the counter reached zero while it started");
        }
    }

    @Test
    @Order(8)
    @HarnessCheck(Check.EVERY_WAITER_RELEASED)
    void reachingZeroReleasesEveryWaiter() throws Exception {
        group.add(1);
        List<BlockingCall<Void>> waiters = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            waiters.add(BlockingCall.run("waiter " + i + " of 4", group::await).whenParked());
        }
        group.done();
        for (BlockingCall<Void> waiter : waiters) {
            waiter.result(Bounds.MUST_RETURN);
        }
    }

    @Test
    @Order(9)
    @HarnessCheck(Check.GO_BARRIER)
    void goTestWaitGroupPatternSixteenThreadsEightRounds() throws Exception {
        // Go's TestWaitGroup: group 1 tells the coordinator that all 16 threads arrived; group 2 holds
        // them back until the coordinator has counted group 2 down. A thread that passes group 2
        // early was "released too soon".
        WaitGroup arrived = implementation.create();
        WaitGroup gate = group;
        int threads = 16;
        for (int round = 0; round < 8; round++) {
            arrived.add(threads);
            gate.add(threads);
            BlockingQueue<Integer> exited = new ArrayBlockingQueue<>(threads);
            for (int i = 0; i < threads; i++) {
                int id = i;
                BlockingCall.run("round " + round + " thread " + i, () -> {
                    arrived.done();
                    gate.await();
                    exited.add(id);
                });
            }
            BlockingCall.run("round " + round + ": await all arrived", arrived::await).result(Bounds.MUST_RETURN);
            for (int i = 0; i < threads; i++) {
                if (!exited.isEmpty()) {
                    fail("round " + round + ": WaitGroup released thread " + exited.peek()
                            + " too soon, with the gate's counter at " + gate.count());
                }
                gate.done();
            }
            for (int i = 0; i < threads; i++) {
                if (exited.poll(Bounds.MUST_RETURN.toMillis(), TimeUnit.MILLISECONDS) == null) {
                    throw new HangDetected("round " + round + ": only " + i + " of " + threads
                            + " threads passed the gate after it reached zero");
                }
            }
        }
    }

    @Test
    @Order(10)
    @HarnessCheck(Check.REUSE_ROUNDS)
    void aGroupIsReusableOnceEveryAwaitReturned() throws Exception {
        AtomicInteger work = new AtomicInteger();
        int tasks = 4;
        for (int round = 1; round <= 100; round++) {
            group.add(tasks);
            for (int i = 0; i < tasks; i++) {
                BlockingCall.run("round " + round + " task " + i, () -> {
                    work.incrementAndGet();
                    group.done();
                });
            }
            BlockingCall.run("await() of round " + round, group::await).result(Bounds.MUST_RETURN);
            assertEquals(round * tasks, work.get(), "await() of round " + round + " returned before its tasks ended");
        }
    }

    @Test
    @Order(11)
    @HarnessCheck(Check.CONCURRENT_ADD_DONE)
    void concurrentAddAndDoneLoseNoUpdate() throws Exception {
        int threads = 4;
        int pairs = 20_000;
        group.add(1); // held open, so that no pair of add/done ever reaches zero
        CyclicBarrier start = new CyclicBarrier(threads);
        List<BlockingCall<Void>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(BlockingCall.run("add(1)/done() x " + pairs, () -> {
                start.await();
                for (int i = 0; i < pairs; i++) {
                    group.add(1);
                    group.done();
                }
            }));
        }
        for (BlockingCall<Void> worker : workers) {
            worker.result(Bounds.MUST_RETURN);
        }
        assertEquals(1, group.count(), "after " + threads * pairs + " racing add(1)/done() pairs");
        group.done();
        BlockingCall.run("await() after the last done()", group::await).result(Bounds.MUST_RETURN);
    }

    @Test
    @Order(12)
    @HarnessCheck(Check.RACING_DONES_ONE_REFUSED)
    void ofTwoRacingDoneOnACounterOfOneExactlyOneIsRefused() throws Exception {
        for (int trial = 0; trial < 100; trial++) {
            WaitGroup g = implementation.create();
            g.add(1);
            CountDownLatch go = new CountDownLatch(1);
            BlockingCall<Boolean> first = BlockingCall.start("done() #1", () -> refused(g, go));
            BlockingCall<Boolean> second = BlockingCall.start("done() #2", () -> refused(g, go));
            go.countDown();
            int refusals = (first.result(Bounds.MUST_RETURN) ? 1 : 0) + (second.result(Bounds.MUST_RETURN) ? 1 : 0);
            assertEquals(1, refusals, "trial " + trial + ": of two done() on a counter of 1, exactly one must be"
                    + " refused; counter now " + g.count());
            assertEquals(0, g.count(), "trial " + trial);
        }
    }

    private static boolean refused(WaitGroup g, CountDownLatch go) throws InterruptedException {
        go.await();
        try {
            g.done();
            return false;
        } catch (IllegalStateException refused) {
            return true;
        }
    }

    @Test
    @Order(13)
    @HarnessCheck(Check.DONE_HAPPENS_BEFORE_AWAIT)
    void everythingBeforeDoneIsVisibleAfterAwait() throws Exception {
        int workers = 4;
        for (int trial = 0; trial < 100; trial++) {
            int[] written = new int[workers]; // plain writes: only the WaitGroup orders them
            WaitGroup g = implementation.create();
            g.add(workers);
            for (int w = 0; w < workers; w++) {
                int slot = w;
                int value = trial + 1;
                BlockingCall.run("worker " + w, () -> {
                    written[slot] = value;
                    g.done();
                });
            }
            BlockingCall.run("await() of trial " + trial, g::await).result(Bounds.MUST_RETURN);
            for (int w = 0; w < workers; w++) {
                assertEquals(trial + 1, written[w], "trial " + trial + ": worker " + w
                        + "'s write before done() is not visible after await()");
            }
        }
    }

    @Test
    @Order(14)
    @HarnessCheck(Check.INTERRUPTED_AWAIT)
    void anInterruptedAwaitThrowsAndLeavesTheCounterUnchanged() throws Exception {
        group.add(1);
        BlockingCall<Void> waiter = BlockingCall.run("await() on a counter of 1", group::await).whenParked();
        waiter.interrupt();
        assertInstanceOf(InterruptedException.class, waiter.thrown(Bounds.MUST_RETURN), "interrupted await()");
        assertEquals(1, group.count(), "an interrupted await must leave the counter unchanged");

        BlockingCall<Boolean> timed = BlockingCall.start("await(60 s) on a counter of 1",
                () -> group.await(60, TimeUnit.SECONDS)).whenParked();
        timed.interrupt();
        assertInstanceOf(InterruptedException.class, timed.thrown(Bounds.MUST_RETURN), "interrupted await(timeout)");

        BlockingCall<Void> alreadyInterrupted = BlockingCall.run("await() by an interrupted thread", () -> {
            Thread.currentThread().interrupt();
            group.await();
        });
        assertInstanceOf(InterruptedException.class, alreadyInterrupted.thrown(Bounds.MUST_RETURN),
                "await() called with the interrupt status set");
        assertEquals(1, group.count());

        group.done();
        BlockingCall.run("await() after the interrupted ones", group::await).result(Bounds.MUST_RETURN);
    }
}
