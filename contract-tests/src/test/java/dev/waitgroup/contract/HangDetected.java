package dev.waitgroup.contract;

/** A blocking call that should have returned did not within its bound: recorded as a timeout. */
final class HangDetected extends AssertionError {
    private static final long serialVersionUID = 1L;

    HangDetected(String message) {
        super(message);
    }
}
