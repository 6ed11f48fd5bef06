package dev.waitgroup.impl;

import dev.waitgroup.WaitGroup;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A port of Go's own {@code sync.WaitGroup} (src/sync/waitgroup.go), with Go's three misuse checks,
 * thrown as {@link IllegalStateException} with Go's messages.
 *
 * <p>The counter ranges over {@code 0..Integer.MAX_VALUE}. {@code add} refuses, leaving the counter
 * unchanged:
 * <ul>
 *   <li>with {@value #NEGATIVE}, a delta that would take the counter below zero;</li>
 *   <li>with "sync: WaitGroup counter overflow", one that would take it past
 *       {@code Integer.MAX_VALUE};</li>
 *   <li>with {@value #ADD_DURING_WAIT}, a positive delta on a zero counter while the waiters of the
 *       round that just ended are still being released (Go's rule: "calls with a positive delta
 *       that occur when the counter is zero must happen before a Wait").</li>
 * </ul>
 * {@code await} is interruptible and may be timed; a waiter that gives up leaves nothing behind.
 *
 * <p><b>Reuse.</b> A group may be reused once every {@code await} of the previous round has
 * returned (Go's rule: "new Add calls must happen after all previous Wait calls have returned").
 * Reused sooner, the misuse is <b>detected</b> when a woken waiter sees it: that {@code await} throws
 * {@value #REUSED}, as Go panics. As in Go, detection is opportunistic: a waiter that looks before
 * the next round's {@code add} returns normally. Once a check has thrown in {@code add}, the group
 * is as broken as Go's program would be after the panic.
 *
 * <p>Where Go differs, the Java contract decides: a refused {@code add} leaves the counter
 * unchanged, a waiter that times out or is interrupted withdraws, and only the {@code add} that
 * brings the counter to zero releases the waiters ({@code add(0)} never does).
 *
 * <p>{@code add} and a waiter's registration are each a compare-and-set, retried under contention;
 * waiters sleep on a {@link Semaphore}, and the release hands out one permit per waiter.
 *
 * <p>Memory consistency effects: actions in a thread prior to calling {@code done()}, or {@code add}
 * with a negative delta, <i>happen-before</i> actions following the return of an {@code await} in
 * another thread that this release unblocks, or that finds the counter at zero after it (Go: "a call
 * to Done synchronizes before the return of any Wait call that it unblocks").
 */
public final class GoWaitGroup implements WaitGroup {
    /*
     * Implementation notes.
     *
     * The state is one volatile long, Go's state word:
     *
     *   counter  (bits 63..32)  the counter; 0..Integer.MAX_VALUE
     *   waiters  (bits 31..0)   the threads registered as waiting in this round
     *
     * await registers by CAS-incrementing waiters while the counter is non-zero, then acquires the
     * semaphore. The add that brings the counter to zero with waiters present owns the word from
     * then on: it resets the whole word to zero and releases one permit per waiter.
     *
     * Invariant: while the counter is positive, waiters is the number of threads registered and
     * not withdrawn; a release resets the word to zero and hands out exactly that many permits.
     *
     * Ownership during a release: between the releasing CAS, which leaves (0, w), and the reset,
     * no one else can change the word. register and withdraw leave a zero counter alone, a positive
     * add on a zero counter with waiters throws ADD_DURING_WAIT, a negative one throws NEGATIVE, and
     * add(0) writes back the value it read. Go's sanity check before the reset (the word is still
     * what the CAS wrote) therefore cannot fail here; it is kept as Go has it.
     *
     * Departures from Go: add is a CAS loop rather than an atomic add, so a refused delta leaves the
     * word unchanged. Only the add that brings the counter to zero releases: in Go, an Add(0) that
     * arrives during a release, with the counter already zero and the waiters not yet reset, resets
     * the word and releases the waiters a second time, and the stray permits let a waiter of a later
     * round through (the specimen go-add-zero keeps that version). A waiter that gives up withdraws
     * its registration (CAS-decrements waiters) while the counter is non-zero; at zero the release
     * has counted it, so it takes its permit and returns as released, leaving no permit behind.
     *
     * Ordering: the adds of a round form one chain of CASes on the word; the releasing one is
     * followed in its thread by the reset (a volatile write) and sema.release, which happens-before
     * each waiter's successful acquire. A waiter that registers nothing read counter 0, written by
     * the releasing CAS or the reset.
     *
     * Withdrawal cannot tell its own round from a later one. If a waiter times out just as its round
     * is released, and the next round begins (already misuse: the waiter has not returned) with a
     * waiter registered, the first withdraws the second's registration and returns false, leaving
     * its permit. The second then takes that permit and throws REUSED if its round is still open,
     * or returns normally if it has ended: either is an answer the reuse contract allows.
     */

    public static final String NEGATIVE = "sync: negative WaitGroup counter";
    public static final String ADD_DURING_WAIT = "sync: WaitGroup misuse: Add called concurrently with Wait";
    public static final String REUSED = "sync: WaitGroup is reused before previous Wait has returned";
    static final String OVERFLOW = "sync: WaitGroup counter overflow";

    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(GoWaitGroup.class, "state", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** {@code counter << 32 | waiters}. */
    private volatile long state;
    /** Where registered waiters sleep; a release adds one permit per waiter it counted. */
    private final Semaphore sema;

    public GoWaitGroup() {
        this(0, 0, new Semaphore(0));
    }

    /** For tests that must stop the algorithm at a chosen point: a given word and semaphore. */
    GoWaitGroup(int counter, int waiters, Semaphore sema) {
        this.state = stateOf(counter, waiters);
        this.sema = sema;
    }

    private static int counterOf(long state) {
        return (int) (state >> 32);
    }

    private static int waitersOf(long state) {
        return (int) state;
    }

    private static long stateOf(int counter, int waiters) {
        return ((long) counter << 32) | (waiters & 0xFFFF_FFFFL);
    }

    @Override
    public void add(int delta) {
        long current;
        long updated;
        int v;
        int w;
        do {
            current = state;
            int counter = counterOf(current);
            w = waitersOf(current);
            long next = (long) counter + delta;
            if (next < 0) {
                throw new IllegalStateException(NEGATIVE);
            }
            if (next > Integer.MAX_VALUE) {
                throw new IllegalStateException(OVERFLOW);
            }
            if (w != 0 && delta > 0 && counter == 0) {
                throw new IllegalStateException(ADD_DURING_WAIT);
            }
            v = (int) next;
            updated = stateOf(v, w);
            // Failing, a racing add, registration or withdrawal changed the word: re-read, re-check.
        } while (!STATE.compareAndSet(this, current, updated));

        if (delta >= 0 || v > 0 || w == 0) {
            return; // only the add that brought the counter to zero releases: add(0) never does
        }
        // This thread brought the counter to 0 while waiters are registered, and owns the word until
        // the reset (see the notes). Still do Go's cheap sanity check.
        if (state != updated) {
            throw new IllegalStateException(ADD_DURING_WAIT);
        }
        state = 0L; // the reset: a volatile write, not a CAS, since no one else may change the word
        sema.release(w); // happens-before each released waiter's acquire
    }

    @Override
    public void await() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        if (!register()) {
            return;
        }
        try {
            sema.acquire();
        } catch (InterruptedException e) {
            if (withdraw()) {
                throw e;
            }
            sema.acquireUninterruptibly(); // the release counted this waiter: its permit is coming
            Thread.currentThread().interrupt();
        }
        checkNotReused();
    }

    @Override
    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        if (!register()) {
            return true;
        }
        boolean acquired;
        try {
            acquired = sema.tryAcquire(timeout, unit);
        } catch (InterruptedException e) {
            if (withdraw()) {
                throw e;
            }
            sema.acquireUninterruptibly();
            Thread.currentThread().interrupt();
            acquired = true;
        }
        if (!acquired) {
            if (withdraw()) {
                return false;
            }
            sema.acquireUninterruptibly();
        }
        checkNotReused();
        return true;
    }

    /** Go's Wait loop: false if the counter is zero, true once registered as a waiter. */
    private boolean register() {
        for (;;) {
            long current = state;
            if (counterOf(current) == 0) {
                return false; // nothing to wait for, or a release owns the word: either way, done
            }
            // Counted by the release only if this CAS comes before the releasing CAS, which then
            // reads the incremented word; failing, the word changed (perhaps to a zero counter).
            if (STATE.compareAndSet(this, current, current + 1)) {
                return true;
            }
        }
    }

    /** Un-registers a waiter that gives up; false if a release has already counted it. */
    private boolean withdraw() {
        for (;;) {
            long current = state;
            if (counterOf(current) == 0 || waitersOf(current) == 0) {
                return false; // the releasing CAS came first: this waiter's permit is coming
            }
            if (STATE.compareAndSet(this, current, current - 1)) {
                return true;
            }
        }
    }

    /** The reset was the round's last write: anything else means the next round began meanwhile. */
    private void checkNotReused() {
        if (state != 0L) {
            throw new IllegalStateException(REUSED);
        }
    }

    @Override
    public int count() {
        return counterOf(state);
    }

    /** The number of threads registered as waiting in the current round. */
    public int waiters() {
        return waitersOf(state);
    }

    @Override
    public String toString() {
        long s = state;
        return "GoWaitGroup[count=" + counterOf(s) + ", waiters=" + waitersOf(s) + "]";
    }
}
