package dev.waitgroup.specimen;

import dev.waitgroup.WaitGroup;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * SPECIMEN, deliberately broken. Bug: <b>a stale round</b>: {@code await} reads the counter and the
 * round in two steps. This is {@code LockConditionWaitGroup} as it was.
 *
 * <p>It promises to be generation-safe: a waiter waits for the round it arrived in, so a waiter of
 * round 1 returns even if round 2 began before it woke up. But it reads the counter without the lock
 * ({@code count != 0}: "there is something to wait for"), and the round only later, under the lock.
 * If round 1 ends and round 2 begins in between, which takes a client that reuses the group before
 * every await returned, the waiter records round 2 as its own and waits for round 2: the promise is
 * broken exactly where a client relies on it.
 *
 * <p>Caught by: the contract suite's {@code old-round-waiter-returns}, which holds generation-safe
 * implementations to their word with a waiter that arrives while the lock is contended, so that it
 * queues between the two reads. Fix: read the round first and the counter after (both volatile; a
 * release writes the counter before it advances the round), as {@code LockConditionWaitGroup} does now.
 */
public final class StaleRoundWaitGroup implements WaitGroup {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition released = lock.newCondition();
    /** Written only under the lock; volatile so that count() and await()'s fast path need no lock. */
    private volatile int count;
    /** Guarded by lock. */
    private long round;

    @Override
    public void add(int delta) {
        lock.lock();
        try {
            int next = nextCount(count, delta);
            count = next;
            if (next == 0 && delta < 0) {
                round++;
                released.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void await() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        if (count == 0) {                       // the counter now ...
            return;
        }
        lock.lockInterruptibly();
        try {
            long startRound = round;            // ... and the round later: a round may have ended in between
            while (count != 0 && round == startRound) {
                released.await();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        if (count == 0) {
            return true;
        }
        long remaining = unit.toNanos(timeout);
        lock.lockInterruptibly();
        try {
            long startRound = round;
            while (count != 0 && round == startRound) {
                if (remaining <= 0L) {
                    return false;
                }
                remaining = released.awaitNanos(remaining);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int count() {
        return count;
    }

    @Override
    public String toString() {
        return "StaleRoundWaitGroup[count=" + count + "]";
    }

    /** {@code count + delta}, refused outside {@code 0..Integer.MAX_VALUE} as every WaitGroup must. */
    private static int nextCount(int count, int delta) {
        long next = (long) count + delta;
        if (next < 0) {
            throw new IllegalStateException("negative WaitGroup counter: " + count + " + (" + delta + ") < 0");
        }
        if (next > Integer.MAX_VALUE) {
            throw new IllegalStateException("WaitGroup counter overflow: " + count + " + " + delta
                    + " > Integer.MAX_VALUE");
        }
        return (int) next;
    }
}
