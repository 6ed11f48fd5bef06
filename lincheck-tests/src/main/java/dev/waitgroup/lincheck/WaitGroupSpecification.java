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

    /** What no real operation throws: "not at this point of the order". */
    public static final class WouldBlock extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WouldBlock() {
            super(null, null, false, false);
        }
    }
}
