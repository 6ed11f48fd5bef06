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
            // three test JVMs, two WaitGroups each: much of a history is spent waiting out timeouts (a
            // slow specimen waits out its deadlines and the slack), which leaves two cores idle with
            // two JVMs; a verdict that rests on the slack is confirmed with twice the slack
            JUnitSuite.run(Suite.EXPLORATION, ExplorationSuite.class, List.of(ExplorationChecks.class),
                    // C1 only: the same verdicts on every implementation and specimen, half the CPU (74 CPU-s
                    // with C2, 44 without, measured), and the machine's time goes to the histories' waits
                    List.of("-Xmx512m", "-XX:TieredStopAtLevel=1"),
                    settings -> ExplorationSettings.of(settings).bounds(), 3, 2);
            return ExitStatus.RAN;
        }));
    }
}
