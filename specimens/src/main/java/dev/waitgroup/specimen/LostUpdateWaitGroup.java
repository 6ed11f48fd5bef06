package dev.waitgroup.specimen;

import dev.waitgroup.WaitGroup;
import java.util.concurrent.TimeUnit;

/**
 * SPECIMEN, deliberately broken. Bug: <b>lost update</b>, a non-atomic read-modify-write.
 *
 * <p>{@code add} reads the volatile counter, computes the new value and writes it back in three
 * separate steps. Two threads calling {@code done()} on a counter of 2 can both read 2 and both
 * write 1: one {@code done()} vanishes, the counter never reaches zero and {@code await} hangs. Two
 * racing {@code add(1)} lose a task the same way, and {@code await} returns while work still runs.
 * {@code volatile} makes each read and write visible; it does not make the three steps atomic.
 *
 * <p>Everything else is correct (waiting is a proper monitor loop), so only the counter is wrong.
 * Caught by: jcstress's racing {@code done()} tests (counter left at 1) and Lincheck (a history no
 * sequential counter can produce, with the interleaving that loses the write).
 * Fix: one atomic step, e.g. a CAS loop or {@code AtomicInteger.updateAndGet}.
 */
public final class LostUpdateWaitGroup implements WaitGroup {
    private final Object monitor = new Object();
    private volatile int count;

    @Override
    public void add(int delta) {
        int current = count;                        // 1. read
        int next = nextCount(current, delta);       // 2. modify
        count = next;                               // 3. write: may overwrite a racing update
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
            while (count != 0) {
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
            while (count != 0) {
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
