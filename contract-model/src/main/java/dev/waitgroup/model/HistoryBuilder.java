package dev.waitgroup.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@link History} event by event: for an engine that records its own runs (a controlled
 * scheduler with a logical clock), and for tests, which write times in milliseconds from the start.
 *
 * <pre>{@code
 * History h = new HistoryBuilder()
 *         .call("T1", new Operation.Add(1), 0.0, 0.1, Outcome.VOID)
 *         .call("T1", new Operation.Await(), 0.2, 100.3, Outcome.VOID)
 *         .call("H1", new Operation.Done(), 100.0, 100.1, Outcome.VOID)
 *         .end(101.0);
 * }</pre>
 */
public final class HistoryBuilder {
    private final long origin;
    private final Slack slack;
    private final List<Event> events = new ArrayList<>();
    private long maxSchedulingGap;

    /** Times in milliseconds from zero, with the minimum slack. */
    public HistoryBuilder() {
        this(0L, new Slack(Slack.MINIMUM.toNanos()));
    }

    /** Times as the clock gave them, {@code origin} being the start of the run. */
    public HistoryBuilder(long origin, Slack slack) {
        this.origin = origin;
        this.slack = slack;
    }

    /** A call that returned or threw, times in ms from the start; the interrupt status is not recorded. */
    public HistoryBuilder call(String thread, Operation op, double invokedMs, double respondedMs, Outcome outcome) {
        return add(thread, op, nanos(invokedMs), nanos(respondedMs), outcome, null, null);
    }

    /** A call with the interrupt status read after it. */
    public HistoryBuilder call(String thread, Operation op, double invokedMs, double respondedMs, Outcome outcome,
                               boolean interruptedAfter) {
        return add(thread, op, nanos(invokedMs), nanos(respondedMs), outcome, interruptedAfter, null);
    }

    /** A call during which {@code by} interrupted the thread, between {@code sentMs} and {@code deliveredMs}. */
    public HistoryBuilder interruptedCall(String thread, Operation op, double invokedMs, double respondedMs,
                                          Outcome outcome, boolean interruptedAfter, String by, double sentMs,
                                          double deliveredMs) {
        return add(thread, op, nanos(invokedMs), nanos(respondedMs), outcome, interruptedAfter,
                new InterruptDelivery(by, nanos(sentMs), nanos(deliveredMs)));
    }

    /** A call that had not returned when the run gave up; {@code stack} is where its thread was. */
    public HistoryBuilder stuck(String thread, Operation op, double invokedMs, String stack) {
        return add(thread, op, nanos(invokedMs), 0L, new Outcome.NotReturned(stack), null, null);
    }

    /** A stuck call during which the thread was interrupted. */
    public HistoryBuilder stuckInterrupted(String thread, Operation op, double invokedMs, String by, double sentMs,
                                           double deliveredMs) {
        return add(thread, op, nanos(invokedMs), 0L, new Outcome.NotReturned("(stack not recorded)"), null,
                new InterruptDelivery(by, nanos(sentMs), nanos(deliveredMs)));
    }

    /** An event with clock times, as an engine records it. */
    public HistoryBuilder add(String thread, Operation op, long invoked, long responded, Outcome outcome,
                              Boolean interruptedAfter, InterruptDelivery interrupt) {
        events.add(new Event(events.size(), thread, op, invoked, responded, outcome, interruptedAfter, interrupt));
        return this;
    }

    /** The longest time (ms) the run's heartbeat went unscheduled. */
    public HistoryBuilder schedulingGap(double millis) {
        maxSchedulingGap = nanos(millis) - origin;
        return this;
    }

    /** The history, the run having ended (or given up) at {@code endMs}. */
    public History end(double endMs) {
        return new History(origin, events, nanos(endMs), slack, maxSchedulingGap);
    }

    /** The history, the run having ended (or given up) at clock time {@code end}. */
    public History endAt(long end) {
        return new History(origin, events, end, slack, maxSchedulingGap);
    }

    private long nanos(double millis) {
        return origin + Math.round(millis * 1_000_000);
    }
}
