package dev.waitgroup.impl;

import dev.waitgroup.WaitGroup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A lock-free WaitGroup: one atomic word for the counter, a short spin, then park.
 *
 * <p>The word is {@code round << 32 | count}. {@code add} is a single CAS; the one that brings the
 * counter to zero also advances the round, then detaches the whole stack of parked waiters and
 * unparks them. A waiter that finds the counter non-zero remembers the round, spins briefly (most
 * rounds in fork-join code end within microseconds; a virtual thread does not spin), then pushes a node onto the waiter stack (a
 * Treiber stack) and parks until its node is released or the round has moved on.
 *
 * <p>Invariant: a waiter parks only after its node is on the stack <i>and</i> it has seen the round
 * unchanged after the push. A releaser advances the round before it detaches the stack, so a waiter
 * either is detached (and unparked) or sees the new round: no wake-up is lost. And a waiter returns
 * only when the round has moved on, never merely because its node was released: the releaser of an
 * earlier round, still detaching the stack when the next round began, may release a node of the
 * new round (a bug the ActuallyWait benchmark hung on, and Lincheck's late-release scenario shows).
 *
 * <p>Reuse before the previous {@code await} returned: <b>generation-safe</b>. A waiter waits for
 * its own round to end, not for the counter to be zero again.
 */
public final class CasSpinWaitGroup implements WaitGroup {
    private static final long COUNT_MASK = 0xFFFF_FFFFL;
    private static final long ONE_ROUND = 1L << 32;
    /**
     * Spin iterations before parking. Spinning helps only when another core can end the round
     * meanwhile; the system property exists for measuring (the benchmarks module), not for tuning
     * in production.
     */
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

    /** A parked thread; {@code status} moves once, from WAITING to RELEASED or CANCELLED. */
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

        boolean transition(int to) {
            return STATUS.compareAndSet(this, WAITING, to);
        }
    }

    /** {@code round << 32 | count}. */
    private volatile long state;
    /** Top of the stack of parked waiters of the current round. */
    private volatile Waiter waiters;

    /**
     * A virtual thread parks at once: spinning would hold the carrier that the task it waits for may
     * need to run on (with one carrier, the task cannot run until the spin ends), and parking a
     * virtual thread costs a continuation yield, not an OS context switch. LinkedTransferQueue does
     * the same since Java 21.
     */
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
            if (STATE.compareAndSet(this, current, updated)) {
                if (release) {
                    releaseAll();
                }
                return;
            }
        }
    }

    private void releaseAll() {
        if (waiters == null) {
            return; // the common case, and no atomic write: a later push sees the new round
        }
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
                node.transition(Waiter.CANCELLED); // no-op if a release got here first
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
                WAITERS.compareAndSet(this, top, top.next); // help: drop a cancelled node on top
                continue;
            }
            node.next = top;
            if (WAITERS.compareAndSet(this, top, node)) {
                return;
            }
        }
    }

    /**
     * Gives up a wait. Returns false if the node was released first.
     * A cancelled node stays on the stack until it is unlinked here, by a later push, or by the next
     * release; unlinking skips only cancelled nodes, so a live node is never lost.
     */
    private boolean cancel(Waiter node) {
        if (!node.transition(Waiter.CANCELLED)) {
            return false;
        }
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
