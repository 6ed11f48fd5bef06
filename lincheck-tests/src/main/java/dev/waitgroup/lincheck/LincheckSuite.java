package dev.waitgroup.lincheck;

import dev.waitgroup.catalogue.Suite;
import dev.waitgroup.harness.ChildJvm;
import dev.waitgroup.harness.junit.JUnitSuite;
import dev.waitgroup.settings.ExitStatus;
import java.util.List;

/**
 * Runs the Lincheck suite: {@code java -jar lincheck-tests/target/lincheck-suite.jar}, with the
 * selection and budgets as system properties ({@code -Dwg.impl=go -Dwg.check=mc-random}). The build
 * runs it in {@code integration-test}; verdicts go to the run's {@code lincheck.json}.
 */
public final class LincheckSuite {
    /** The suite's check classes: between them, one {@code @HarnessCheck} test per Lincheck check of the catalogue. */
    static final List<Class<?>> CHECK_CLASSES = List.of(LinearizabilityChecks.class, InterruptAndTimeChecks.class,
            MisuseScenarioChecks.class, ErrorGroupChecks.class);

    private LincheckSuite() {
    }

    /** Exits 0 when the suite ran (whatever its verdicts), 2 when it could not start. */
    public static void main(String[] args) throws Exception {
        System.exit(ExitStatus.of("lincheck suite", () -> {
            run();
            return ExitStatus.RAN;
        }));
    }

    private static void run() throws Exception {
        JUnitSuite.run(Suite.LINCHECK, LincheckSuite.class,
                CHECK_CLASSES,
                // Lincheck attaches its agent itself; the bootstrap jar it writes in every JVM goes to the
                // JVM's own work folder (its working directory), not /tmp
                List.of("-Xmx1g", "-XX:+EnableDynamicAgentLoading", "-Xshare:off", ChildJvm.C1_ONLY,
                        "-Djava.io.tmpdir=."),
                settings -> LincheckSettings.of(settings).bounds(), 2, 3);
    }
}
