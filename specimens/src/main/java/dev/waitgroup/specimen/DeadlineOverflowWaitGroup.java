package dev.waitgroup.specimen;

import dev.waitgroup.WaitGroup;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * SPECIMEN, deliberately broken. Bug: <b>the deadline overflows</b> for a huge timeout.
 *
 * <p>The timed {@code await} computes an absolute deadline, {@code System.nanoTime() + nanos}, and
 * gives up once {@code System.nanoTime() >= deadline}. For {@code await(Long.MAX_VALUE, SECONDS)}
 * ("wait as long as it takes": {@code toNanos} saturates at {@code Long.MAX_VALUE}) the sum
 * overflows to a large negative number, the comparison holds at once, and the wait that should
 * last forever returns {@code false} immediately, as if it had timed out.
 *
 * <p>Caught by: the contract suite's {@code timed-await-huge-timeouts}. Fix: never compare absolute
 * {@code nanoTime} values; compare differences ({@code deadline - System.nanoTime() <= 0}, which
 * wraps the same way the sum did), or count the remaining time down as {@code awaitNanos} returns it.
 */
public final class DeadlineOverflowWaitGroup implements WaitGroup {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition zero = lock.newCondition();
    private volatile int count; // written under the lock

    @Override
    public void add(int delta) {
        lock.lock();
        try {
            count = nextCount(count, delta);
            if (count == 0 && delta < 0) {
                zero.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void await() throws InterruptedException {
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
        long deadline = System.nanoTime() + unit.toNanos(timeout);   // overflows for huge timeouts
        lock.lockInterruptibly();
        try {
            while (count != 0) {
                long now = System.nanoTime();
                if (now >= deadline) {                                // the bug: compares absolute times
                    return false;
                }
                zero.awaitNanos(deadline - now);
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
