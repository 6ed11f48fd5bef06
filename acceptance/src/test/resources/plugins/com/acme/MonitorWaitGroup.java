package com.acme;

import dev.waitgroup.WaitGroup;
import java.util.concurrent.TimeUnit;

/** Correct, in the oldest style: synchronized, wait and notifyAll, with a round number. */
public class MonitorWaitGroup implements WaitGroup {
    private int count;
    private long round;

    @Override
    public synchronized void add(int delta) {
        long next = (long) count + delta;
        if (next < 0) {
            throw new IllegalStateException("negative WaitGroup counter");
        }
        if (next > Integer.MAX_VALUE) {
            throw new IllegalStateException("WaitGroup counter overflow");
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
        long remaining = unit.toNanos(timeout);
        long deadline = System.nanoTime() + remaining;
        while (count != 0 && round == mine) {
            if (remaining <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, remaining);
            remaining = deadline - System.nanoTime();
        }
        return true;
    }

    @Override
    public synchronized int count() {
        return count;
    }
}
