package dev.waitgroup.specimen;

import dev.waitgroup.WaitGroup;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * SPECIMEN, deliberately broken. Bug: <b>only one waiter released</b>, {@code signal()} where
 * {@code signalAll()} is needed.
 *
 * <p>A WaitGroup may have any number of waiters, and reaching zero must release all of them. This
 * one wakes a single waiter when the counter reaches zero; the others stay parked, although the
 * condition they wait for is true. With one waiter it is indistinguishable from a correct
 * implementation, which is how this bug survives code review and simple tests.
 *
 * <p>Caught by: the contract suite's "every waiter released" check (two parked waiters, one release),
 * jcstress's two-waiter test (one waiter times out), and Lincheck's two-waiter scenario (a hang).
 * Fix: {@code signalAll()}.
 */
public final class SignalOneWaitGroup implements WaitGroup {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition zero = lock.newCondition();
    private volatile int count;

    @Override
    public void add(int delta) {
        lock.lock();
        try {
            int next = nextCount(count, delta);
            count = next;
            if (next == 0 && delta < 0) {
                zero.signal();              // wakes one waiter; the rest sleep on
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
        lock.lockInterruptibly();
        try {
            while (count != 0) {
                zero.await();
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
        long remaining = unit.toNanos(timeout);
        lock.lockInterruptibly();
        try {
            while (count != 0) {
                if (remaining <= 0L) {
                    return false;
                }
                remaining = zero.awaitNanos(remaining);
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
