package dev.waitgroup.fray;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What exploring (or replaying) one scenario on one WaitGroup under Fray came to.
 *
 * @param verdict        see {@link Verdict}
 * @param implementation the WaitGroup's class name
 * @param scenario       the scenario's name
 * @param scheduler      the scheduler that explored (for a replay: the recorded one)
 * @param seed           the seed of the exploration
 * @param iterations     schedules run to the end without a failure
 * @param failedAt       the 0-based iteration that failed, or -1
 * @param failure        the failure in one line (the exception, with the broken promise), or empty
 * @param elapsed        the scenario's time in the child JVM (the JVM's start-up not included)
 * @param evidence       {@code failure.txt} (stack trace and Fray's log), or null
 * @param recording      the failure's own copy of Fray's recording, or null
 * @param reason         for {@code NOT_RUN}, {@code HANG} and {@code ERROR}: one sentence why; else empty
 * @param how            sentences on how Fray saw it, for a verdict's {@code how} ({@link FrayFacts})
 */
public record FrayOutcome(Verdict verdict, String implementation, String scenario, String scheduler, long seed,
                          int iterations, int failedAt, String failure, Duration elapsed, Path evidence,
                          Path recording, String reason, List<String> how) {

    /** The kinds of outcome. */
    public enum Verdict {
        /** Every iteration of the budget passed. */
        PASSED,
        /** An iteration broke the contract, threw, or deadlocked; {@code recording} replays it. */
        FAILED,
        /** Fray could not run here (no JDK 25, say); {@code reason} says why. */
        NOT_RUN,
        /** The child JVM did not finish within its bound (a spin Fray cannot see); it was killed. */
        HANG,
        /** The engine, Fray or the child JVM failed (bad class, crash, Fray internal error). */
        ERROR
    }

    public FrayOutcome {
        how = List.copyOf(how);
    }

    /** An outcome for a scenario that could not be run, with the reason. */
    static FrayOutcome without(Verdict verdict, String implementation, String scenario, String scheduler, long seed,
                               String reason) {
        return new FrayOutcome(verdict, implementation, scenario, scheduler, seed, 0, -1, "", Duration.ZERO, null,
                null, reason, List.of());
    }

    /** Schedules per second, over the scenario's time in the child JVM; 0 if nothing ran. */
    public double iterationsPerSecond() {
        long millis = elapsed.toMillis();
        int schedules = iterations + (failedAt >= 0 ? 1 : 0);
        return millis <= 0 ? 0 : schedules * 1000.0 / millis;
    }

    /** One line for a log or a table. */
    public String summary() {
        switch (verdict) {
            case PASSED:
                return String.format("%s %s: passed %d iterations (%s, seed %d) in %d ms, %.0f iterations/s",
                        implementation, scenario, iterations, scheduler, seed, elapsed.toMillis(),
                        iterationsPerSecond());
            case FAILED:
                return String.format("%s %s: FAILED at iteration %d (%s, seed %d): %s", implementation, scenario,
                        failedAt, scheduler, seed, failure);
            default:
                return implementation + " " + scenario + ": " + verdict + ": " + reason;
        }
    }
}
