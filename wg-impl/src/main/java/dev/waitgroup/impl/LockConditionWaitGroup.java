package dev.waitgroup.impl;

import dev.waitgroup.CounterArithmetic;
import dev.waitgroup.WaitGroup;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A WaitGroup guarded by one {@link ReentrantLock}, with waiters parked on a {@link Condition}: the
 * textbook monitor, and the easiest to read.
 *
 * <p>Every change of the counter happens under the lock. When a negative delta brings it to zero,
 * the round number advances and all waiters are signalled. A waiter remembers the round it started
 * in and waits while the counter is non-zero <i>and</i> the round is unchanged, so a wake-up is never
 * lost (the check and the wait are atomic under the lock) and never misread.
 *
 * <p>Invariant: {@code 0 <= count <= Integer.MAX_VALUE}; {@code round} advances exactly when the
 * counter drops to zero.
 *
 * <p>Reuse before the previous {@code await} returned: <b>generation-safe</b>. A waiter of the old
 * round returns even if the next round's {@code add} ran before it woke up.
 */
public final class LockConditionWaitGroup implements WaitGroup {
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
            int next = CounterArithmetic.next(count, delta);
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
        if (count == 0) {
            return;
        }
        lock.lockInterruptibly();
        try {
            long startRound = round;
            while (count != 0 && round == startRound) {
                released.await();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
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
        return "LockConditionWaitGroup[count=" + count + "]";
    }
}
