package dev.waitgroup.impl;

import dev.waitgroup.WaitGroup;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A port of Go's own {@code sync.WaitGroup} (src/sync/waitgroup.go), with its three misuse checks.
 *
 * <p>As in Go, one 64-bit word holds the counter (high 32 bits) and the number of waiters (low 32
 * bits), and waiters sleep on a semaphore. {@code await} registers itself by CAS-incrementing the
 * waiter count while the counter is non-zero, then acquires the semaphore. The {@code add} that
 * brings the counter to zero with waiters present owns the state from then on: it resets the whole
 * word to zero and releases one permit per waiter.
 *
 * <p>Go's checks, thrown as {@link IllegalStateException} with Go's messages:
 * <ul>
 *   <li>{@value #NEGATIVE}: the counter would go below zero;</li>
 *   <li>{@value #ADD_DURING_WAIT}: a positive {@code add} on a zero counter while waiters are still
 *       being released, or a change of the word while the releaser owns it;</li>
 *   <li>{@value #REUSED}: a woken waiter finds the word non-zero, because the next round started
 *       before it returned.</li>
 * </ul>
 *
 * <p>Differences from Go, each required by the Java contract: {@code add} is a CAS loop rather than
 * an atomic add, so a refused delta (negative, overflow, or the first check) leaves the word
 * unchanged; a waiter that times out or is interrupted withdraws its registration, or, if the
 * release already counted it, takes its permit and returns as released; and only the {@code add}
 * that brings the counter to zero releases. (Go's {@code Add(0)} arriving while a release is in
 * progress, counter already zero and waiters not yet reset, also resets the word and releases the
 * waiters a second time; the stray permits then let a waiter of a later round through. The harness
 * keeps that version as the specimen {@code go-add-zero}.)
 *
 * <p>Invariant: while the counter is positive, the waiter count is the number of threads registered
 * and not withdrawn; a release resets the word to zero and hands out exactly that many permits.
 *
 * <p>Reuse before the previous {@code await} returned: <b>detected</b> when a woken waiter sees it
 * (Go's panic, thrown here), as in Go opportunistically: a waiter that checks before the next round's
 * {@code add} returns normally. Once a check has thrown in {@code add}, the group is as broken as
 * Go's program would be after the panic.
 */
public final class GoWaitGroup implements WaitGroup {
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

    /** counter << 32 | waiters. */
    private volatile long state;
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
        } while (!STATE.compareAndSet(this, current, updated));

        if (delta >= 0 || v > 0 || w == 0) {
            return; // only the add that brought the counter to zero releases: add(0) never does
        }
        // This thread brought the counter to 0 while waiters are registered. From here on no one may
        // change the word: adds must not run concurrently with Wait, and a waiter does not register
        // on a zero counter. Still do Go's cheap sanity check.
        if (state != updated) {
            throw new IllegalStateException(ADD_DURING_WAIT);
        }
        state = 0L;
        sema.release(w);
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
                return false;
            }
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
                return false;
            }
            if (STATE.compareAndSet(this, current, current - 1)) {
                return true;
            }
        }
    }

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
