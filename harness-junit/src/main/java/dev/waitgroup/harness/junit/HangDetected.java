package dev.waitgroup.harness.junit;

/** A call that should have returned did not within its bound: recorded as a hang. */
public final class HangDetected extends AssertionError {
    private static final long serialVersionUID = 1L;

    public HangDetected(String message) {
        super(message);
    }
}
