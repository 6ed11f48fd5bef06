package dev.waitgroup.specimen;

import dev.waitgroup.WaitGroup;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * SPECIMEN, deliberately broken. Bug: <b>a pending interrupt is swallowed</b>.
 *
 * <p>{@code await} clears the interrupt status on entry with {@code Thread.interrupted()}, meaning
 * to throw {@code InterruptedException} once it knows it has to wait. On a zero counter it never
 * has to: it returns normally, and the interrupt is gone. The caller, a task being cancelled say,
 * carries on as if nobody had asked it to stop, and nothing it calls later can see the request.
 * Waiting with a non-zero counter works, which is why the usual interrupt test passes.
 *
 * <p>Caught by: the contract suite's {@code interrupt-pending-on-entry}. Fix: throw as soon as the
 * status is seen set ({@code CountDownLatch.await} does, whatever its count), or at least restore
 * it ({@code Thread.currentThread().interrupt()}) before returning.
 */
public final class LostInterruptWaitGroup implements WaitGroup {
    private final AtomicInteger count = new AtomicInteger();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition zero = lock.newCondition();

    @Override
    public void add(int delta) {
        lock.lock();
        try {
            if (count.updateAndGet(c -> nextCount(c, delta)) == 0 && delta < 0) {
                zero.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void await() throws InterruptedException {
        await(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
    }

    @Override
    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        boolean interrupted = Thread.interrupted();   // cleared here, "to be thrown below" ...
        if (count.get() == 0) {
            return true;                             // ... but a zero counter returns first: the interrupt is lost
        }
        if (interrupted) {
            throw new InterruptedException();
        }
        long remaining = unit.toNanos(timeout);
        lock.lockInterruptibly();
        try {
            while (count.get() != 0) {
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
