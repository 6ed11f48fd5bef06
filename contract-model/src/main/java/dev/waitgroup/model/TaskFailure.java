package dev.waitgroup.model;

/**
 * What a task throws when a history asks for a failing task ({@link Operation.Executors#INLINE_FAILING}):
 * {@code go} must count the task down and pass this exception on to its caller.
 */
public final class TaskFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TaskFailure(int task) {
        super("task " + task + " failed on purpose", null, false, false);
    }
}
