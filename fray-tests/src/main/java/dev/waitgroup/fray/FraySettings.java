package dev.waitgroup.fray;

import dev.waitgroup.harness.junit.SuiteBounds;
import dev.waitgroup.settings.Property;
import dev.waitgroup.settings.Settings;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The Fray suite's own settings, read from the run's {@code fray.*} properties ({@link Property}): its
 * bounds, read by the suite's runner, and the budgets, seed, scheduler, JDK and replay, read by the
 * checks in each test JVM. What every suite shares stays in {@link Settings}.
 */
final class FraySettings {
    /** Whether the budgets are the main job's ({@code -Pstress}). */
    final boolean mainJob;
    /** How long one Fray check may take before it is reported as a hang: 10 s to 2 h. */
    final Duration checkBound;
    /** How long one implementation may spend in the Fray suite: 10 s to 4 h. */
    final Duration implementationBudget;
    /** Schedules per race: 1 to 1,000,000. */
    final int schedules;
    /** Histories the fray-histories check draws: 1 to 100,000. */
    final int histories;
    /** Schedules per drawn history: 1 to 1,000,000. */
    final int historySchedules;
    /** The run's seed: the one given, or one drawn from the run's id. */
    final long seed;
    /** The scheduler that explores. */
    final SchedulerKind scheduler;
    /** A recording to replay instead of exploring, absolute; null when none was given. */
    final Path replay;
    /** The project folder, which a replay's path in a reproduce command is written relative to. */
    final Path root;
    /** Where the run's verdicts go, and under it ({@code work/fray}) each check's files. */
    final Path resultsDir;

    private FraySettings(Settings settings) {
        mainJob = settings.mainJob;
        checkBound = settings.get(Property.FRAY_CHECK_BOUND);
        implementationBudget = settings.get(Property.FRAY_IMPL_BUDGET);
        schedules = settings.get(Property.FRAY_SCHEDULES);
        histories = settings.get(Property.FRAY_HISTORIES);
        historySchedules = settings.get(Property.FRAY_HISTORY_SCHEDULES);
        seed = settings.get(Property.FRAY_SEED).forRun(settings.runId);
        scheduler = SchedulerKind.of(settings.get(Property.FRAY_SCHEDULER));
        Path given = settings.get(Property.FRAY_REPLAY);
        replay = given.toString().isEmpty() ? null : given.toAbsolutePath().normalize();
        root = settings.root;
        resultsDir = settings.resultsDir.toAbsolutePath().normalize();
    }

    /** The Fray suite's settings of a run. */
    static FraySettings of(Settings settings) {
        return new FraySettings(settings);
    }

    /** The settings of this JVM: a test JVM, given them by its runner as every JVM of the run is. */
    static FraySettings ofThisJvm() {
        return of(Settings.fromSystemProperties());
    }

    /** The bounds the suite's runner and its test JVMs apply. */
    SuiteBounds bounds() {
        return new SuiteBounds(checkBound, implementationBudget);
    }

    /** A path as a reader types it from the project folder: relative when it lies inside it. */
    String shown(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(root) ? root.relativize(absolute).toString() : absolute.toString();
    }
}
