package dev.waitgroup.impl;

import dev.waitgroup.WaitGroup;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;

/**
 * A WaitGroup on {@link AbstractQueuedSynchronizer} in shared mode: a {@code CountDownLatch} whose
 * count may also go up.
 *
 * <p>The synchronizer state is the counter. {@code add} is a shared <i>release</i> whose argument is
 * the delta: it CASes the state and reports "released" only when a negative delta brought it to
 * zero, which wakes the queued waiters. {@code await} is a shared <i>acquire</i> that succeeds when
 * the state is zero; AQS queues, parks, propagates the wake-up along the queue, and handles
 * interruption and timeouts.
 *
 * <p>Invariant: {@code 0 <= state <= Integer.MAX_VALUE}; a refused delta throws before the CAS.
 *
 * <p>Reuse before the previous {@code await} returned: a woken waiter re-checks the state, so if the
 * next round's {@code add} got in first, the waiter <b>silently waits for the new round</b>.
 */
public final class AqsWaitGroup implements WaitGroup {

    private static final class Sync extends AbstractQueuedSynchronizer {
        private static final long serialVersionUID = 1L;

        int count() {
            return getState();
        }

        @Override
        protected int tryAcquireShared(int unused) {
            return getState() == 0 ? 1 : -1;
        }

        @Override
        protected boolean tryReleaseShared(int delta) {
            for (;;) {
                int current = getState();
                int next = CounterArithmetic.next(current, delta);
                if (compareAndSetState(current, next)) {
                    return next == 0 && delta < 0;
                }
            }
        }
    }

    private final Sync sync = new Sync();

    @Override
    public void add(int delta) {
        sync.releaseShared(delta);
    }

    @Override
    public void await() throws InterruptedException {
        sync.acquireSharedInterruptibly(1);
    }

    @Override
    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        return sync.tryAcquireSharedNanos(1, unit.toNanos(timeout));
    }

    @Override
    public int count() {
        return sync.count();
    }

    @Override
    public String toString() {
        return "AqsWaitGroup[count=" + count() + ", " + sync.getQueueLength() + " threads queued]";
    }
}
