package dev.waitgroup.explore;

import java.time.Duration;
import java.util.Locale;

/**
 * What an exploration found, and what it explored.
 *
 * @param passed        true if no history was a violation (inconclusive ones are counted apart)
 * @param seed          the seed: with the same budget, the same scenarios
 * @param histories     scenarios run to a verdict (the one of many rounds included)
 * @param operations    calls recorded over all histories
 * @param rounds        rounds ended, as the sequential model replays each history's calls in invocation order
 * @param inconclusive  histories that stayed inconclusive after their reruns: the machine held the run up, or held
 *                      a thread up once but not when rerun with twice the slack
 * @param cutShort      true if the budget's time ran out before all its histories ran
 * @param elapsed       the exploration's time, shrinking and replays included
 * @param failure       what failed, or null
 */
public record ExplorationOutcome(boolean passed, long seed, int histories, long operations, long rounds, int inconclusive,
                                 boolean cutShort, Duration elapsed, Failure failure) {

    /**
     * A failing scenario and its evidence.
     *
     * @param rule            the rule broken (its id, e.g. {@code timeout-early})
     * @param sentence        the checker's sentence on the shrunk history
     * @param index           the failing scenario's index for the seed (-1: the scenario of many rounds)
     * @param historiesTried  histories run until the first failure, that one included
     * @param timeToCatch     time from the start of the exploration to the first failing verdict
     * @param original        the failing scenario as generated
     * @param shrunk          the shrunk scenario
     * @param shrunkHistory   the failing history shown, printed: the shrunk scenario's when it failed again, else
     *                        the one drawn ({@link #shown()})
     * @param shrinkRuns      candidate scenarios run while shrinking
     * @param replayFailures  times the shrunk scenario failed again, with the same rule, when rerun
     * @param replays         times it was rerun; 0 if it was neither shrunk nor rerun, because a call it gave
     *                        up on still spins (each rerun would leave one more)
     */
    public record Failure(String rule, String sentence, int index, int historiesTried, Duration timeToCatch,
                          Scenario original, Scenario shrunk, String shrunkHistory, int shrinkRuns, int replayFailures,
                          int replays) {

        /** Whether the shrunk scenario failed again when rerun: its history is then the evidence. */
        public boolean recurred() {
            return replayFailures > 0;
        }

        /**
         * The scenario whose history is the evidence: the shrunk one when it failed again; else the one
         * drawn, whose history did fail (a failure that hangs on timing may not come back when rerun).
         */
        public Scenario shown() {
            return replays > 0 && !recurred() ? original : shrunk;
        }

        /** How the evidence was made: how far the scenario was shrunk and how often it failed again, or why not. */
        public String howShrunk() {
            if (replays == 0) {
                return "not shrunk nor rerun: a call it gave up on still spins, and each rerun would leave one more";
            }
            if (!recurred()) {
                return String.format(Locale.ROOT, "as drawn, %d steps: shrunk to %d steps in %d runs, that scenario"
                        + " failed again 0 of %d times when rerun, so the failure depends on timing", original.size(),
                        shrunk.size(), shrinkRuns, replays);
            }
            return String.format(Locale.ROOT, "shrunk from %d to %d steps in %d runs; it failed again %d of %d times"
                    + " when rerun", original.size(), shrunk.size(), shrinkRuns, replayFailures, replays);
        }
    }

    /** A report for a log: the verdict, what was explored, and on failure the shrunk history. */
    public String text() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%s: %,d histories, %,d operations, %,d rounds, seed %d, %.1f s%s%s%n",
                passed ? "PASSED" : "FAILED", histories, operations, rounds, seed, elapsed.toMillis() / 1000.0,
                inconclusive > 0 ? ", " + inconclusive + " inconclusive (the machine's lateness)" : "",
                cutShort ? ", cut short by the budget's time" : ""));
        if (failure != null) {
            s.append(String.format(Locale.ROOT, "rule broken: [%s] %s%n", failure.rule(), failure.sentence()));
            s.append(String.format(Locale.ROOT, "found at history %d of seed %d (%d histories tried, %.1f s); %s%n",
                    failure.index(), seed, failure.historiesTried(), failure.timeToCatch().toMillis() / 1000.0,
                    failure.howShrunk()));
            s.append(failure.recurred() ? "shrunk scenario:\n" : "scenario:\n").append(failure.shown().text());
            s.append(failure.shrunkHistory());
        }
        return s.toString();
    }
}
