package dev.waitgroup.specimen;

import dev.waitgroup.WaitGroup;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * SPECIMEN, deliberately broken. Bug: <b>check-then-act</b>, the negative-counter check is not
 * atomic with the update it guards.
 *
 * <p>{@code add} first checks that {@code count + delta} would not be negative, then applies the
 * delta with an atomic {@code addAndGet}. Each step is atomic; the pair is not. Two threads calling
 * {@code done()} on a counter of 1 can both pass the check, and both decrement: the counter ends at
 * -1 instead of one call being refused, and the group is corrupt from then on (the next round's
 * {@code add(1)} brings it to 0 and releases waiters before any work ran).
 *
 * <p>Caught by: jcstress's "two racing done() on a counter of 1" test (both succeed, counter -1) and
 * Lincheck (no sequential order lets both decrements succeed). Fix: check and update in one CAS
 * loop, e.g. {@code count.updateAndGet(c -> nextCount(c, delta))}.
 */
public final class RacyRefusalWaitGroup implements WaitGroup {
    private final AtomicInteger count = new AtomicInteger();
    private final Object monitor = new Object();

    @Override
    public void add(int delta) {
        nextCount(count.get(), delta);          // check ...
        int next = count.addAndGet(delta);      // ... then act: the value may have changed
        if (next == 0 && delta < 0) {
            synchronized (monitor) {
                monitor.notifyAll();
            }
        }
    }

    @Override
    public void await() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        synchronized (monitor) {
            while (count.get() > 0) {
                monitor.wait();
            }
        }
    }

    @Override
    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        long nanos = unit.toNanos(timeout);
        long deadline = System.nanoTime() + nanos;
        synchronized (monitor) {
            while (count.get() > 0) {
                if (nanos <= 0L) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(monitor, nanos);
                nanos = deadline - System.nanoTime();
            }
            return true;
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
