package dev.waitgroup.contract;

import dev.waitgroup.catalogue.Suite;
import dev.waitgroup.harness.ChildJvm;
import dev.waitgroup.harness.junit.JUnitSuite;
import dev.waitgroup.settings.ExitStatus;
import java.util.List;

/**
 * Runs the contract suite: {@code java -jar contract-tests/target/contract-suite.jar}, with the
 * selection and budgets as system properties ({@code -Dwg.impl=aqs -Dwg.check=negative-refused}).
 * The build runs it in {@code integration-test}; verdicts go to {@code target/wg-results/contract.json}.
 */
public final class ContractSuite {
    /**
     * The suite's check classes, in the order they run: the product, in {@code src/main}, named
     * {@code ...Checks}; JUnit runs them because the test JVMs select them by class, not by name.
     */
    public static final List<Class<?>> CHECK_CLASSES = List.of(WaitGroupContractChecks.class, TimedAwaitChecks.class,
            GivingUpChecks.class, WakeUpChecks.class, GoContractChecks.class, MisuseChecks.class);
    /** The options of a test JVM of this suite. */
    public static final List<String> TEST_JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC",
            ChildJvm.C1_ONLY,
            // RetainedMemory walks the JDK's own wait queues
            "--add-opens", "java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens", "java.base/java.util.concurrent.locks=ALL-UNNAMED",
            "--add-opens", "java.base/java.util.concurrent.atomic=ALL-UNNAMED");

    private ContractSuite() {
    }

    /** Exits 0 when the suite ran (whatever its verdicts), 2 when it could not start. */
    public static void main(String[] args) throws Exception {
        System.exit(ExitStatus.of("contract suite", () -> {
            JUnitSuite.run(Suite.CONTRACT, ContractSuite.class, CHECK_CLASSES, TEST_JVM_OPTIONS,
                    settings -> ContractSettings.of(settings).bounds(), 3, 1);
            return ExitStatus.RAN;
        }));
    }
}
