package dev.waitgroup.lincheck;

import dev.waitgroup.catalogue.Check;
import dev.waitgroup.catalogue.HarnessCheck;
import dev.waitgroup.harness.junit.CheckRecorder;
import dev.waitgroup.harness.junit.EachImplementation;
import dev.waitgroup.harness.junit.Observation;
import dev.waitgroup.record.Verdict;
import java.util.List;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Go's misuse checks, driven deterministically: the model checker explores every interleaving of a
 * misuse scenario, so if an implementation can notice the misuse (Go's panics), Lincheck finds the
 * interleaving where it does and prints it. Run on every implementation, it also shows what the
 * others do: most stay linearizable under this misuse (a waiter that waits for round two still
 * returns at a moment the counter is zero).
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.waitgroup.harness.junit.HarnessSubject#selected")
@ExtendWith(CheckRecorder.class)
class MisuseScenarioChecks extends EachImplementation {

    @Test
    @HarnessCheck(Check.MC_REUSE_BEFORE_WAIT_RETURNED)
    void reuseBeforeTheWaitReturned(Observation observed) {
        explore(Scenarios.REUSE_BEFORE_WAIT_RETURNED, observed);
    }

    @Test
    @HarnessCheck(Check.MC_ADD_CONCURRENT_WITH_WAIT)
    void addConcurrentWithWait(Observation observed) {
        explore(Scenarios.ADD_CONCURRENT_WITH_WAIT, observed);
    }

    /** The verdict: handled (every interleaving linearizable), detected (a failing one threw), reproduced. */
    private void explore(Scenarios.Named scenario, Observation observed) {
        int invocations = LincheckRun.settings().misuseInvocations;
        ModelCheckingOptions options = LinearizabilityChecks.scenarioOptions(scenario, invocations, observed);
        WaitGroupUnderCheck.check(implementation);
        LincheckRun.Found found = LincheckRun.run(implementation, scenario.check(), options, observed,
                WaitGroupUnderCheck.class);
        if (!found.failed()) {
            observed.verdict(Verdict.HANDLED, "every interleaving stayed linearizable: " + scenario.description());
            return;
        }
        List<String> thrown = WaitGroupUnderCheck.thrown();
        if (!thrown.isEmpty()) {
            observed.verdict(Verdict.DETECTED, "found the interleaving where the misuse is noticed: \""
                    + thrown.get(0) + "\"");
        } else {
            observed.verdict(Verdict.REPRODUCED, "found an interleaving where the misuse breaks the group (a hang or"
                    + " a result no sequential WaitGroup gives), without an exception: see the interleaving");
        }
    }
}
