package dev.waitgroup.explore;

import java.time.Duration;
import java.util.Objects;

/**
 * How much an exploration may do. The number of histories, not the time, decides what is explored,
 * so that the same seed and budget generate the same scenarios on any machine; {@code maxTime} only
 * stops a run that is far slower than planned (the outcome then says it was cut short).
 *
 * @param histories         scenarios to generate and run (after the one of many rounds)
 * @param rounds            rounds in the scenario of many rounds on one group, run first
 * @param concurrentPercent share of scenarios with two or three driver threads, in percent
 * @param slack             the base slack (at least 500 ms), scaled with the machine's load
 * @param maxTime           a run slower than this stops generating (and says so)
 * @param shrinkTime        time for shrinking a failing scenario
 * @param shrinkRuns        candidate scenarios shrinking may run
 * @param replays           times the shrunk scenario is rerun to measure how reliably it fails
 * @param inconclusiveReruns times a scenario is rerun while its run was held up (inconclusive, or passed though
 *                           held up beyond a quarter of the slack) before its last run counts
 */
public record Budget(int histories, int rounds, int concurrentPercent, Duration slack, Duration maxTime,
                     Duration shrinkTime, int shrinkRuns, int replays, int inconclusiveReruns) {

    /**
     * The test run, a few seconds per implementation on two cores. What it must catch it catches in
     * scenarios whose verdict does not depend on the machine's speed, early in each check; a failure is
     * shrunk for three seconds at most and rerun once, which is evidence enough for the gate (the main
     * job shrinks for two minutes and reruns ten times).
     */
    public static final Budget DEFAULT = new Budget(150, 2_000, 30, Duration.ofMillis(500), Duration.ofSeconds(60),
            Duration.ofSeconds(3), 30, 1, 3);

    /** The main job: ten times the histories, and 100,000 rounds on one group. */
    public static final Budget MAIN_JOB = new Budget(1_500, 100_000, 30, Duration.ofMillis(500), Duration.ofMinutes(10),
            Duration.ofSeconds(120), 600, 10, 3);

    public Budget {
        Objects.requireNonNull(slack, "slack");
        Objects.requireNonNull(maxTime, "maxTime");
        Objects.requireNonNull(shrinkTime, "shrinkTime");
        if (histories < 0 || rounds < 0 || concurrentPercent < 0 || concurrentPercent > 100 || replays < 0
                || shrinkRuns < 0 || inconclusiveReruns < 0) {
            throw new IllegalArgumentException("a budget counts from zero, and concurrentPercent is 0..100: " + this);
        }
    }

    public Budget withHistories(int newHistories) {
        return new Budget(newHistories, rounds, concurrentPercent, slack, maxTime, shrinkTime, shrinkRuns, replays,
                inconclusiveReruns);
    }

    public Budget withRounds(int newRounds) {
        return new Budget(histories, newRounds, concurrentPercent, slack, maxTime, shrinkTime, shrinkRuns, replays,
                inconclusiveReruns);
    }

    public Budget withConcurrentPercent(int percent) {
        return new Budget(histories, rounds, percent, slack, maxTime, shrinkTime, shrinkRuns, replays, inconclusiveReruns);
    }

    /** {@code default} or {@code main-job}. */
    public static Budget named(String name) {
        switch (name) {
            case "default":
                return DEFAULT;
            case "main-job":
                return MAIN_JOB;
            default:
                throw new IllegalArgumentException("budget '" + name + "': expected default or main-job");
        }
    }
}
