package dev.waitgroup.specimen;

import dev.waitgroup.WaitGroup;
import java.util.concurrent.TimeUnit;

/**
 * SPECIMEN, deliberately broken. Bug: <b>the timeout is cut to milliseconds</b>.
 *
 * <p>The timed {@code await} waits on a monitor with {@code Object.wait(millis)}, so it first turns
 * the timeout into milliseconds. {@code unit.toMillis} rounds down: 1 ns, 1 µs and 999 µs are all
 * 0 ms, and {@code wait(0)} does not mean "do not wait", it means "wait until notified". A caller
 * that polls with a sub-millisecond timeout, or whose remaining time has shrunk below a
 * millisecond, waits until the round ends, which may be never. Zero and negative timeouts are
 * handled, which is why simple tests pass.
 *
 * <p>Caught by: the contract suite's {@code timed-await-short-timeouts}, where {@code await(1 µs)}
 * on an open round never returns. Fix: keep the timeout in nanoseconds and wait with
 * {@code TimeUnit.NANOSECONDS.timedWait(monitor, remaining)}, or use a {@code Condition}'s
 * {@code awaitNanos}.
 */
public final class MillisTimeoutWaitGroup implements WaitGroup {
    private final Object monitor = new Object();
    private int count; // guarded by monitor

    @Override
    public void add(int delta) {
        synchronized (monitor) {
            count = nextCount(count, delta);
            if (count == 0 && delta < 0) {
                monitor.notifyAll();
            }
        }
    }

    @Override
    public void await() throws InterruptedException {
        synchronized (monitor) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            while (count != 0) {
                monitor.wait();
            }
        }
    }

    @Override
    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        long remaining = unit.toMillis(timeout);                // the bug: 999 µs is 0 ms
        long deadline = System.currentTimeMillis() + remaining;
        synchronized (monitor) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            while (count != 0) {
                if (timeout <= 0) {
                    return false;
                }
                monitor.wait(remaining);                        // wait(0): until notified
                remaining = deadline - System.currentTimeMillis();
                if (remaining <= 0 && count != 0) {
                    return false;
                }
            }
            return true;
        }
    }

    @Override
    public int count() {
        synchronized (monitor) {
            return count;
        }
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
