package dev.waitgroup.lincheck;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.waitgroup.Implementation;
import dev.waitgroup.harness.Check;
import dev.waitgroup.harness.CheckRecorder;
import dev.waitgroup.harness.EachImplementation;
import dev.waitgroup.harness.Observation;
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
@MethodSource("dev.waitgroup.harness.HarnessSubject#selected")
@ExtendWith(CheckRecorder.class)
class ErrorGroupLincheckTest extends EachImplementation {

    @Test
    @Check("mc-error-group")
    void errorGroupFirstFailureIsLinearizable(Observation observed) {
        assumeTrue(implementation.kind() != Implementation.Kind.SPECIMEN,
                CheckRecorder.NOT_APPLICABLE + " a specimen breaks the group underneath; its own checks catch it");
        ErrorGroupUnderTest.check(implementation);
        int iterations = Math.max(1, LincheckRun.iterations() / 6);
        ModelCheckingOptions options = new ModelCheckingOptions()
                .iterations(iterations)
                .invocationsPerIteration(LincheckRun.modelCheckingInvocations() / 2)
                .threads(2)
                .actorsPerThread(2)
                .actorsBefore(0)
                .actorsAfter(1)
                .sequentialSpecification(ErrorGroupSpecification.class);
        LinearizabilityTest.describe(observed, "model-checking", "error group, random", iterations,
                LincheckRun.modelCheckingInvocations() / 2);
        LincheckRun.check(implementation, "mc-error-group", options, observed, ErrorGroupUnderTest.class);
    }
}
