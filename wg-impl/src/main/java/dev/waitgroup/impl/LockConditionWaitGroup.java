package dev.waitgroup.impl;

import dev.waitgroup.WaitGroup;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A WaitGroup guarded by one {@link ReentrantLock}, with waiters parked on a {@link Condition}: the
 * textbook monitor, and the easiest to read.
 *
 * <p>Every change of the counter happens under the lock. When a negative delta brings it to zero,
 * the round number advances and all waiters are signalled. A waiter remembers the round it arrived
 * in and waits while the counter is non-zero <i>and</i> the round is unchanged, so a wake-up is never
 * lost (the check and the wait are atomic under the lock) and never misread.
 *
 * <p>"The round it arrived in" is read before anything else, without the lock: {@code round} and
 * {@code count} are volatile, and a release writes the counter before it advances the round, so a
 * waiter that reads round {@code r} and then a non-zero counter knows that round {@code r} had not
 * ended when it arrived, and waits exactly until it ends. (Reading the counter first and the round
 * only under the lock, as this class once did, lets a waiter that slips in between a round's end and
 * the next round's {@code add} wait for the next round: the harness keeps that version as the
 * specimen {@code stale-round}.)
 *
 * <p>Invariant: {@code 0 <= count <= Integer.MAX_VALUE}; {@code round} advances exactly when the
 * counter drops to zero, after the counter is written.
 *
 * <p>Reuse before the previous {@code await} returned: <b>generation-safe</b>. A waiter of the old
 * round returns even if the next round's {@code add} ran before it woke up.
 */
public final class LockConditionWaitGroup implements WaitGroup {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition released = lock.newCondition();
    /** Written only under the lock; volatile so that await's fast path and count() need no lock. */
    private volatile int count;
    /** Written only under the lock, after {@code count}; volatile so that a waiter reads its round first. */
    private volatile long round;

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
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        long arrival = round;
        if (count == 0) {
            return;
        }
        lock.lockInterruptibly();
        try {
            while (count != 0 && round == arrival) {
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
        long arrival = round;
        if (count == 0) {
            return true;
        }
        long remaining = unit.toNanos(timeout);
        lock.lockInterruptibly();
        try {
            while (count != 0 && round == arrival) {
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
        return "LockConditionWaitGroup[count=" + count + ", round=" + round + ", lock held by "
                + (lock.isLocked() ? "a thread" : "none") + ", " + lock.getQueueLength() + " queued]";
    }
}
