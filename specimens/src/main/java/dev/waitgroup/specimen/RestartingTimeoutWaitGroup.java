package dev.waitgroup.specimen;

import dev.waitgroup.WaitGroup;
import java.util.concurrent.TimeUnit;

/**
 * SPECIMEN, deliberately broken. Bug: <b>a timed wait whose time starts over after every wake-up that
 * did not release it</b>.
 *
 * <p>The monitor wakes every waiter on every change of the counter ({@code notifyAll} in each
 * {@code add} and {@code done}), and each waiter checks whether the counter is zero yet. That is
 * wasteful but correct. The timed wait is not: after a wake-up that did not release it, it waits the
 * full timeout again, as if the wait had just begun. While the counter keeps changing faster than the
 * timeout, the wait never times out: {@code add(3)}, then {@code done()} every 50 ms from another
 * thread, and {@code await(100, MILLISECONDS)} returns {@code true} after 150 ms, where it must return
 * {@code false} at 100 ms; with thirty such {@code done()} calls, it returns after 1.5 s.
 *
 * <p>No check was written for it: the explorer finds it from the contract ("a timed await returns by
 * its deadline plus the slack"), with a ticker that changes the counter during a timed wait. Fix: keep
 * one deadline and wait for what remains of it ({@code remaining = deadline - System.nanoTime()}).
 */
public final class RestartingTimeoutWaitGroup implements WaitGroup {
    private int count; // guarded by this

    @Override
    public synchronized void add(int delta) {
        count = nextCount(count, delta);
        notifyAll();                                   // every change wakes every waiter
    }

    @Override
    public synchronized void await() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        while (count != 0) {
            wait();
        }
    }

    @Override
    public synchronized boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        long nanos = unit.toNanos(timeout);
        while (count != 0) {
            if (nanos <= 0) {
                return false;
            }
            long began = System.nanoTime();
            TimeUnit.NANOSECONDS.timedWait(this, nanos);  // the bug: the full timeout, every time
            if (count != 0 && System.nanoTime() - began >= nanos) {
                return false;
            }
        }
        return true;
    }

    @Override
    public synchronized int count() {
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
