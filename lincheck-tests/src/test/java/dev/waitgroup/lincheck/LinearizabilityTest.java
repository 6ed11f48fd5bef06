package dev.waitgroup.lincheck;

import dev.waitgroup.harness.Check;
import dev.waitgroup.harness.CheckRecorder;
import dev.waitgroup.harness.EachImplementation;
import dev.waitgroup.harness.Observation;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Linearizability of every implementation of the {@code wg.impl} selection: each concurrent history
 * of {@code add}, {@code done}, {@code count} and {@code await} must be explained by some sequential
 * order of the same operations on {@link WaitGroupSpecification}.
 *
 * <p>Model checking explores interleavings systematically (assuming sequential consistency) and,
 * on failure, prints the exact interleaving; stress runs the random scenarios on real threads.
 * Random scenarios cover the counter; hand-built ones cover {@code await()}, under model checking
 * only: an implementation that hangs in a stress run leaves threads Lincheck cannot stop on JDK 20+
 * (there is no {@code Thread.stop}), and they would slow every later check. jcstress runs the
 * blocking operations on real threads instead, each run under its own watchdog. Scenario
 * generation and exploration are seeded, so a run is repeatable.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.waitgroup.harness.HarnessSubject#selected")
@ExtendWith(CheckRecorder.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LinearizabilityTest extends EachImplementation {

    @Test
    @Order(1)
    @Check("mc-random")
    void randomScenariosUnderModelChecking(Observation observed) {
        ModelCheckingOptions options = new ModelCheckingOptions()
                .iterations(LincheckRun.iterations())
                .invocationsPerIteration(LincheckRun.modelCheckingInvocations())
                .threads(2)
                .actorsPerThread(3)
                .actorsBefore(2)
                .actorsAfter(1)
                .sequentialSpecification(WaitGroupSpecification.class);
        describe(observed, "model-checking", "random", LincheckRun.iterations(), LincheckRun.modelCheckingInvocations());
        LincheckRun.check(implementation, "mc-random", options, observed);
    }

    @Test
    @Order(2)
    @Check("stress-random")
    void randomScenariosUnderStress(Observation observed) {
        int iterations = Math.max(1, LincheckRun.iterations() / 2);
        StressOptions options = new StressOptions()
                .iterations(iterations)
                .invocationsPerIteration(LincheckRun.stressInvocations())
                .threads(3)
                .actorsPerThread(3)
                .actorsBefore(2)
                .actorsAfter(1)
                .sequentialSpecification(WaitGroupSpecification.class);
        describe(observed, "stress", "random", iterations, LincheckRun.stressInvocations());
        LincheckRun.check(implementation, "stress-random", options, observed);
    }

    @Test
    @Order(3)
    @Check("mc-two-workers-one-waiter")
    void twoWorkersAndAWaiter(Observation observed) {
        modelCheck(Scenarios.TWO_WORKERS_ONE_WAITER, observed);
    }

    @Test
    @Order(4)
    @Check("mc-two-waiters")
    void twoWaitersAreBothReleased(Observation observed) {
        modelCheck(Scenarios.TWO_WAITERS, observed);
    }

    @Test
    @Order(5)
    @Check("mc-release-by-add-minus-two")
    void aReleaseByAddMinusTwo(Observation observed) {
        modelCheck(Scenarios.RELEASE_BY_ADD_MINUS_TWO, observed);
    }

    @Test
    @Order(6)
    @Check("mc-second-round")
    void aSecondRoundAfterTheFirstAwaitReturned(Observation observed) {
        modelCheck(Scenarios.SECOND_ROUND, observed);
    }

    @Test
    @Order(7)
    @Check("mc-racing-rounds")
    void roundsOpeningAndClosingUnderEachOther(Observation observed) {
        modelCheck(Scenarios.RACING_ROUNDS, observed);
    }

    @Test
    @Order(8)
    @Check("mc-late-release")
    void aLateReleaseOfTheFirstRoundMeetsTheSecond(Observation observed) {
        modelCheck(Scenarios.LATE_RELEASE, observed);
    }

    @Test
    @Order(9)
    @Check("mc-go-hand-off")
    void workStartedWithGo(Observation observed) {
        modelCheck(Scenarios.GO_HAND_OFF, observed);
    }

    private void modelCheck(Scenarios.Named scenario, Observation observed) {
        ModelCheckingOptions options = scenarioOptions(scenario, LincheckRun.scenarioInvocations(), observed);
        LincheckRun.check(implementation, "mc-" + scenario.id(), options, observed);
    }

    /** Model checking of one hand-built scenario only (no random ones), described in the results. */
    static ModelCheckingOptions scenarioOptions(Scenarios.Named scenario, int invocations, Observation observed) {
        describe(observed, "model-checking", scenario.id(), 1, invocations);
        observed.detail("scenario", scenario.description());
        return new ModelCheckingOptions()
                .iterations(0)
                .invocationsPerIteration(invocations)
                .addCustomScenario(scenario.scenario())
                .sequentialSpecification(WaitGroupSpecification.class);
    }

    static void describe(Observation observed, String strategy, String family, int iterations,
                                 int invocations) {
        observed.detail("strategy", strategy);
        observed.detail("scenarios", family);
        observed.detail("iterations", iterations);
        observed.detail("invocationsPerIteration", invocations);
    }
}
