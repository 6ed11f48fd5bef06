package dev.waitgroup.lincheck;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.waitgroup.harness.Implementations;
import dev.waitgroup.harness.junit.Observation;
import org.jetbrains.lincheck.LincheckAssertionError;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.junit.jupiter.api.Test;

/**
 * The interrupt trick under Lincheck's model checker itself: a correct group's results (thrown, or
 * returned with the status kept) are explained by the specification in every interleaving explored, and
 * a lost interrupt is not.
 */
class InterruptScenarioModelCheckingTest {
    private static final int INVOCATIONS = 100;

    @Test
    void anInterruptRacingTheReleaseIsExplainedForACorrectGroupAndCaughtWhenLost() {
        WaitGroupUnderCheck.check(Implementations.named("aqs"));
        options().check(WaitGroupUnderCheck.class);

        WaitGroupUnderCheck.check(Implementations.named("lost-interrupt"));
        LincheckAssertionError failure = assertThrows(LincheckAssertionError.class,
                () -> options().check(WaitGroupUnderCheck.class));
        String report = String.valueOf(failure.getMessage());
        assertFalse(report.contains("caught a bug in Lincheck"), report);
        assertTrue(report.contains("Invalid execution results") && report.contains("awaitInterruptibly(): false"),
                report);
    }

    private static ModelCheckingOptions options() {
        return LinearizabilityChecks.scenarioOptions(Scenarios.INTERRUPT_RACING_RELEASE, INVOCATIONS, new Observation())
                .loopBound(InterruptAndTimeChecks.LOOP_BOUND);
    }
}
