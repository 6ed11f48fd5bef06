package dev.waitgroup.specimen;

import dev.waitgroup.WaitGroup;
import java.util.concurrent.TimeUnit;

/**
 * SPECIMEN, deliberately broken. Bug: <b>data race on the counter</b>, a plain field read without
 * synchronization.
 *
 * <p>Writers update the counter under {@code synchronized}, correctly. The waiter, to be "fast",
 * spins on the plain (non-volatile) field without taking the monitor. With no happens-before edge
 * between the last {@code done()} and the waiter's read, the Java memory model lets the waiter see a
 * stale value forever, and the JIT compiler does exactly that: it hoists the read out of the loop,
 * and the compiled loop never ends. Nor does anything order the writes made before {@code done()}
 * with the reads made after {@code await()}. (The loop checks nothing else, not even the interrupt
 * status or {@code Thread.onSpinWait()}: a volatile read or that intrinsic would be a compiler
 * barrier that hides the bug. So the spin is also uninterruptible, which the contract suite reports.)
 *
 * <p>A memory-model bug, so only a tool that runs real compiled code sees it: Lincheck's model
 * checker assumes sequential consistency and cannot. Caught by: jcstress's termination test (the
 * compiled spin never sees the release) and its timed twin. Fix: make the field volatile, or read
 * it under the same monitor.
 */
public final class UnsynchronizedReadWaitGroup implements WaitGroup {
    private int count; // written under the monitor, read without it: that is the bug

    @Override
    public synchronized void add(int delta) {
        count = nextCount(count, delta);
    }

    @Override
    public void await() {
        while (count != 0) {
            // spin: no Thread.onSpinWait() either, whose intrinsic is a compiler barrier
        }
    }

    @Override
    public boolean await(long timeout, TimeUnit unit) {
        long nanos = unit.toNanos(timeout);
        long deadline = System.nanoTime() + nanos; // differences of nanoTime stay right when this wraps
        while (count != 0) {
            if (nanos <= 0 || System.nanoTime() - deadline >= 0L) {
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
