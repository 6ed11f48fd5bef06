package dev.waitgroup.specimen;

import dev.waitgroup.WaitGroup;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * SPECIMEN, deliberately broken. Bug: <b>every timed-out await leaves its node behind</b>.
 *
 * <p>Waiters enqueue themselves and park; the release that brings the counter to zero drains the
 * queue and unparks each one. A waiter that times out (or is interrupted) just returns, and its node
 * stays in the queue until the round ends. A progress loop that polls a long round with short
 * timed awaits ({@code while (!group.await(10, MILLISECONDS)) report();}) adds a node per poll: the
 * group grows without bound, and a round that never ends is a memory leak.
 *
 * <p>Caught by: the contract suite's {@code no-leak-on-timed-out-awaits}, which measures what the
 * group retains after 20,000 timed-out awaits. Fix: a waiter that gives up removes its node (AQS
 * and {@code Condition} unlink cancelled nodes; a Treiber stack can unlink them on the next push).
 */
public final class LeakyWaitersWaitGroup implements WaitGroup {
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
        await(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
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
        parked.add(Thread.currentThread());
        while (count.get() != 0) {
            long remaining = nanos <= 0 ? nanos : deadline - System.nanoTime(); // Long.MIN_VALUE must not wrap
            if (remaining <= 0) {
                return false;                   // the bug: the node stays in the queue
            }
            LockSupport.parkNanos(this, remaining);
            if (Thread.interrupted()) {
                throw new InterruptedException(); // and here
            }
        }
        return true;
    }

    @Override
    public int count() {
        return count.get();
    }

    @Override
    public String toString() {
        return "LeakyWaitersWaitGroup[count=" + count.get() + ", " + parked.size() + " nodes queued]";
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
