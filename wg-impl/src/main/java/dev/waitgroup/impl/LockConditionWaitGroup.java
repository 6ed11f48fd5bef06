package dev.waitgroup.impl;

import dev.waitgroup.WaitGroup;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link WaitGroup} guarded by one {@link ReentrantLock}, with waiters parked on a
 * {@link Condition}: the textbook monitor, and the easiest to read.
 *
 * <p>The counter ranges over {@code 0..Integer.MAX_VALUE}. An {@code add} that would take it below
 * zero or past {@code Integer.MAX_VALUE} throws {@link IllegalStateException}, with a message that
 * begins "negative WaitGroup counter" or "WaitGroup counter overflow", and leaves the counter
 * unchanged. {@code await} is interruptible and may be timed.
 *
 * <p><b>Reuse.</b> A group may be reused once every {@code await} of the previous round has
 * returned (Go's rule: "new Add calls must happen after all previous Wait calls have returned").
 * Reused sooner, it is <b>generation-safe</b>: a waiter of the previous round returns even if the
 * next round's {@code add} ran before it woke up.
 *
 * <p>Every {@code add} takes the lock, so many threads counting down at once contend for it. An
 * {@code await} that finds the counter at zero, and {@link #count()}, take no lock. The release
 * wakes all waiters at once; each then takes the lock in turn to leave.
 *
 * <p>Memory consistency effects: actions in a thread prior to calling {@code done()}, or {@code add}
 * with a negative delta, <i>happen-before</i> actions following the return of an {@code await} in
 * another thread that this release unblocks, or that finds the counter at zero after it.
 */
public final class LockConditionWaitGroup implements WaitGroup {
    /*
     * Implementation notes.
     *
     * count is the counter, 0..Integer.MAX_VALUE. round numbers the releases: it advances exactly
     * when a negative delta brings count to zero, after count is written, and every waiter is then
     * signalled. Both are written only under the lock and are volatile, so that await's first
     * reads and count() need no lock.
     *
     * A waiter reads round first (its arrival round), then count. A release writes count before
     * round, and no add can run between those two writes (the releaser holds the lock). So a waiter
     * that reads round r and then count != 0 knows that the release of round r had not completed
     * when it read round r: either round r is still open, or it has ended since and a new round
     * began, in which case round is no longer r and the wait loop exits at once. Under the lock it
     * waits while count != 0 && round == arrival: the check and the wait are atomic with respect to
     * the release, so a wake-up is never lost, and a waiter returns exactly when its own round
     * ends, which makes the group generation-safe.
     *
     * The other order (count first, then round, read only under the lock) lets a waiter that slips in
     * between a round's end and the next round's add take the next round for its own and wait for it;
     * the specimen stale-round keeps that version.
     *
     * Ordering: a waiter returns after reading count 0 or an advanced round, both volatile and both
     * written by the release after every add of the round (those are ordered by the lock).
     */

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
        long arrival = round; // the round first, then the counter: see the notes above
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
        long arrival = round; // the round first, then the counter
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
