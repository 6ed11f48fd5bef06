package dev.waitgroup.harness.junit;

/**
 * A call that should have returned did not within its bound: recorded as a hang. A check throws it
 * for a call it bounded itself ({@code BlockingCall}): that call is known not to have returned. The
 * recorder throws it when a whole check outran the suite's check bound ({@link #atTheCheckBound}):
 * then it is a hang only if a call is seen standing still, and a check that was merely slow is no
 * verdict against the implementation.
 */
public final class HangDetected extends AssertionError {
    private static final long serialVersionUID = 1L;

    private final boolean atTheCheckBound;

    public HangDetected(String message) {
        this(message, false);
    }

    private HangDetected(String message, boolean atTheCheckBound) {
        super(message);
        this.atTheCheckBound = atTheCheckBound;
    }

    /** The whole check outran the suite's bound: which call, if any, did not return is still to be seen. */
    static HangDetected atTheCheckBound(String message) {
        return new HangDetected(message, true);
    }

    boolean atTheCheckBound() {
        return atTheCheckBound;
    }
}
