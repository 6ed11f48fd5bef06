package dev.waitgroup.specimen;

import dev.waitgroup.WaitGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * SPECIMEN, deliberately broken. Bug: <b>a waiter record reused across calls on the same thread</b>
 * (ported from the wait queue of a widely used database).
 *
 * <p>To save an allocation per wait, each thread keeps one waiter node for all its waits, in a
 * {@link ThreadLocal}. A timed {@code await} that times out marks its node cancelled, and the release
 * skips cancelled nodes: right for that wait. But nothing resets the mark: the thread's next
 * {@code await} queues the same node, still cancelled, and the release skips it too. So after one
 * timed wait ran out, every later wait of that thread sleeps through the end of its round:
 * {@code add(1); await(1 ms) → false; done() from another thread; await()} never returns.
 *
 * <p>No check was written for it: the explorer finds it from the contract ("when the counter reaches
 * zero every waiter is released"), as a history where the same thread waits again after a wait that
 * timed out. Fix: a fresh node per wait, or reset the node's state under the lock when it is queued.
 */
public final class ReusedWaiterNodeWaitGroup implements WaitGroup {
    /** A thread's waiter record, reused by all its waits. */
    static final class Node {
        final Thread thread = Thread.currentThread();
        boolean released;  // guarded by the group's monitor
        boolean cancelled; // guarded by the group's monitor; the bug: set once, never reset
    }

    private final ThreadLocal<Node> nodes = ThreadLocal.withInitial(Node::new);
    private final List<Node> queue = new ArrayList<>(); // guarded by this
    private int count;                                  // guarded by this

    @Override
    public void add(int delta) {
        List<Node> wake = new ArrayList<>();
        synchronized (this) {
            count = nextCount(count, delta);
            if (count == 0 && delta < 0) {
                for (Node node : queue) {
                    if (!node.cancelled) {   // a cancelled node's wait is over ... or so it was
                        node.released = true;
                        wake.add(node);
                    }
                }
                queue.clear();
            }
        }
        wake.forEach(node -> LockSupport.unpark(node.thread));
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
        Node node = nodes.get();
        synchronized (this) {
            if (count == 0) {
                return true;
            }
            node.released = false;   // the released mark is reset for the new wait; the cancelled one is not
            queue.add(node);
        }
        long nanos = unit.toNanos(timeout);
        long deadline = System.nanoTime() + nanos; // differences of nanoTime stay right when this wraps
        for (;;) {
            synchronized (this) {
                if (node.released) {
                    return true;
                }
                long remaining = nanos <= 0 ? nanos : deadline - System.nanoTime(); // Long.MIN_VALUE must not wrap
                if (remaining <= 0) {
                    node.cancelled = true;
                    queue.remove(node);
                    return false;
                }
                if (Thread.interrupted()) {
                    queue.remove(node);
                    throw new InterruptedException();
                }
            }
            LockSupport.parkNanos(this, Math.max(1, deadline - System.nanoTime()));
        }
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
