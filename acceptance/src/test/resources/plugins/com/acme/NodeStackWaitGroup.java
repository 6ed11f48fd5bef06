package com.acme;

import dev.waitgroup.WaitGroup;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Correct: one atomic word (round, count) and a stack of waiter nodes, each an object of its own
 * nested class allocated in await: what Lincheck's instrumentation once failed to load.
 */
public class NodeStackWaitGroup implements WaitGroup {
    /** A parked waiter. */
    static final class Node {
        final Thread thread = Thread.currentThread();
        final Node next;
        volatile boolean gone;

        Node(Node next) {
            this.next = next;
        }
    }

    private final AtomicLong state = new AtomicLong(); // round << 32 | count
    private final AtomicReference<Node> waiters = new AtomicReference<>();

    @Override
    public void add(int delta) {
        for (;;) {
            long current = state.get();
            long next = (current & 0xFFFF_FFFFL) + delta;
            if (next < 0 || next > Integer.MAX_VALUE) {
                throw new IllegalStateException(next < 0 ? "negative WaitGroup counter" : "WaitGroup counter overflow");
            }
            boolean release = next == 0 && delta < 0;
            long updated = release ? (current & ~0xFFFF_FFFFL) + (1L << 32) : (current & ~0xFFFF_FFFFL) | next;
            if (state.compareAndSet(current, updated)) {
                if (release) {
                    for (Node n = waiters.getAndSet(null); n != null; n = n.next) {
                        LockSupport.unpark(n.thread);
                    }
                }
                return;
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
        long current = state.get();
        if ((current & 0xFFFF_FFFFL) == 0) {
            return true;
        }
        long round = current >>> 32;
        long nanos = unit.toNanos(timeout);
        if (nanos <= 0) {
            return false; // a zero or negative timeout gives up at once (and Long.MIN_VALUE must not wrap around)
        }
        long deadline = System.nanoTime() + nanos;
        Node node = null;
        try {
            while ((state.get() >>> 32) == round) {
                if (node == null) {
                    Node top;
                    do {
                        top = waiters.get();
                        node = new Node(top);
                    } while (!waiters.compareAndSet(top, node));
                    continue; // check the round again after the push: a release in between is not lost
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return false;
                }
                LockSupport.parkNanos(this, remaining);
                if (Thread.interrupted()) {
                    if ((state.get() >>> 32) != round) {
                        Thread.currentThread().interrupt();
                        return true;
                    }
                    throw new InterruptedException();
                }
            }
            return true;
        } finally {
            if (node != null) {
                node.gone = true;
                dropGoneNodesOnTop();
            }
        }
    }

    /** Waiters that left pop themselves, and any other that left, off the top: the stack stays small. */
    private void dropGoneNodesOnTop() {
        for (Node top = waiters.get(); top != null && top.gone; top = waiters.get()) {
            waiters.compareAndSet(top, top.next);
        }
    }

    @Override
    public int count() {
        return (int) (state.get() & 0xFFFF_FFFFL);
    }
}
