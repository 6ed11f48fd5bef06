package dev.waitgroup.impl;

import dev.waitgroup.WaitGroup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A lock-free {@link WaitGroup}: one atomic word holds the counter and the round, and a waiter spins
 * briefly before it parks.
 *
 * <p>The counter ranges over {@code 0..Integer.MAX_VALUE}. An {@code add} that would take it below
 * zero or past {@code Integer.MAX_VALUE} throws {@link IllegalStateException}, with a message that
 * begins "negative WaitGroup counter" or "WaitGroup counter overflow", and leaves the counter
 * unchanged. {@code await} is interruptible and may be timed.
 *
 * <p><b>Reuse.</b> A group may be reused once every {@code await} of the previous round has
 * returned (Go's rule: "new Add calls must happen after all previous Wait calls have returned").
 * Reused sooner, it is <b>generation-safe</b>: a waiter waits for its own round to end, not for the
 * counter to be zero again, so a waiter of the previous round returns even if the next round's
 * {@code add} came before it returned.
 *
 * <p>{@code add} is a compare-and-set, retried under contention, and never blocks; the {@code add}
 * that ends a round then unparks the round's parked waiters. A waiter that finds the counter above zero spins for a short
 * while before it parks, since rounds in fork-join code often end within microseconds; it does not
 * spin on a single processor, nor on a virtual thread, whose spinning would hold the carrier that
 * the awaited task may need. A waiter that times out or is interrupted removes itself.
 *
 * <p>Memory consistency effects: actions in a thread prior to calling {@code done()}, or {@code add}
 * with a negative delta, <i>happen-before</i> actions following the return of an {@code await} in
 * another thread that this release unblocks, or that finds the counter at zero after it.
 */
public final class CasSpinWaitGroup implements WaitGroup {
    /*
     * Implementation notes.
     *
     * The state is one volatile long, changed only by CAS:
     *
     *   round  (bits 63..32)  the number of rounds ended so far, modulo 2^32
     *   count  (bits 31..0)   the counter; 0..Integer.MAX_VALUE
     *
     * An add is one CAS on the state. The add that brings count to zero writes count 0 and
     * round + 1 in that one CAS, and then releases the parked waiters (releaseAll). A waiter that
     * reads count 0 returns at once; otherwise it takes the round it read for its own, and returns
     * when the state's round differs.
     *
     * Parked waiters are on a Treiber stack of Waiter nodes (waiters), pushed by CAS at the top.
     * A node's status moves once, by CAS, from WAITING to RELEASED (by a releaser, which then
     * unparks the thread) or to CANCELLED (by its own thread, when it gives up or leaves): whichever
     * CAS wins decides. A releaser detaches the whole stack with one getAndSet(null) and releases
     * every WAITING node on it. CANCELLED nodes are unlinked by cancel(), by push() when one is on
     * top, or dropped with the stack at the next release. Nodes are only ever added at the top, so a
     * next link only ever points further down; unlinking skips only CANCELLED nodes, so a live node
     * is never lost. Unlinking by plain writes can race with another unlink and relink a cancelled
     * node: harmless, it is skipped later.
     *
     * Invariant (no lost wake-up): a waiter parks only after its node is on the stack and it has
     * then read the round unchanged; a releaser advances the round (its CAS) before it reads the
     * stack. All four accesses are volatile, hence totally ordered: either the push comes before the
     * releaser's read, and the releaser detaches the node and unparks it, or the releaser's CAS comes
     * before the waiter's read, and the waiter sees the new round and does not park.
     *
     * A waiter returns only when the round has moved on, never merely because its node was
     * released: the releaser of an earlier round may still be detaching the stack when the next
     * round begins, and then releases nodes of the new round as well (the harness's check
     * mc-late-release covers this). Such a waiter finds its round still open and pushes a new node.
     * Rounds wrap around after 2^32; they are compared for equality only, so a waiter could miss its
     * round's end only if a multiple of 2^32 rounds ended between two of its reads of the state.
     *
     * Ordering: the adds of a round form one chain of CASes on the state, each reading the previous
     * one's write; a waiter returns only after reading, in the state, count 0 or a later round,
     * both written by the CAS that ended the round, after every add of it.
     *
     * Spinning: SPINS iterations before the first push (none on one processor, where the releaser
     * cannot run meanwhile). The system property dev.waitgroup.cas.spins sets it for measuring (the
     * benchmarks module), not for tuning in production. A virtual thread parks at once: parking it
     * costs a continuation yield, not an OS context switch, and spinning would hold the carrier that
     * the task it waits for may need (with one carrier, that task cannot run until the spin ends).
     * LinkedTransferQueue does the same since Java 21.
     */

    private static final long COUNT_MASK = 0xFFFF_FFFFL;
    private static final long ONE_ROUND = 1L << 32;
    /** Spin iterations before parking; see the notes on spinning. */
    private static final int SPINS = Runtime.getRuntime().availableProcessors() > 1
            ? Integer.getInteger("dev.waitgroup.cas.spins", 1 << 8) : 0;
    /** {@code Thread.isVirtual()} on Java 21+ (the jar is compiled for 17); null before. */
    private static final MethodHandle IS_VIRTUAL = isVirtualHandle();

    private static final VarHandle STATE;
    private static final VarHandle WAITERS;
    private static final VarHandle STATUS;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            STATE = lookup.findVarHandle(CasSpinWaitGroup.class, "state", long.class);
            WAITERS = lookup.findVarHandle(CasSpinWaitGroup.class, "waiters", Waiter.class);
            STATUS = lookup.findVarHandle(Waiter.class, "status", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** A waiting thread; {@code status} moves once, by CAS, from WAITING to RELEASED or CANCELLED. */
    static final class Waiter {
        static final int WAITING = 0;
        static final int RELEASED = 1;
        static final int CANCELLED = 2;

        final Thread thread;
        volatile int status;
        volatile Waiter next;

        Waiter(Thread thread) {
            this.thread = thread;
        }

        /** Whether this call decided the node's fate: false if a releaser or the owner got there first. */
        boolean transition(int to) {
            return STATUS.compareAndSet(this, WAITING, to);
        }
    }

    /** {@code round << 32 | count}. */
    private volatile long state;
    /** Top of the stack of waiters pushed since the stack was last detached; null when empty. */
    private volatile Waiter waiters;

    /** SPINS, or none on a virtual thread: see the notes on spinning. */
    private static int spinsBeforePark() {
        return onVirtualThread() ? 0 : SPINS;
    }

    private static boolean onVirtualThread() {
        if (IS_VIRTUAL == null) {
            return false;
        }
        try {
            return (boolean) IS_VIRTUAL.invokeExact(Thread.currentThread());
        } catch (Throwable impossible) {
            throw new IllegalStateException("Thread.isVirtual() failed", impossible);
        }
    }

    private static MethodHandle isVirtualHandle() {
        try {
            return MethodHandles.publicLookup().findVirtual(Thread.class, "isVirtual",
                    MethodType.methodType(boolean.class));
        } catch (NoSuchMethodException | IllegalAccessException beforeJava21) {
            return null;
        }
    }

    private static int countOf(long state) {
        return (int) (state & COUNT_MASK);
    }

    private static int roundOf(long state) {
        return (int) (state >>> 32);
    }

    @Override
    public void add(int delta) {
        if (delta == 0) {
            return;
        }
        for (;;) {
            long current = state;
            int next = CounterArithmetic.next(countOf(current), delta);
            boolean release = next == 0;
            long updated = release
                    ? (current & ~COUNT_MASK) + ONE_ROUND
                    : (current & ~COUNT_MASK) | next;
            // A failed CAS means a racing add changed the state: re-read and re-check. A successful
            // one read the previous add's write, so the adds of a round are one chain; the one that
            // ends the round writes count 0 and the next round together, which is what waiters read.
            if (STATE.compareAndSet(this, current, updated)) {
                if (release) {
                    releaseAll();
                }
                return;
            }
        }
    }

    /** Called after the CAS that ended the round: releases every node pushed before this read. */
    private void releaseAll() {
        if (waiters == null) {
            // The common case, and no atomic write: this read follows the round's CAS, and a waiter
            // reads the state after its push, so a node pushed later sees the new round.
            return;
        }
        // Detach the whole stack in one step; nodes pushed after it are left for a later release.
        // For each node the status CAS decides between this release and its owner giving up.
        for (Waiter w = (Waiter) WAITERS.getAndSet(this, (Waiter) null); w != null; w = w.next) {
            if (w.transition(Waiter.RELEASED)) {
                LockSupport.unpark(w.thread);
            }
        }
    }

    @Override
    public void await() throws InterruptedException {
        awaitRound(false, 0L);
    }

    @Override
    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        return awaitRound(true, unit.toNanos(timeout));
    }

    private boolean awaitRound(boolean timed, long nanos) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        long current = state;
        if (countOf(current) == 0) {
            return true;
        }
        if (timed && nanos <= 0L) {
            return false; // a zero timeout polls: no spin, no node
        }
        int round = roundOf(current);
        long deadline = timed ? System.nanoTime() + nanos : 0L;
        for (int spins = spinsBeforePark(); spins > 0; spins--) {
            if (roundOf(state) != round) {
                return true;
            }
            Thread.onSpinWait();
        }
        for (;;) {
            Waiter node = new Waiter(Thread.currentThread());
            push(node);
            // The state is read after the push (the invariant in the notes): either the releaser of
            // this round finds the node, or this read sees the new round.
            while (roundOf(state) == round && node.status == Waiter.WAITING) {
                if (timed) {
                    long remaining = deadline - System.nanoTime();
                    if (remaining <= 0L) {
                        cancel(node);
                        return roundOf(state) != round;
                    }
                    LockSupport.parkNanos(this, remaining);
                } else {
                    LockSupport.park(this);
                }
                if (Thread.interrupted()) {
                    cancel(node);
                    if (roundOf(state) == round) {
                        throw new InterruptedException();
                    }
                    Thread.currentThread().interrupt(); // released meanwhile: return, keep the interrupt
                    return true;
                }
            }
            if (roundOf(state) != round) {
                // Leaving: a releaser that meets the node later skips it instead of unparking a
                // thread that has moved on. A no-op if a release got here first.
                node.transition(Waiter.CANCELLED);
                return true;
            }
            // Released, yet the round is still open: the releaser of an earlier round was still
            // detaching the stack when this round's node was pushed. Not our release: wait again.
        }
    }

    private void push(Waiter node) {
        for (;;) {
            Waiter top = waiters;
            if (top != null && top.status == Waiter.CANCELLED) {
                // Help: drop a cancelled node on top. Fails harmlessly if the top changed meanwhile
                // (a push, a detach); a node is never pushed twice, so the CAS cannot be fooled.
                WAITERS.compareAndSet(this, top, top.next);
                continue;
            }
            node.next = top;
            // The CAS publishes the node with its next link; failing, another push or a detach got
            // in first, and the loop links the node to the new top.
            if (WAITERS.compareAndSet(this, top, node)) {
                return;
            }
        }
    }

    /**
     * Gives up a wait, and unlinks the cancelled nodes it finds on the stack. Returns false if the
     * node was released first.
     */
    private boolean cancel(Waiter node) {
        if (!node.transition(Waiter.CANCELLED)) {
            return false;
        }
        // Unlink by CAS at the top and by plain writes below it. A racing unlink may undo a write
        // here and relink a cancelled node, never skip a live one: see the notes. A traversal of a
        // stack detached meanwhile unlinks nodes that no one will look at again.
        Waiter pred = null;
        for (Waiter w = waiters; w != null; ) {
            Waiter next = w.next;
            if (w.status != Waiter.CANCELLED) {
                pred = w;
            } else if (pred == null) {
                WAITERS.compareAndSet(this, w, next);
            } else {
                pred.next = next;
            }
            w = next;
        }
        return true;
    }

    @Override
    public int count() {
        return countOf(state);
    }

    @Override
    public String toString() {
        int parked = 0;
        for (Waiter w = waiters; w != null && parked < 1_000; w = w.next) {
            if (w.status == Waiter.WAITING) {
                parked++;
            }
        }
        long current = state;
        return "CasSpinWaitGroup[count=" + countOf(current) + ", round=" + roundOf(current) + ", " + parked
                + " waiters parked]";
    }
}
