package dev.waitgroup.settings;

/**
 * A seed as a user gives it ({@link Property#EXPLORATION_SEED}): a whole number, or {@code run} for a
 * seed drawn from the run's id, new each run and the same in every shard of it. The run's id decides
 * it, so it is resolved with {@link #forRun}, by the suite that draws from it and by the reproduce
 * command that pins it.
 *
 * @param given {@code run}, or a whole number within {@code long}'s range
 */
public record Seed(String given) {
    /** The word that draws the seed from the run's id. */
    public static final String FROM_RUN = "run";

    /** The seed of a run: the number given, or one drawn from {@code runId}. */
    public long forRun(String runId) {
        return given.equals(FROM_RUN) ? runId.hashCode() * 0x9E3779B97F4A7C15L + runId.length() : Long.parseLong(given);
    }

    @Override
    public String toString() {
        return given;
    }
}
