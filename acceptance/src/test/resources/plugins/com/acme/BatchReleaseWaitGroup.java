package com.acme;

import dev.waitgroup.WaitGroup;
import java.util.concurrent.TimeUnit;

/** Broken: wakes waiters only when the counter reaches zero by done(), not by add(-n). */
public class BatchReleaseWaitGroup implements WaitGroup {
    private int count;

    @Override
    public synchronized void add(int delta) {
        long next = (long) count + delta;
        if (next < 0 || next > Integer.MAX_VALUE) {
            throw new IllegalStateException(next < 0 ? "negative WaitGroup counter" : "WaitGroup counter overflow");
        }
        count = (int) next;
        if (count == 0 && delta == -1) {
            notifyAll();
        }
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
        long deadline = System.nanoTime() + nanos; // differences of nanoTime stay right when this wraps
        while (count != 0) {
            long remaining = nanos <= 0 ? nanos : deadline - System.nanoTime(); // Long.MIN_VALUE must not wrap
            if (remaining <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, remaining);
        }
        return true;
    }

    @Override
    public synchronized int count() {
        return count;
    }
}
