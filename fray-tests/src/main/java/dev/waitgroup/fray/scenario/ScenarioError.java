package dev.waitgroup.fray.scenario;

/**
 * A scenario could not run as written: a thread failed outside its calls on the group, or waited for
 * another to block and it never did. The scenario's fault (or the engine's), never the group's: a
 * harness error, not a verdict.
 */
public final class ScenarioError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ScenarioError(String message, Throwable cause) {
        super(message, cause);
    }
}
