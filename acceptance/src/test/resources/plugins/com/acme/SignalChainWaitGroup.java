package com.acme;

import dev.waitgroup.WaitGroup;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Broken, and named by no check: the release wakes one waiter, and each waiter wakes the next as it
 * leaves (a chain of {@code signal()} calls instead of one {@code signalAll()}). A timed waiter that is
 * woken just as its time runs out sees no time left and returns {@code false} without waking the next:
 * every other waiter of the round sleeps on. (Hand-written queues whose timed poll lost a signal this
 * way were fixed by signalling again on timeout.)
 */
public class SignalChainWaitGroup implements WaitGroup {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition released = lock.newCondition();
    private int count;  // guarded by lock
    private long round; // guarded by lock

    @Override
    public void add(int delta) {
        lock.lock();
        try {
            long next = (long) count + delta;
            if (next < 0 || next > Integer.MAX_VALUE) {
                throw new IllegalStateException("WaitGroup counter out of range");
            }
            count = (int) next;
            if (count == 0 && delta < 0) {
                round++;
                released.signal(); // the first of the chain
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void await() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            long mine = round;
            while (count != 0 && round == mine) {
                try {
                    released.await();
                } catch (InterruptedException e) {
                    released.signal(); // it may have been this waiter's turn: pass it on
                    throw e;
                }
            }
            released.signal(); // pass it on
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            long mine = round;
            long nanos = unit.toNanos(timeout);
            if (count != 0 && nanos <= 0) {
                return false;
            }
            while (count != 0 && round == mine) {
                try {
                    nanos = released.awaitNanos(nanos);
                } catch (InterruptedException e) {
                    released.signal();
                    throw e;
                }
                if (nanos <= 0) {
                    return false; // the bug: looked at before the round; woken as its time ran out, it keeps the wake-up
                }
            }
            released.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int count() {
        lock.lock();
        try {
            return count;
        } finally {
            lock.unlock();
        }
    }
}
