package dev.waitgroup.fray;

/**
 * The instrumented JDK could not be had: no JDK 25, missing artifacts, or jlink failed or timed out.
 * The message is one sentence for a verdict's reason; for a jlink failure it ends with the tail of
 * jlink's output.
 */
public final class FrayJdkException extends Exception {
    private static final long serialVersionUID = 1L;

    public FrayJdkException(String message) {
        super(message);
    }

    public FrayJdkException(String message, Throwable cause) {
        super(message, cause);
    }
}
