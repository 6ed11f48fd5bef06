package dev.waitgroup.lincheck;

import dev.waitgroup.harness.Check;
import dev.waitgroup.harness.CheckRecorder;
import dev.waitgroup.harness.EachImplementation;
import dev.waitgroup.harness.Observation;
import dev.waitgroup.record.Category;
import dev.waitgroup.record.Verdict;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * returns at a moment the counter is zero), which is why only jcstress and the contract suite can
 * tell "generation-safe" from "silently waits".
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.waitgroup.harness.HarnessSubject#selected")
@ExtendWith(CheckRecorder.class)
class MisuseScenariosTest extends EachImplementation {
    /** The exception section of a Lincheck report: "#1: java.lang.IllegalStateException: message". */
    private static final Pattern THROWN = Pattern.compile("#\\d+: java\\.lang\\.IllegalStateException: (.*)");

    @Test
    @Check(value = "mc-reuse-before-wait-returned", category = Category.MISUSE)
    void reuseBeforeTheWaitReturned(Observation observed) {
        explore(Scenarios.REUSE_BEFORE_WAIT_RETURNED, observed);
    }

    @Test
    @Check(value = "mc-add-concurrent-with-wait", category = Category.MISUSE)
    void addConcurrentWithWait(Observation observed) {
        explore(Scenarios.ADD_DURING_RELEASE, observed);
    }

    private void explore(Scenarios.Named scenario, Observation observed) {
        ModelCheckingOptions options = LinearizabilityTest.scenarioOptions(scenario,
                LincheckRun.misuseInvocations(), observed);
        try {
            LincheckRun.check(implementation, "mc-" + scenario.id(), options, observed);
            observed.verdict(Verdict.HANDLED, "every interleaving stayed linearizable: " + scenario.description());
        } catch (AssertionError found) {
            String report = String.valueOf(found.getMessage());
            Matcher thrown = THROWN.matcher(String.valueOf(observed.evidenceText()));
            if (thrown.find()) {
                observed.verdict(Verdict.DETECTED, "found the interleaving where the misuse is noticed: \""
                        + thrown.group(1).trim() + "\"");
            } else if (report.contains("IllegalStateException")) {
                observed.verdict(Verdict.DETECTED, "found the interleaving where the misuse is noticed and thrown");
            } else {
                observed.verdict(Verdict.REPRODUCED, "an interleaving where the misuse breaks the group"
                        + " (a hang or a result no sequential WaitGroup gives); see the interleaving");
            }
        }
    }
}
