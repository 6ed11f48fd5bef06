package dev.waitgroup.specimen;

import dev.waitgroup.WaitGroup;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * SPECIMEN, deliberately broken. Bug: <b>{@code add(0)} during a release releases the waiters again</b>.
 * This is {@code GoWaitGroup} as it was, and as Go's own {@code Add} still is.
 *
 * <p>The {@code add} that brings the counter to zero with waiters registered owns the word from then
 * on: it resets it and releases one permit per waiter. It decides so with
 * {@code if (v > 0 || w == 0) return;}. An {@code add(0)} that arrives in the window between that
 * CAS and the reset sees the same word, counter 0 and waiters 1: the early return does not fire, so
 * it too resets the word and releases a permit. That permit has no waiter; the next round's waiter
 * takes it and passes while its own round is open, then finds the word non-zero and throws "reused"
 * though nothing was reused. The contract says {@code add(0)} changes nothing, in every window.
 *
 * <p>Caught by: Lincheck's model checker ({@code mc-add-zero-during-release}), which finds the
 * window and prints the interleaving. Fix: only the {@code add} that brought the counter to zero
 * releases: {@code if (delta >= 0 || v > 0 || w == 0) return;}.
 */
public final class GoAddZeroWaitGroup implements WaitGroup {
    public static final String NEGATIVE = "sync: negative WaitGroup counter";
    public static final String ADD_DURING_WAIT = "sync: WaitGroup misuse: Add called concurrently with Wait";
    public static final String REUSED = "sync: WaitGroup is reused before previous Wait has returned";
    static final String OVERFLOW = "sync: WaitGroup counter overflow";

    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(GoAddZeroWaitGroup.class, "state", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** counter << 32 | waiters. */
    private volatile long state;
    private final Semaphore sema = new Semaphore(0);

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

        if (v > 0 || w == 0) {
            return;                 // the bug: add(0) on (counter 0, waiters w) does not return here
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

    @Override
    public String toString() {
        long s = state;
        return "GoAddZeroWaitGroup[count=" + counterOf(s) + ", waiters=" + waitersOf(s) + "]";
    }
}
