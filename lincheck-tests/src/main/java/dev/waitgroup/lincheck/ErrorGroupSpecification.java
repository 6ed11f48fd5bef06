package dev.waitgroup.lincheck;

/**
 * ErrorGroup, sequentially: the first failing task's number is kept and cancels the group; a task
 * started after that does not run.
 */
public final class ErrorGroupSpecification {
    private int first;
    private boolean cancelled;

    public void fail(int id) {
        if (!cancelled) {
            first = id;
            cancelled = true;
        }
    }

    public void succeed() {
    }

    public boolean cancelled() {
        return cancelled;
    }

    public int first() {
        return first;
    }
}
