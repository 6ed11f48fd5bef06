package com.acme;

import dev.waitgroup.WaitGroup;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Correct: a CountDownLatch per round; a waiter waits on the latch of the round it arrived in. */
public class LatchPerRoundWaitGroup implements WaitGroup {
    private int count;                          // guarded by this
    private CountDownLatch round = new CountDownLatch(1); // guarded by this; replaced when a round ends

    @Override
    public void add(int delta) {
        CountDownLatch ended = null;
        synchronized (this) {
            long next = (long) count + delta;
            if (next < 0 || next > Integer.MAX_VALUE) {
                throw new IllegalStateException(next < 0 ? "negative WaitGroup counter" : "WaitGroup counter overflow");
            }
            count = (int) next;
            if (count == 0 && delta < 0) {
                ended = round;
                round = new CountDownLatch(1);
            }
        }
        if (ended != null) {
            ended.countDown();
        }
    }

    private synchronized CountDownLatch current() {
        return count == 0 ? null : round;
    }

    @Override
    public void await() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        CountDownLatch latch = current();
        if (latch != null) {
            latch.await();
        }
    }

    @Override
    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        CountDownLatch latch = current();
        return latch == null || latch.await(timeout, unit);
    }

    @Override
    public synchronized int count() {
        return count;
    }
}
