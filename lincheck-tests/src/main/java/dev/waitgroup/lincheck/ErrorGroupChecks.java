package dev.waitgroup.lincheck;

import dev.waitgroup.catalogue.Check;
import dev.waitgroup.catalogue.HarnessCheck;
import dev.waitgroup.harness.junit.CheckRecorder;
import dev.waitgroup.harness.junit.EachImplementation;
import dev.waitgroup.harness.junit.Observation;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ErrorGroup on each implementation: racing failures must agree on one "first" failure, the
 * cancellation it causes must be seen by every later operation, and {@code first()} must never
 * name a failure that a sequential group would not. Model checking over random scenarios.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.waitgroup.harness.junit.HarnessSubject#selected")
@ExtendWith(CheckRecorder.class)
class ErrorGroupChecks extends EachImplementation {

    @Test
    @HarnessCheck(Check.MC_ERROR_GROUP)
    void errorGroupFirstFailureIsLinearizable(Observation observed) {
        LincheckSettings settings = LincheckRun.settings();
        int iterations = Math.max(1, settings.iterations / 6);
        int invocations = settings.modelCheckingInvocations / 2;
        ModelCheckingOptions options = new ModelCheckingOptions()
                .iterations(iterations)
                .invocationsPerIteration(invocations)
                .threads(2)
                .actorsPerThread(2)
                .actorsBefore(0)
                .actorsAfter(1)
                .sequentialSpecification(ErrorGroupSpecification.class);
        observed.how("model checking, " + iterations + " random scenarios x " + invocations + " invocations");
        ErrorGroupUnderCheck.check(implementation);
        LincheckRun.Found found = LincheckRun.run(implementation, Check.MC_ERROR_GROUP, options, observed,
                ErrorGroupUnderCheck.class);
        if (found.failed()) {
            throw new AssertionError("Lincheck found an ErrorGroup history that no sequential group explains:\n"
                    + LincheckRun.firstLines(found.report(), 14));
        }
    }
}
