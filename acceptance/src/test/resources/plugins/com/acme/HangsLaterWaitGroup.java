package com.acme;

import dev.waitgroup.WaitGroup;
import java.util.concurrent.TimeUnit;

/**
 * Broken, and only after a while: correct for its first three rounds, then await() waits for good,
 * through releases and interrupts alike (it waits again after each), as a group that exhausts some
 * internal table might. A benchmark on it hangs some way in, however fast or slow the machine: JMH
 * runs at least one invocation per iteration and the short preset has five iterations, so the
 * fourth round, and with it the benchmark, is always reached. (A bound of thousands of rounds made
 * the hang depend on the machine's speed: a slow hand-off finished all five iterations first.)
 */
public class HangsLaterWaitGroup implements WaitGroup {
    private static final int ROUNDS_BEFORE_HANGING = 3;
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
        long mine = round;
        while ((count != 0 && round == mine) || round > ROUNDS_BEFORE_HANGING) {
            try {
                wait();
            } catch (InterruptedException e) {
                // waits again
            }
        }
    }

    @Override
    public synchronized boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        long mine = round;
        long nanos = unit.toNanos(timeout);
        long deadline = System.nanoTime() + nanos; // differences of nanoTime stay right when this wraps
        while (count != 0 && round == mine) {
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
