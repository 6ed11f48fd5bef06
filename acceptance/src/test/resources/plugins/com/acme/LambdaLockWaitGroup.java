package com.acme;

import dev.waitgroup.WaitGroup;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntUnaryOperator;

/**
 * Correct: a lock and a condition, with its own go(executor, task) written with a lambda and an
 * anonymous class, and the counter rule as a lambda.
 */
public class LambdaLockWaitGroup implements WaitGroup {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition zero = lock.newCondition();
    private volatile int count;

    private static IntUnaryOperator plus(int delta) {
        return current -> {
            long next = (long) current + delta;
            if (next < 0 || next > Integer.MAX_VALUE) {
                throw new IllegalStateException(next < 0 ? "negative WaitGroup counter" : "WaitGroup counter overflow");
            }
            return (int) next;
        };
    }

    @Override
    public void add(int delta) {
        lock.lock();
        try {
            count = plus(delta).applyAsInt(count);
            if (count == 0 && delta < 0) {
                zero.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void await() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (count != 0) {
                zero.await();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        long remaining = unit.toNanos(timeout);
        lock.lockInterruptibly();
        try {
            while (count != 0) {
                if (remaining <= 0) {
                    return false;
                }
                remaining = zero.awaitNanos(remaining);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int count() {
        return count;
    }

    @Override
    public void go(Executor executor, Runnable task) {
        add(1);
        AtomicBoolean claimed = new AtomicBoolean();
        Runnable counted = new Runnable() {
            @Override
            public void run() {
                if (!claimed.compareAndSet(false, true)) {
                    return; // withdrawn after a rejection
                }
                try {
                    task.run();
                } finally {
                    done();
                }
            }
        };
        try {
            executor.execute(() -> counted.run());
        } catch (RuntimeException | Error rejected) {
            if (claimed.compareAndSet(false, true)) {
                done(); // never started: not counted any more
            }
            throw rejected;
        }
    }
}
