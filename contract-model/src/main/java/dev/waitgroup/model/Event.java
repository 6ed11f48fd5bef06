package dev.waitgroup.model;

import java.util.Objects;

/**
 * One operation of a history as it was observed.
 *
 * <p>Timestamps come from the history's {@link Clock}: {@code invoked} is read before the call and
 * {@code responded} after it, so the real call lies inside {@code [invoked, responded]}. That is what
 * makes the checker sound: a rule is broken only if it is broken for every instant in those windows.
 *
 * @param id               the order in which the run recorded the event; stable, used to name it
 * @param thread           the thread's name in the history (e.g. {@code T1}, {@code H1})
 * @param operation        what was called
 * @param invoked          clock time before the call
 * @param responded        clock time after the call; meaningless when the outcome is {@link Outcome.NotReturned}
 * @param outcome          what came of it
 * @param interruptedAfter the thread's interrupt status read after the call (and after any
 *                         {@code interrupt} was delivered); null where the run did not read it
 * @param interrupt        an interrupt sent to this thread during the call, or null
 */
public record Event(int id, String thread, Operation operation, long invoked, long responded, Outcome outcome,
                    Boolean interruptedAfter, InterruptDelivery interrupt) {
    public Event {
        Objects.requireNonNull(thread, "thread");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(outcome, "outcome");
    }

    public boolean returned() {
        return !(outcome instanceof Outcome.NotReturned);
    }

    public boolean threw(Class<? extends Throwable> kind) {
        return outcome instanceof Outcome.Threw && ((Outcome.Threw) outcome).is(kind);
    }

    /** The operation with the thread that called it, e.g. {@code T1: await(1, MILLISECONDS)}. */
    public String name() {
        return thread + ": " + operation.text();
    }
}
