package com.acme;

import dev.waitgroup.WaitGroup;
import java.util.concurrent.TimeUnit;

/**
 * Broken, and named by no check: a timed wait that is interrupted while it waits notes it, waits out
 * its timeout and returns false with the interrupt status set again. Nothing is swallowed, yet the
 * interrupt was not answered: a caller that interrupts to cancel waits for the whole timeout. (The
 * timed wait of a real scheduler library did this: it retried after every InterruptedException.)
 */
public class DeferredInterruptWaitGroup implements WaitGroup {
    private int count;
    private long round;

    @Override
    public synchronized void add(int delta) {
        long next = (long) count + delta;
        if (next < 0 || next > Integer.MAX_VALUE) {
            throw new IllegalStateException("WaitGroup counter out of range");
        }
        count = (int) next;
        if (count == 0 && delta < 0) {
            round++;
            notifyAll();
        }
    }

    @Override
    public synchronized void await() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        long mine = round;
        while (count != 0 && round == mine) {
            wait();
        }
    }

    @Override
    public synchronized boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        long mine = round;
        long nanos = unit.toNanos(timeout);
        if (nanos <= 0) {
            return count == 0;
        }
        long deadline = System.nanoTime() + Math.min(nanos, Long.MAX_VALUE / 4);
        boolean interrupted = false;
        try {
            while (count != 0 && round == mine) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException e) {
                    interrupted = true; // answered later
                }
            }
            return true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public synchronized int count() {
        return count;
    }
}
