package dev.waitgroup.lincheck;

/**
 * The sequential specification of a WaitGroup: a counter that refuses to go negative or past
 * {@code Integer.MAX_VALUE}, and an {@code await()} that can only return where the counter is zero.
 *
 * <p>Lincheck looks for an order of the observed operations that this class explains. A blocking
 * operation has no sequential result where it would block, so {@code await()} here "throws
 * {@link WouldBlock}" on a non-zero counter: since a real {@code await()} never throws that, the
 * checker can place a returned {@code await()} only at a moment when the counter was zero.
 * Likewise {@link #runHandedOff()} can only follow the {@link #goHandOff()} that handed a task over.
 *
 * <p>The operations of {@link InterruptAndTimeChecks} say nothing new about the counter: each is an
 * {@code await()} placed in the order like any other, and only what it returns where it cannot be
 * placed differs. A timeout that cannot expire is no timeout. An interrupt comes from a scenario that
 * starts the waiter's operation before any release and ends it only after the interrupt was sent, so
 * the interrupt always falls inside it; see {@link #awaitInterruptibly()}.
 */
public final class WaitGroupSpecification {
    private int count;
    private int handedOver;

    public void add(int delta) {
        long next = (long) count + delta;
        if (next < 0 || next > Integer.MAX_VALUE) {
            throw new IllegalStateException("refused: " + count + " + " + delta);
        }
        count = (int) next;
    }

    public void done() {
        add(-1);
    }

    public int count() {
        return count;
    }

    public boolean awaitNow() {
        return count == 0;
    }

    public void await() {
        if (count != 0) {
            throw new WouldBlock();
        }
    }

    public void goHandOff() {
        add(1);
        handedOver++;
    }

    public void runHandedOff() {
        if (handedOver == 0) {
            throw new WouldBlock();
        }
        handedOver--;
        done();
    }

    /** {@code await(Long.MAX_VALUE, NANOSECONDS)}: a timeout that cannot expire is an untimed {@code await()}. */
    public boolean awaitWithHugeTimeout() {
        await();
        return true;
    }

    /**
     * An {@code await()} interrupted while its operation runs. Placed where the counter is not zero (at
     * the operation's start it is, since no release came before the waiter), it is the await interrupted
     * while waiting: {@code InterruptedException}. Placed where the counter is zero, it returned before
     * it noticed the interrupt, which therefore stays set: {@code true}. What no order explains is a
     * lost interrupt (a normal return, the status clear: {@code false}), an exception with the status
     * left set, or a changed counter.
     */
    public boolean awaitInterruptibly() throws InterruptedException {
        try {
            await();
        } catch (WouldBlock open) {
            throw new InterruptedException();
        }
        return true;
    }

    /** Sends the interrupt: changes nothing in the group. */
    public void interruptWaiter() {
    }

    public void doneAfterWaiterPublished() {
        done();
    }

    /** {@code await()} entered with the interrupt status set throws, whatever the counter. */
    public boolean selfInterruptedAwait() throws InterruptedException {
        throw new InterruptedException();
    }

    /** What no real operation throws: "not at this point of the order". */
    public static final class WouldBlock extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WouldBlock() {
            super(null, null, false, false);
        }
    }
}
