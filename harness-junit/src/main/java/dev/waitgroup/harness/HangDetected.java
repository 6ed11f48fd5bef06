package dev.waitgroup.harness;

/** A blocking call that should have returned did not within its bound: recorded as a timeout. */
public final class HangDetected extends AssertionError {
    private static final long serialVersionUID = 1L;

    public HangDetected(String message) {
        super(message);
    }
}
