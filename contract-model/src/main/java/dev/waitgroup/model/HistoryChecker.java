package dev.waitgroup.model;

import dev.waitgroup.catalogue.ReuseBehaviour;
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
 * returned as {@link Verdict.Inconclusive}: rerun it.
 */
public final class HistoryChecker {
    private HistoryChecker() {
    }

    /**
     * Judges {@code history} for a group whose documented behaviour on reuse before every await
     * returned is {@code reuse} ({@link ReuseBehaviour#UNKNOWN} accepts any of the three).
     */
    public static Verdict check(History history, ReuseBehaviour reuse) {
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(reuse, "reuse");
        Optional<Verdict.Violation> violation = new EventRules(history).check();
        if (violation.isEmpty()) {
            violation = new LinearizationSearch(history, reuse).run();
        }
        if (violation.isEmpty()) {
            return Verdict.EXPLAINED;
        }
        long gap = history.maxSchedulingGap();
        if (gap > history.slack().nanos() / 2) {
            return new Verdict.Inconclusive("the run was not scheduled for " + Describe.millis(gap) + " ms, more than"
                    + " half the slack of " + history.slack() + ": its timing proves nothing; rerun it", violation.get());
        }
        return violation.get();
    }
}
