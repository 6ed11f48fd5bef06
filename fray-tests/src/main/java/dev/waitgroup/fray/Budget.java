package dev.waitgroup.fray;

import java.time.Duration;

/**
 * How much exploration one child JVM gets.
 *
 * @param iterations   schedules to run per scenario (Fray's iterations), at least 1
 * @param frayTime     Fray's own time limit per scenario: it stops starting new iterations after it
 * @param bound        the watchdog's bound on the whole child JVM (start-up, every scenario, exit);
 *                     past it the JVM and its descendants are killed, and the running scenario is a hang
 */
public record Budget(int iterations, Duration frayTime, Duration bound) {
    public Budget {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be at least 1, not " + iterations);
        }
        if (frayTime.isNegative() || frayTime.isZero() || bound.isNegative() || bound.isZero()) {
            throw new IllegalArgumentException("frayTime and bound must be positive");
        }
    }

    /** The default run's budget (mvn verify): 300 schedules per scenario, 20 s each, 3 minutes in all. */
    public static Budget defaultRun() {
        return new Budget(300, Duration.ofSeconds(20), Duration.ofMinutes(3));
    }

    /** The main job's budget: 5,000 schedules per scenario, 2 minutes each, 20 minutes in all. */
    public static Budget mainJob() {
        return new Budget(5_000, Duration.ofMinutes(2), Duration.ofMinutes(20));
    }

    /** This budget with another number of iterations. */
    public Budget withIterations(int count) {
        return new Budget(count, frayTime, bound);
    }
}
