package dev.waitgroup.specimen;

import dev.waitgroup.WaitGroup;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * SPECIMEN, deliberately broken. Bug: <b>{@code if} instead of {@code while}</b> around the park.
 *
 * <p>{@code await} parks once and returns when it wakes up, taking the wake-up for the release.
 * But {@code LockSupport.park} may return for no reason at all ("spuriously"), and any thread may
 * unpark any other: a thread pool's worker, a library that unparks threads it thinks are its own,
 * a previous owner of the thread's permit. Each such wake-up lets a waiter out while the counter is
 * above zero, before the work it waits for has finished. Under the contract {@code await} returns
 * only once the counter is zero, however it was woken.
 *
 * <p>Caught by: the contract suite's {@code stray-unpark-ignored}, which unparks a waiter that has
 * nothing to do with the group. Fix: park in a loop that re-checks the counter
 * ({@code while (count.get() != 0) LockSupport.park(this);}).
 */
public final class ParkOnceWaitGroup implements WaitGroup {
    private final AtomicInteger count = new AtomicInteger();
    private final Queue<Thread> parked = new ConcurrentLinkedQueue<>();

    @Override
    public void add(int delta) {
        if (count.updateAndGet(c -> nextCount(c, delta)) == 0 && delta < 0) {
            for (Thread waiter; (waiter = parked.poll()) != null; ) {
                LockSupport.unpark(waiter);
            }
        }
    }

    @Override
    public void await() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        if (count.get() == 0) {
            return;
        }
        Thread me = Thread.currentThread();
        parked.add(me);
        if (count.get() != 0) {                 // the bug: if, not while
            LockSupport.park(this);
        }
        parked.remove(me);
        if (Thread.interrupted() && count.get() != 0) {
            throw new InterruptedException();
        }
    }

    @Override
    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        if (count.get() == 0) {
            return true;
        }
        long nanos = unit.toNanos(timeout);
        long deadline = System.nanoTime() + nanos; // differences of nanoTime stay right when this wraps
        Thread me = Thread.currentThread();
        parked.add(me);
        try {
            while (count.get() != 0) {          // the timed form loops correctly
                long remaining = nanos <= 0 ? nanos : deadline - System.nanoTime(); // Long.MIN_VALUE must not wrap
                if (remaining <= 0) {
                    return false;
                }
                LockSupport.parkNanos(this, remaining);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
            return true;
        } finally {
            parked.remove(me);
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
