package com.acme;

import dev.waitgroup.WaitGroup;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Correct, with a timer shared by every group: a timed wait does not time its own wait, it asks a
 * static scheduled pool to wake it at its deadline and then waits on the monitor until released or
 * woken by that timer. The pool's thread starts on the first timed wait and outlives it, as the
 * timers of many real libraries do.
 */
public class TimerTokenWaitGroup implements WaitGroup {
    private static final ScheduledExecutorService TIMER = timer();

    private int count;
    private long round;

    private static ScheduledExecutorService timer() {
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "acme-timer");
            t.setDaemon(true);
            return t;
        });
        pool.setRemoveOnCancelPolicy(true);
        pool.prestartCoreThread();
        return pool;
    }

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
    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        boolean[] expired = new boolean[1];
        long mine;
        synchronized (this) {
            mine = round;
            if (count == 0) {
                return true;
            }
            if (timeout <= 0) {
                return false;
            }
        }
        ScheduledFuture<?> alarm = TIMER.schedule(() -> {
            synchronized (this) {
                expired[0] = true;
                notifyAll();
            }
        }, timeout, unit);
        try {
            synchronized (this) {
                while (count != 0 && round == mine) {
                    if (expired[0]) {
                        return false;
                    }
                    wait();
                }
                return true;
            }
        } finally {
            alarm.cancel(false);
        }
    }

    @Override
    public synchronized int count() {
        return count;
    }
}
