package com.acme;

import dev.waitgroup.WaitGroup;
import java.util.concurrent.TimeUnit;

/**
 * Broken, and named by no check: a waiter whose wait is interrupted looks whether its round ended
 * meanwhile and, if it did, "forgives" the interrupt and returns normally. But Object.wait cleared the
 * status when it threw, so when an interrupt races the releasing done() the interrupt is lost. (Written
 * by a new user of wg-lab as a bug of their own choosing; it passed the contract suite, jcstress, the
 * exploration on real threads and Fray's POS scheduler at 300 schedules per race; Lincheck's model
 * checker and Fray's random scheduler catch it.)
 */
public class ForgivingWaitGroup implements WaitGroup {
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
            try {
                wait();
            } catch (InterruptedException e) {
                if (round != mine) {
                    return; // the bug: released anyway, so the interrupt is dropped
                }
                throw e;
            }
        }
    }

    @Override
    public synchronized boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        if (count == 0) {
            return true;
        }
        long mine = round;
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (round == mine) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return false;
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, remaining);
            } catch (InterruptedException e) {
                if (round != mine) {
                    return true; // the same bug on the timed path
                }
                throw e;
            }
        }
        return true;
    }

    @Override
    public synchronized int count() {
        return count;
    }
}
