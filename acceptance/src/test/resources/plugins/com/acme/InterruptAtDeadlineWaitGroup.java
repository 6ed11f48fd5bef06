package com.acme;

import dev.waitgroup.WaitGroup;
import java.util.concurrent.TimeUnit;

/**
 * Broken, and named by no check: a timed wait that is interrupted while it waits remembers the
 * interrupt, waits on until its deadline or its round's end, and only then throws
 * {@code InterruptedException}. Nothing is swallowed, but a caller that interrupts to cancel a wait of an
 * hour waits the hour. (A pool's timed wait took an interrupt for a spurious wake-up this way.)
 */
public class InterruptAtDeadlineWaitGroup implements WaitGroup {
    private int count;  // guarded by this
    private long round; // guarded by this

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
        while (count != 0 && round == mine) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                interrupted = true; // the bug: noted, and the wait goes on
            }
        }
        if (interrupted) {
            throw new InterruptedException();
        }
        return count == 0 || round != mine;
    }

    @Override
    public synchronized int count() {
        return count;
    }
}
