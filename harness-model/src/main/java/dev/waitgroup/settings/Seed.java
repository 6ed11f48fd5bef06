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

    /**
     * The seed of a run: the number given, or one drawn from {@code runId}; for a run with no id (a suite
     * started by hand without {@code wg.run.id}) one drawn at random, once per JVM, so that every such run
     * explores anew. Either way the verdicts record the number, and their reproduce commands pin it.
     */
    public long forRun(String runId) {
        if (!given.equals(FROM_RUN)) {
            return Long.parseLong(given);
        }
        return runId.isEmpty() ? UnnamedRun.SEED : runId.hashCode() * 0x9E3779B97F4A7C15L + runId.length();
    }

    /** The seed of this JVM's run when it has no id, drawn on first use. */
    private static final class UnnamedRun {
        static final long SEED = new java.security.SecureRandom().nextLong();
    }

    @Override
    public String toString() {
        return given;
    }
}
