package dev.waitgroup.impl;

import dev.waitgroup.WaitGroup;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A WaitGroup whose waiters wait on a {@link Phaser}: the phaser is the wait queue, not the counter.
 *
 * <p>Counting tasks as phaser parties looks natural but breaks the contract twice: a phaser holds at
 * most 65,535 parties, and by default it terminates when its parties reach zero. So the counter
 * lives in one atomic word together with the round number, {@code state = round << 32 | count}, and
 * the phaser has a single party that never terminates ({@code onAdvance} returns false). The round
 * number is the phase in which that round's waiters wait: the {@code add} that brings the counter to
 * zero CASes the state to {@code (round + 1, 0)} and then arrives, which advances the phaser from
 * {@code round} to {@code round + 1} and wakes every waiter of the round.
 *
 * <p>Invariant: while the counter is positive, the phaser's phase equals the state's round. Between
 * the releasing CAS and its {@code arrive()} the phase lags one behind, so an {@code add} that opens
 * the next round first waits for that arrival; otherwise a waiter of the new round would be woken by
 * the old round's arrival, and two arrivals could race on the single party.
 *
 * <p>Reuse before the previous {@code await} returned: <b>generation-safe</b>. A waiter waits for the
 * phase of its own round to end, whatever happens to the counter afterwards.
 */
public final class PhaserWaitGroup implements WaitGroup {
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
            boolean releases = next == 0 && delta < 0;
            long updated = releases ? stateOf(nextPhase(round), 0) : stateOf(round, next);
            if (STATE.compareAndSet(this, current, updated)) {
                if (releases) {
                    this.releases.arrive();
                }
                return;
            }
        }
    }

    /**
     * Waits (briefly) while the release that opened {@code round} has not yet arrived, that is while
     * the phaser is still one phase behind. A stale {@code round} (the phaser has moved past it since
     * the state was read) must not wait: the caller's CAS fails and it reads the state again.
     * (Waiting for the phase to equal a stale round waited for rounds nobody would open: found by
     * Lincheck's racing-rounds scenario.)
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
