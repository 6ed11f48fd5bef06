package dev.waitgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.waitgroup.impl.LockConditionWaitGroup;
import java.io.IOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** ErrorGroup's rules, one test each. Every wait is bounded. */
class ErrorGroupTest {
    private static final long BOUND = 5;
    private final ExecutorService pool = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "error-group-test");
        thread.setDaemon(true);
        return thread;
    });

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void awaitReturnsNormallyWhenEveryTaskSucceeds() throws Exception {
        ErrorGroup group = new ErrorGroup(pool);
        AtomicInteger done = new AtomicInteger();
        for (int i = 0; i < 50; i++) {
            group.go(done::incrementAndGet);
        }
        group.await(BOUND, TimeUnit.SECONDS);
        assertEquals(50, done.get(), "await() returns only after every task ended");
        assertFalse(group.isCancelled());
    }

    @Test
    void theFirstFailureIsThrownWithTheLaterOnesSuppressed() throws Exception {
        ErrorGroup group = new ErrorGroup(Runnable::run); // tasks run in go()'s thread, in order
        IOException first = new IOException("first");
        IllegalStateException second = new IllegalStateException("second");
        group.go(() -> {
            throw first;
        });
        // the group is cancelled now: a second go() starts nothing; fail a task that was already started
        ErrorGroup racing = new ErrorGroup(pool);
        CountDownLatch bothStarted = new CountDownLatch(2);
        CountDownLatch fail = new CountDownLatch(1);
        racing.go(() -> {
            bothStarted.countDown();
            awaitUninterruptibly(fail);
            throw first;
        });
        racing.go(() -> {
            bothStarted.countDown();
            awaitUninterruptibly(fail);
            throw second;
        });
        assertTrue(bothStarted.await(BOUND, TimeUnit.SECONDS));
        fail.countDown();

        ExecutionException thrown = assertThrows(ExecutionException.class, () -> racing.await(BOUND, TimeUnit.SECONDS));
        Throwable cause = thrown.getCause();
        assertTrue(cause == first || cause == second, "the cause is one of the failures: " + cause);
        assertEquals(1, thrown.getSuppressed().length, "the other failure is attached");
        assertTrue(thrown.getSuppressed()[0] != cause);

        ExecutionException sequential = assertThrows(ExecutionException.class, () -> group.await(BOUND, TimeUnit.SECONDS));
        assertSame(first, sequential.getCause());
    }

    @Test
    void theFirstFailureCancelsAndInterruptsTheOthers() throws Exception {
        ErrorGroup group = new ErrorGroup(pool);
        CountDownLatch sleeping = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        group.go(() -> {
            sleeping.countDown();
            try {
                Thread.sleep(TimeUnit.SECONDS.toMillis(60));
            } catch (InterruptedException e) {
                interrupted.set(true);
                throw e; // answers the cancellation: not a failure of its own
            }
        });
        assertTrue(sleeping.await(BOUND, TimeUnit.SECONDS));
        IOException boom = new IOException("boom");
        group.go(() -> {
            throw boom;
        });

        ExecutionException thrown = assertThrows(ExecutionException.class, () -> group.await(BOUND, TimeUnit.SECONDS));
        assertSame(boom, thrown.getCause());
        assertEquals(0, thrown.getSuppressed().length, "an InterruptedException answering the cancellation is no failure");
        assertTrue(interrupted.get(), "the sleeping sibling was interrupted");
        assertTrue(group.isCancelled());
    }

    @Test
    void tasksCanPollTheCancellationSignal() throws Exception {
        ErrorGroup group = new ErrorGroup(pool);
        CountDownLatch polling = new CountDownLatch(1);
        AtomicInteger rounds = new AtomicInteger();
        group.go(() -> {
            while (!group.isCancelled()) {
                if (rounds.incrementAndGet() == 1) {
                    polling.countDown(); // it has seen the group not cancelled at least once
                }
                Thread.onSpinWait();
            }
        });
        assertTrue(polling.await(BOUND, TimeUnit.SECONDS));
        group.go(() -> {
            throw new IllegalArgumentException("bad input");
        });
        // await returns once every task returned: the polling task saw the cancellation and left its loop
        assertThrows(ExecutionException.class, () -> group.await(BOUND, TimeUnit.SECONDS));
        assertTrue(group.isCancelled());
    }

    @Test
    void cancelFromOutsideInterruptsTasksAndAwaitSaysSo() throws Exception {
        ErrorGroup group = new ErrorGroup(pool);
        CountDownLatch started = new CountDownLatch(1);
        group.go(() -> {
            started.countDown();
            Thread.sleep(TimeUnit.SECONDS.toMillis(60));
        });
        assertTrue(started.await(BOUND, TimeUnit.SECONDS));
        group.cancel();
        assertThrows(CancellationException.class, () -> group.await(BOUND, TimeUnit.SECONDS));
        AtomicBoolean ran = new AtomicBoolean();
        group.go(() -> ran.set(true));
        assertFalse(group.tryGo(() -> ran.set(true)), "a cancelled group starts nothing");
        assertFalse(ran.get());
    }

    @Test
    void aLimitBoundsHowManyTasksRunAtOnce() throws Exception {
        ErrorGroup group = new ErrorGroup(pool);
        group.setLimit(2);
        AtomicInteger now = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        for (int i = 0; i < 20; i++) {
            group.go(() -> {
                most.accumulateAndGet(now.incrementAndGet(), Math::max);
                Thread.sleep(2);
                now.decrementAndGet();
            });
        }
        group.await(BOUND, TimeUnit.SECONDS);
        assertTrue(most.get() <= 2, "at most 2 at once, saw " + most.get());
    }

    @Test
    void goWaitsForASlotAndTryGoDoesNot() throws Exception {
        ErrorGroup group = new ErrorGroup(pool);
        group.setLimit(1);
        CountDownLatch release = new CountDownLatch(1);
        group.go(() -> awaitUninterruptibly(release));
        assertFalse(group.tryGo(() -> { }), "no free slot");

        AtomicBoolean secondStarted = new AtomicBoolean();
        Thread blocked = new Thread(() -> {
            try {
                group.go(() -> secondStarted.set(true));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        blocked.setDaemon(true);
        blocked.start();
        blocked.join(100);
        assertTrue(blocked.isAlive(), "go() waits for a slot");
        release.countDown();
        blocked.join(TimeUnit.SECONDS.toMillis(BOUND));
        assertFalse(blocked.isAlive(), "go() got the freed slot");
        group.await(BOUND, TimeUnit.SECONDS);
        assertTrue(secondStarted.get());
        assertTrue(group.tryGo(() -> { }), "a slot is free again");
        group.await(BOUND, TimeUnit.SECONDS);
    }

    @Test
    void changingTheLimitWhileTasksRunIsRefused() throws Exception {
        ErrorGroup group = new ErrorGroup(pool);
        CountDownLatch release = new CountDownLatch(1);
        group.go(() -> awaitUninterruptibly(release));
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> group.setLimit(4));
        assertTrue(refused.getMessage().contains("still active"), refused.getMessage());
        release.countDown();
        group.await(BOUND, TimeUnit.SECONDS);
        group.setLimit(4);
        assertThrows(IllegalArgumentException.class, () -> group.setLimit(0), "0 would block every task");
    }

    @Test
    void aRejectedTaskIsNotCountedAndTheRejectionIsThrown() throws Exception {
        ErrorGroup group = new ErrorGroup(task -> {
            throw new RejectedExecutionException("full");
        });
        group.setLimit(1);
        assertThrows(RejectedExecutionException.class, () -> group.go(() -> { }));
        assertEquals(0, group.running());
        assertFalse(group.isCancelled());
        assertThrows(RejectedExecutionException.class, () -> group.tryGo(() -> { }), "the slot was given back");
    }

    @Test
    void aTimedAwaitReportsTasksStillRunning() throws Exception {
        ErrorGroup group = new ErrorGroup(pool);
        CountDownLatch release = new CountDownLatch(1);
        group.go(() -> awaitUninterruptibly(release));
        TimeoutException timeout = assertThrows(TimeoutException.class, () -> group.await(20, TimeUnit.MILLISECONDS));
        assertTrue(timeout.getMessage().startsWith("1 tasks still running"), timeout.getMessage());
        release.countDown();
        group.await(BOUND, TimeUnit.SECONDS);
    }

    @Test
    void theDefaultRunsEachTaskOnItsOwnThreadAndAnyWaitGroupCanCount() throws Exception {
        ErrorGroup group = new ErrorGroup();
        Thread caller = Thread.currentThread();
        AtomicBoolean otherThread = new AtomicBoolean();
        group.go(() -> otherThread.set(Thread.currentThread() != caller));
        group.await(BOUND, TimeUnit.SECONDS);
        assertTrue(otherThread.get());

        ErrorGroup onLock = new ErrorGroup(pool, new LockConditionWaitGroup());
        onLock.go(() -> { });
        onLock.await(BOUND, TimeUnit.SECONDS);
        WaitGroup used = new LockConditionWaitGroup();
        used.add(1);
        assertThrows(IllegalArgumentException.class, () -> new ErrorGroup(pool, used), "a group in use is refused");
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    if (!latch.await(BOUND, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the test never released this task");
                    }
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
