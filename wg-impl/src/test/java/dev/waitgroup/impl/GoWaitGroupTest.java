package dev.waitgroup.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Go's three misuse checks, each driven into deterministically. Go's own tests hunt the last two
 * with a million random tries; here the algorithm is stopped at the exact point where the misuse
 * happens, through the package-private constructor that sets the word and the semaphore.
 */
class GoWaitGroupTest {
    private static final long BOUND_SECONDS = 5;
    private final ExecutorService threads = Executors.newCachedThreadPool(daemon());

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void doneOnAZeroCounterPanicsWithGosMessage() {
        GoWaitGroup group = new GoWaitGroup();
        group.add(1);
        group.done();
        IllegalStateException panic = assertThrows(IllegalStateException.class, group::done);
        assertEquals(GoWaitGroup.NEGATIVE, panic.getMessage());
        assertEquals(0, group.count(), "unlike Go, the refused add leaves the counter unchanged");
    }

    @Test
    void addOnAZeroCounterWhileWaitersAreBeingReleasedPanics() {
        // The word as it is between the releasing add's CAS and its reset: counter 0, one waiter.
        GoWaitGroup releasing = new GoWaitGroup(0, 1, new Semaphore(0));
        IllegalStateException panic = assertThrows(IllegalStateException.class, () -> releasing.add(1));
        assertEquals(GoWaitGroup.ADD_DURING_WAIT, panic.getMessage());
        assertEquals(0, releasing.count());
        assertEquals(1, releasing.waiters(), "the refused add leaves the word unchanged");
    }

    @Test
    void reuseBeforeThePreviousWaitReturnedPanicsInTheWaiter() throws Exception {
        HeldSemaphore sema = new HeldSemaphore();
        GoWaitGroup group = new GoWaitGroup(0, 0, sema);
        group.add(1);
        Future<?> waiter = threads.submit(() -> {
            group.await();
            return null;
        });
        awaitWaiters(group, 1);

        Future<?> releaser = threads.submit(group::done);   // resets the word, then stops before the release
        assertTrue(sema.releaseCalled.await(BOUND_SECONDS, TimeUnit.SECONDS), "done() reached the release");
        group.add(1);                                        // round 2 starts: round 1's waiter has not returned
        sema.mayRelease.countDown();

        ExecutionException panic = assertThrows(ExecutionException.class,
                () -> waiter.get(BOUND_SECONDS, TimeUnit.SECONDS));
        assertEquals(IllegalStateException.class, panic.getCause().getClass());
        assertEquals(GoWaitGroup.REUSED, panic.getCause().getMessage());
        releaser.get(BOUND_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void anInterruptedWaiterWithdrawsItsRegistration() throws Exception {
        GoWaitGroup group = new GoWaitGroup();
        group.add(1);
        Future<?> waiter = threads.submit(() -> {
            group.await();
            return null;
        });
        awaitWaiters(group, 1);
        waiter.cancel(true);
        awaitWaiters(group, 0);
        assertEquals(1, group.count());

        group.done();   // no waiter left: no permit may be handed out
        group.add(1);
        assertFalse(group.await(20, TimeUnit.MILLISECONDS), "a stray permit would release this await");
        group.done();
        assertTrue(group.await(BOUND_SECONDS, TimeUnit.SECONDS));
    }

    @Test
    void aTimedOutWaiterWithdrawsItsRegistration() throws Exception {
        GoWaitGroup group = new GoWaitGroup();
        group.add(1);
        assertFalse(group.await(10, TimeUnit.MILLISECONDS));
        assertEquals(0, group.waiters());
        group.done();
        assertTrue(group.await(0, TimeUnit.SECONDS));
    }

    private static void awaitWaiters(GoWaitGroup group, int waiters) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOUND_SECONDS);
        while (group.waiters() != waiters) {
            assertTrue(System.nanoTime() < deadline, "expected " + waiters + " waiters, have " + group.waiters());
            Thread.sleep(1);
        }
    }

    /** A semaphore whose release stops until the test lets it go on. */
    private static final class HeldSemaphore extends Semaphore {
        private static final long serialVersionUID = 1L;
        final CountDownLatch releaseCalled = new CountDownLatch(1);
        final CountDownLatch mayRelease = new CountDownLatch(1);

        HeldSemaphore() {
            super(0);
        }

        @Override
        public void release(int permits) {
            releaseCalled.countDown();
            try {
                if (!mayRelease.await(BOUND_SECONDS, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never let the release go on");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            super.release(permits);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return task -> {
            Thread thread = new Thread(task, "go-waitgroup-test");
            thread.setDaemon(true);
            return thread;
        };
    }
}
