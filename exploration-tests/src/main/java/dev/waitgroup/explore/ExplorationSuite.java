package dev.waitgroup.explore;

import dev.waitgroup.catalogue.Suite;
import dev.waitgroup.harness.ChildJvm;
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
                    List.of("-Xmx512m", ChildJvm.C1_ONLY),
                    settings -> ExplorationSettings.of(settings).bounds(), 3, 2);
            return ExitStatus.RAN;
        }));
    }
}
