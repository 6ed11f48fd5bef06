package dev.waitgroup.specimen;

import dev.waitgroup.WaitGroup;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * SPECIMEN, deliberately broken. Bug: <b>a plain read of the counter on {@code await}'s fast path</b>.
 *
 * <p>Everything is guarded by a lock, except the one thing done most often: {@code await} first
 * looks at the counter without the lock ("if nothing is counted, why lock?"), and the field is not
 * volatile. That read has no happens-before edge with the {@code done()} that wrote zero: the waiter
 * may return and then not see what the task wrote before its {@code done()}, and the JIT may treat
 * the field as unchanging and serve a stale value. Its interrupt handling and timeouts are correct,
 * and each call to {@code await} reads the volatile interrupt status first, an acquire that stops the
 * JIT from hoisting the read out of a caller's polling loop: on x86 the bug stays almost invisible.
 *
 * <p>Caught by: jcstress, when the hardware or the compiler lets a read made after {@code await}
 * returned overtake the counter's read ({@code done-happens-before-await},
 * {@code releasing-add-happens-before-await}): on AArch64 or POWER. x86-64 keeps loads in order and C2
 * does not reorder them here, so the gate does not hold its escape there against the harness
 * ({@code Bug.visibleOn}); the report says so.
 * Fix: make the field volatile (the fast path then pays one volatile read), or read it under the lock.
 */
public final class PlainReadWaitGroup implements WaitGroup {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition zero = lock.newCondition();
    private int count; // written under the lock; read without it on the fast path: the bug

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
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        if (count == 0) {                       // the plain read
            return;
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
        if (count == 0) {                       // the plain read
            return true;
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
        lock.lock();
        try {
            return count;
        } finally {
            lock.unlock();
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
