package dev.waitgroup.model;

import dev.waitgroup.catalogue.ReuseBehaviour;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Says whether a history is explained by the WaitGroup contract, or which rule it breaks.
 *
 * <p>Two passes. First the rules an event breaks on its own ({@link Rule#TIMEOUT_EARLY},
 * {@link Rule#DEADLINE}, the interrupt rules, {@link Rule#PROMPT}, {@link Rule#EXCEPTION},
 * {@link Rule#GO}); then a search for an order of the operations, consistent with their real-time
 * order, in which the counter, every await and every reuse are as the contract and the group's
 * documented {@link ReuseBehaviour} allow (the linearizability of the counter, the release of every
 * waiter, and liveness: a waiter whose round ended must have returned within the slack).
 *
 * <p><b>Soundness</b>: the measured window of each call contains the real call, and every rule is
 * judged for the most favourable instants within those windows, so a correct implementation is never
 * called wrong, on one condition: that the run itself was scheduled. Timing rules need it, so a
 * violation found in a history whose heartbeat went unscheduled for more than half the slack is
 * returned as {@link Verdict.Inconclusive}: rerun it. The heartbeat is one thread, though: a machine
 * may hold up another thread of the run (a driver, or the holder of the group's lock) for longer than
 * the slack while it goes on. Whether a violation could come from that, {@link #restsOnTheSlack} says;
 * such a violation is a verdict only once a rerun breaks the rule again. A history of a controlled
 * scheduler ({@link Scheduling#CONTROLLED}) proves no lateness at all, so it is judged without any
 * timing rule but the ones that hold on its logical clock (see there), and is never inconclusive.
 */
public final class HistoryChecker {
    /** A slack no run comes near: a day. */
    private static final Slack PATIENT = Slack.of(Duration.ofDays(1));

    private HistoryChecker() {
    }

    /**
     * Judges {@code history} for a group whose documented behaviour on reuse before every await
     * returned is {@code reuse} ({@link ReuseBehaviour#UNKNOWN} accepts any of the three).
     */
    public static Verdict check(History history, ReuseBehaviour reuse) {
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(reuse, "reuse");
        Optional<Verdict.Violation> violation = violation(history, reuse);
        if (violation.isEmpty()) {
            return Verdict.EXPLAINED;
        }
        long gap = history.maxSchedulingGap();
        if (!history.controlled() && gap > history.slack().nanos() / 2) {
            return new Verdict.Inconclusive("the run was not scheduled for " + Describe.millis(gap) + " ms, more than"
                    + " half the slack of " + history.slack() + ": its timing proves nothing; rerun it", violation.get());
        }
        return violation.get();
    }

    /**
     * Whether the history's violation rests on the slack: judged again as if calls might be any amount
     * late (with a slack of a day: a call's lateness breaks no rule, an await may read the counter at any
     * instant of its call, and a call the run gave up on may yet have returned), it is explained. Such a
     * violation may be the machine's, which held a thread up longer than the slack; a group that breaks
     * the rule breaks it again when rerun, while a busy machine is unlikely to hold a thread up that long
     * twice. A violation that does not rest on the slack (a value no order explains, a timeout reported
     * early, an interrupt swallowed) no machine can cause.
     */
    public static boolean restsOnTheSlack(History history, ReuseBehaviour reuse) {
        History patient = new History(history.origin(), history.events(), history.end(), PATIENT,
                history.maxSchedulingGap(), history.scheduling());
        return violation(patient, reuse).isEmpty();
    }

    private static Optional<Verdict.Violation> violation(History history, ReuseBehaviour reuse) {
        Optional<Verdict.Violation> violation = new EventRules(history).check();
        return violation.isPresent() ? violation : new LinearizationSearch(history, reuse).run();
    }
}
