package dev.waitgroup.explore;

import dev.waitgroup.harness.junit.SuiteBounds;
import dev.waitgroup.settings.Property;
import dev.waitgroup.settings.Settings;
import java.time.Duration;

/**
 * The exploration suite's own settings, read from the run's {@code exploration.*} properties
 * ({@link Property}): its bounds, read by the suite's runner, and the histories' budget and seed, read
 * by the checks in each test JVM. What every suite shares stays in {@link Settings}.
 */
final class ExplorationSettings {
    /** Whether the budgets are the main job's ({@code -Pstress}). */
    final boolean mainJob;
    /** How long one exploration check may take before it is reported as a hang: 1 s to 1 h. */
    final Duration checkBound;
    /** How long one implementation may spend in the exploration suite: 10 s to 2 h. */
    final Duration implementationBudget;
    /** Histories per check: 1 to 10,000,000. */
    final int histories;
    /** Legal rounds on one group in the rounds check: 1 to 10,000,000. */
    final int rounds;
    /** The run's seed: the one given, or one drawn from the run's id. */
    final long seed;

    private ExplorationSettings(Settings settings) {
        mainJob = settings.mainJob;
        checkBound = settings.get(Property.EXPLORATION_CHECK_BOUND);
        implementationBudget = settings.get(Property.EXPLORATION_IMPL_BUDGET);
        histories = settings.get(Property.EXPLORATION_HISTORIES);
        rounds = settings.get(Property.EXPLORATION_ROUNDS);
        seed = settings.get(Property.EXPLORATION_SEED).forRun(settings.runId);
    }

    /** The exploration suite's settings of a run. */
    static ExplorationSettings of(Settings settings) {
        return new ExplorationSettings(settings);
    }

    /** The settings of this JVM: a test JVM, given them by its runner as every JVM of the run is. */
    static ExplorationSettings ofThisJvm() {
        return of(Settings.fromSystemProperties());
    }

    /** The bounds the suite's runner and its test JVMs apply. */
    SuiteBounds bounds() {
        return new SuiteBounds(checkBound, implementationBudget);
    }
}
