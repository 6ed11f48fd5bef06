package dev.waitgroup.lincheck;

import dev.waitgroup.harness.junit.SuiteBounds;
import dev.waitgroup.settings.Property;
import dev.waitgroup.settings.Settings;
import java.time.Duration;

/**
 * The Lincheck suite's own settings, read from the run's {@code lincheck.*} properties
 * ({@link Property}): its bounds, read by the suite's runner, and Lincheck's budgets, read by the
 * checks in each test JVM. What every suite shares stays in {@link Settings}.
 */
final class LincheckSettings {
    /** How long one Lincheck check may take before it is reported as a hang: 1 s to 1 h. */
    final Duration checkBound;
    /** How long one implementation may spend in the Lincheck suite: 10 s to 2 h. */
    final Duration implementationBudget;
    /** Random scenarios per check: 1 to 10,000. */
    final int iterations;
    /** Interleavings the model checker explores per random scenario: 1 to 10,000,000. */
    final int modelCheckingInvocations;
    /** Runs on real threads per random scenario under Lincheck's stress strategy: 1 to 10,000,000. */
    final int stressStrategyInvocations;
    /** Interleavings the model checker explores per hand-built {@code await()} scenario: 1 to 10,000,000. */
    final int scenarioInvocations;
    /** Interleavings the model checker explores per misuse scenario: 1 to 10,000,000. */
    final int misuseInvocations;

    private LincheckSettings(Settings settings) {
        checkBound = settings.get(Property.LINCHECK_CHECK_BOUND);
        implementationBudget = settings.get(Property.LINCHECK_IMPL_BUDGET);
        iterations = settings.get(Property.LINCHECK_ITERATIONS);
        modelCheckingInvocations = settings.get(Property.LINCHECK_MC_INVOCATIONS);
        stressStrategyInvocations = settings.get(Property.LINCHECK_STRESS_INVOCATIONS);
        scenarioInvocations = settings.get(Property.LINCHECK_SCENARIO_INVOCATIONS);
        misuseInvocations = settings.get(Property.LINCHECK_MISUSE_INVOCATIONS);
    }

    /** The Lincheck suite's settings of a run. */
    static LincheckSettings of(Settings settings) {
        return new LincheckSettings(settings);
    }

    /** The settings of this JVM: a test JVM, given them by its runner as every JVM of the run is. */
    static LincheckSettings ofThisJvm() {
        return of(Settings.fromSystemProperties());
    }

    /** The bounds the suite's runner and its test JVMs apply. */
    SuiteBounds bounds() {
        return new SuiteBounds(checkBound, implementationBudget);
    }
}
