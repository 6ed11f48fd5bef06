package dev.waitgroup.impl;

import dev.waitgroup.WaitGroup;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;

/**
 * A {@link WaitGroup} built on {@link AbstractQueuedSynchronizer} in shared mode: in effect a
 * {@link java.util.concurrent.CountDownLatch} whose count may also go up.
 *
 * <p>The counter ranges over {@code 0..Integer.MAX_VALUE}. An {@code add} that would take it below
 * zero or past {@code Integer.MAX_VALUE} throws {@link IllegalStateException}, with a message that
 * begins "negative WaitGroup counter" or "WaitGroup counter overflow", and leaves the counter
 * unchanged. {@code await} is interruptible and may be timed, as {@code CountDownLatch.await} is.
 *
 * <p><b>Reuse.</b> A group may be reused once every {@code await} of the previous round has
 * returned (Go's rule: "new Add calls must happen after all previous Wait calls have returned").
 * If the next round's first {@code add} comes sooner, a waiter of the previous round that has not
 * yet seen the counter at zero <b>silently waits for the new round</b>: the misuse then looks like
 * a slow task.
 *
 * <p>{@code add} is a compare-and-set, retried under contention, without locking. Waiters park in
 * the synchronizer's FIFO queue; the release wakes the first, and each waiter wakes the next as it
 * leaves, as in {@code CountDownLatch}.
 *
 * <p>Memory consistency effects: actions in a thread prior to calling {@code done()}, or {@code add}
 * with a negative delta, <i>happen-before</i> actions following the return of an {@code await} in
 * another thread that this release unblocks, or that finds the counter at zero after it.
 */
public final class AqsWaitGroup implements WaitGroup {
    /*
     * Implementation notes.
     *
     * The synchronizer state is the counter, always in 0..Integer.MAX_VALUE. add(delta) is a shared
     * release whose argument is the delta; await is a shared acquire that succeeds while the state
     * is zero. AQS does the queueing, parking, propagation of the wake-up along the queue,
     * interruption and timeouts.
     *
     * tryReleaseShared checks the range on the value it is about to replace (CounterArithmetic
     * throws before the CAS, so a refused delta writes nothing) and CASes the new value in. A failed
     * CAS means another add got in first: the loop re-reads and re-checks, so the check always
     * applies to the value actually replaced. It reports "released" only when a negative delta
     * brought the state to zero; add(0) on a zero counter releases nothing.
     *
     * Ordering: every add's CAS reads the value the previous add's CAS wrote, so the adds of a round
     * form one chain of volatile writes, and the last one (to zero) happens-after all of them. A
     * waiter's tryAcquireShared reads the state (volatile) and succeeds only on zero: the write it
     * read happens-before its return.
     *
     * Reuse: a woken waiter runs tryAcquireShared again; if the next round's add has already made
     * the state non-zero, the acquire fails and the waiter parks again, now for the new round.
     */

    /** The synchronizer; its state is the counter. */
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
