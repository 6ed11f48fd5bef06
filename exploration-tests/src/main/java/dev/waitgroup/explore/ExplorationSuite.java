package dev.waitgroup.explore;

import dev.waitgroup.catalogue.Suite;
import dev.waitgroup.harness.junit.JUnitSuite;
import dev.waitgroup.settings.ExitStatus;
import java.util.List;

/**
 * Runs the exploration suite: {@code java -jar exploration-tests/target/exploration-suite.jar}, with the
 * selection, budgets and seed as system properties ({@code -Dwg.impl=cas -Dexploration.seed=7}). The
 * build runs it in {@code integration-test}; verdicts go to the run's {@code exploration.json}.
 */
public final class ExplorationSuite {
    private ExplorationSuite() {
    }

    /** Exits 0 when the suite ran (whatever its verdicts), 2 when it could not start. */
    public static void main(String[] args) throws Exception {
        System.exit(ExitStatus.of("exploration suite", () -> {
            // two test JVMs, one per core: the histories run real threads and measure time
            JUnitSuite.run(Suite.EXPLORATION, ExplorationSuite.class, List.of(ExplorationChecks.class),
                    List.of("-Xmx512m"), settings -> ExplorationSettings.of(settings).bounds(), 2, 4);
            return ExitStatus.RAN;
        }));
    }
}
