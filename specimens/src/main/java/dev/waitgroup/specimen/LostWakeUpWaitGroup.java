package dev.waitgroup.specimen;

import dev.waitgroup.WaitGroup;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * SPECIMEN, deliberately broken. Bug: <b>lost wake-up</b>, the condition is checked outside the lock.
 *
 * <p>{@code await} reads the counter, sees it non-zero, and only then takes the lock and waits on the
 * condition. If the last {@code done()} brings the counter to zero and signals in the gap between
 * that check and the wait, the signal finds no one waiting and is lost; the waiter then sleeps
 * forever (or, timed, until its timeout, and reports a timeout although the count reached zero
 * long before). The counter itself is atomic and correct.
 *
 * <p>Caught by: jcstress's termination test ({@code await} never returns after the release) and
 * its timed twin (a FORBIDDEN timeout), and Lincheck's model checker, which finds the interleaving
 * and reports the hang. Fix: check the condition and wait while holding the same lock that the
 * signaller holds when it changes the condition, as {@code LockConditionWaitGroup} does.
 */
public final class LostWakeUpWaitGroup implements WaitGroup {
    private final AtomicInteger count = new AtomicInteger();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition zero = lock.newCondition();

    @Override
    public void add(int delta) {
        int next = count.updateAndGet(current -> nextCount(current, delta));
        if (next == 0 && delta < 0) {
            lock.lock();
            try {
                zero.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    @Override
    public void await() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        while (count.get() != 0) {          // the check, outside the lock ...
            lock.lockInterruptibly();
            try {
                zero.await();               // ... and the wait: a signal in between is lost
            } finally {
                lock.unlock();
            }
        }
    }

    @Override
    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        long remaining = unit.toNanos(timeout);
        while (count.get() != 0) {
            lock.lockInterruptibly();
            try {
                if (remaining <= 0L) {
                    return false;
                }
                remaining = zero.awaitNanos(remaining);
                if (remaining <= 0L) {
                    return false;           // "no signal in time", although the count may be zero
                }
            } finally {
                lock.unlock();
            }
        }
        return true;
    }

    @Override
    public int count() {
        return count.get();
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
