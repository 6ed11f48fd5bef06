package dev.waitgroup.impl;

import dev.waitgroup.WaitGroup;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A {@link WaitGroup} whose waiters wait on a {@link Phaser}: the counter and the round number
 * share one atomic word, and the waiters of a round wait for one phase of a single-party phaser to
 * end.
 *
 * <p>The counter ranges over {@code 0..Integer.MAX_VALUE}. An {@code add} that would take it below
 * zero or past {@code Integer.MAX_VALUE} throws {@link IllegalStateException}, with a message that
 * begins "negative WaitGroup counter" or "WaitGroup counter overflow", and leaves the counter
 * unchanged. {@code await} is interruptible and may be timed.
 *
 * <p><b>Reuse.</b> A group may be reused once every {@code await} of the previous round has
 * returned (Go's rule: "new Add calls must happen after all previous Wait calls have returned").
 * Reused sooner, it is <b>generation-safe</b>: a waiter waits for the end of the round it arrived
 * in, whatever happens to the counter afterwards, so a waiter of the previous round returns even if
 * the next round's {@code add} came before it returned.
 *
 * <p>{@code add} is a compare-and-set, retried under contention, except that an {@code add} that
 * opens a round immediately after the previous round ended may wait, briefly and without
 * interruption, until the release of that round has finished waking its waiters. The release wakes
 * all waiters at once, as a phaser's advance does.
 *
 * <p>Memory consistency effects: actions in a thread prior to calling {@code done()}, or {@code add}
 * with a negative delta, <i>happen-before</i> actions following the return of an {@code await} in
 * another thread that this release unblocks, or that finds the counter at zero after it.
 */
public final class PhaserWaitGroup implements WaitGroup {
    /*
     * Implementation notes.
     *
     * Counting tasks as phaser parties looks natural but breaks the contract twice: a phaser holds
     * at most 65,535 parties, and by default it terminates when its parties reach zero. So the
     * phaser here is only the wait queue: it has a single party, never terminates (onAdvance
     * returns false), and its phase numbers the rounds.
     *
     * The state is one volatile long, changed only by CAS:
     *
     *   round  (bits 63..32)  the phase in which this round's waiters wait; 0..Integer.MAX_VALUE,
     *                         wrapping around as a phaser's phase does
     *   count  (bits 31..0)   the counter; 0..Integer.MAX_VALUE
     *
     * Invariant: while count > 0, the phaser's phase equals round. The add that brings the count
     * to zero CASes the state to (round + 1, 0) and then arrives, which advances the phase from
     * round to round + 1 and wakes every waiter of the round. Between that CAS and its arrive() the
     * phase lags one behind; an add that opens the next round (count from 0 to positive) therefore
     * first waits for that arrival (awaitPreviousRelease), so that the invariant holds again before
     * its CAS publishes count > 0. Otherwise a waiter of the new round would find the phase still
     * at the old round and return at once, and two arrivals could race on the single party.
     *
     * A waiter reads the state once. A count of 0 returns at once. Otherwise it waits for the phase
     * to move on from the round it read: by the invariant the phase was that round when the count
     * was published, and it moves on exactly when that round ends. If the round has ended already,
     * the phase differs and Phaser returns at once. Either way the waiter's round is fixed by one
     * read, which is what makes the group generation-safe.
     *
     * Ordering: the adds of a round form one chain of CASes on the state, the last of which (to
     * zero) is followed in its thread by arrive(), a CAS on the phaser's state; a waiter returns
     * after reading the phaser's advanced state, or after reading count 0 in this state. Either
     * read sees a write that follows every done() of the round.
     */

    private static final long COUNT_MASK = 0xFFFF_FFFFL;

    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(PhaserWaitGroup.class, "state", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Phaser releases = new Phaser(1) {
        @Override
        protected boolean onAdvance(int phase, int registeredParties) {
            return false; // never terminate: the group is reusable forever
        }
    };

    /** {@code round << 32 | count}; round is a phaser phase, in {@code 0..Integer.MAX_VALUE}. */
    private volatile long state;

    private static int countOf(long state) {
        return (int) (state & COUNT_MASK);
    }

    private static int roundOf(long state) {
        return (int) (state >>> 32);
    }

    private static long stateOf(int round, int count) {
        return ((long) round << 32) | (count & COUNT_MASK);
    }

    @Override
    public void add(int delta) {
        for (;;) {
            long current = state;
            int count = countOf(current);
            int round = roundOf(current);
            int next = CounterArithmetic.next(count, delta);
            if (count == 0 && next > 0) {
                awaitPreviousRelease(round);
            }
            boolean endsRound = next == 0 && delta < 0;
            long updated = endsRound ? stateOf(nextPhase(round), 0) : stateOf(round, next);
            // A failed CAS means another add got in first: re-read, re-check, and (for an add that
            // opens a round) wait again for the round actually read. A successful one publishes the
            // new count; one that ends the round publishes the next round before the phaser hears
            // of it, so from here on a waiter reads count 0 and does not wait on the old phase.
            if (STATE.compareAndSet(this, current, updated)) {
                if (endsRound) {
                    releases.arrive(); // the phase catches up with the round: wakes the round's waiters
                }
                return;
            }
        }
    }

    /**
     * Waits while the phaser is still at the phase before {@code round}, that is while the release
     * that opened {@code round} has done its CAS but not yet arrived; the arrival is then under way,
     * so the wait is short. It waits for the phase to move on, never for it to equal {@code round}:
     * a stale {@code round}, read before other rounds came and went, may never be the phase again,
     * and the caller's CAS, which then fails, sends it back to read the state. (The harness's check
     * mc-racing-rounds covers this.)
     */
    private void awaitPreviousRelease(int round) {
        int previous = (round - 1) & Integer.MAX_VALUE;
        if (releases.getPhase() == previous) {
            releases.awaitAdvance(previous);
        }
    }

    private static int nextPhase(int phase) {
        return (phase + 1) & Integer.MAX_VALUE;
    }

    @Override
    public void await() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        long current = state;
        if (countOf(current) != 0) {
            releases.awaitAdvanceInterruptibly(roundOf(current));
        }
    }

    @Override
    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        long current = state;
        if (countOf(current) == 0) {
            return true;
        }
        try {
            releases.awaitAdvanceInterruptibly(roundOf(current), timeout, unit);
            return true;
        } catch (TimeoutException e) {
            return false;
        }
    }

    @Override
    public int count() {
        return countOf(state);
    }

    @Override
    public String toString() {
        long current = state;
        return "PhaserWaitGroup[count=" + countOf(current) + ", round=" + roundOf(current) + ", phase="
                + releases.getPhase() + "]";
    }
}
