package dev.waitgroup.fray.scenario;

/**
 * One call on a WaitGroup as a thread saw it: what was called, and what came back (a value, or the
 * exception it threw). A history is made of these; the judgments read them.
 *
 * @param operation what was called, as written: {@code "done()"}, {@code "await(1 ms)"}
 * @param value     what it returned ({@code null} for void, or when it threw)
 * @param thrown    what it threw, or {@code null}
 */
public record Call(String operation, Object value, Throwable thrown) {

    /** A call that may throw. */
    @FunctionalInterface
    public interface Body {
        Object call() throws Exception;
    }

    /**
     * Makes the call and records how it ended. Exceptions and {@link AssertionError}s are outcomes;
     * other errors (including Fray's own {@code TargetTerminateException}, which ends the threads of a
     * failed run) propagate.
     */
    public static Call of(String operation, Body body) {
        try {
            return new Call(operation, body.call(), null);
        } catch (Exception | AssertionError e) {
            return new Call(operation, null, e);
        }
    }

    /** A void call. */
    public static Call ofVoid(String operation, VoidBody body) {
        return of(operation, () -> {
            body.call();
            return null;
        });
    }

    /** A call that returns nothing. */
    @FunctionalInterface
    public interface VoidBody {
        void call() throws Exception;
    }

    public boolean returned() {
        return thrown == null;
    }

    public boolean threw(Class<? extends Throwable> type) {
        return type.isInstance(thrown);
    }

    @Override
    public String toString() {
        return operation + (thrown != null ? " threw " + thrown : value != null ? " returned " + value : " returned");
    }
}
