package dev.waitgroup.lincheck;

import dev.waitgroup.catalogue.Check;
import dev.waitgroup.catalogue.HarnessCheck;
import dev.waitgroup.harness.Implementation;
import dev.waitgroup.harness.junit.CheckRecorder;
import dev.waitgroup.harness.junit.EachImplementation;
import dev.waitgroup.harness.junit.Observation;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Options;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Linearizability of every implementation of the selection: each concurrent history of {@code add},
 * {@code done}, {@code count}, {@code await(0)} and {@code await} must be explained by some
 * sequential order of the same operations on {@link WaitGroupSpecification}.
 *
 * <p>Model checking explores interleavings systematically (assuming sequential consistency) and, on
 * failure, prints the exact interleaving; Lincheck's stress strategy runs the random scenarios on real
 * threads. Random scenarios cover the counter; hand-built ones cover {@code await()}, under model
 * checking only: an implementation that hangs under the stress strategy leaves threads Lincheck cannot
 * stop on JDK 20+ (there is no {@code Thread.stop}). The code is checked as it ships:
 * {@code CasSpinWaitGroup}'s spin included.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.waitgroup.harness.junit.HarnessSubject#selected")
@ExtendWith(CheckRecorder.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LinearizabilityChecks extends EachImplementation {
    /**
     * Measured: an outside user's group that wakes one waiter with {@code notify()} where
     * {@code notifyAll()} is needed passed mc-two-waiters at 300 invocations; the contract suite and the
     * exploration on real threads caught it.
     */
    static final String MONITOR_WAKE_UPS = "Lincheck 3.7's model checker did not show a waiter that Object.notify()"
            + " left waiting (a group that wakes one waiter with notify() where notifyAll() is needed passed), so a"
            + " pass does not rule out a lost wake-up on a monitor: the contract suite and the exploration on real"
            + " threads judge that";

    private final LincheckSettings settings = LincheckRun.settings();

    @Test
    @Order(1)
    @HarnessCheck(Check.MC_RANDOM)
    void randomScenariosUnderModelChecking(Observation observed) {
        ModelCheckingOptions options = new ModelCheckingOptions()
                .iterations(settings.iterations)
                .invocationsPerIteration(settings.modelCheckingInvocations)
                .threads(2)
                .actorsPerThread(3)
                .actorsBefore(2)
                .actorsAfter(1)
                .sequentialSpecification(WaitGroupSpecification.class);
        observed.how("model checking, " + settings.iterations + " random scenarios x "
                + settings.modelCheckingInvocations + " invocations. " + MONITOR_WAKE_UPS);
        linearizable(implementation, Check.MC_RANDOM, options, observed);
    }

    @Test
    @Order(2)
    @HarnessCheck(Check.STRESS_RANDOM)
    void randomScenariosUnderLincheckStress(Observation observed) {
        int iterations = settings.iterations;
        StressOptions options = new StressOptions()
                .iterations(iterations)
                .invocationsPerIteration(settings.stressStrategyInvocations)
                .threads(3)
                .actorsPerThread(3)
                .actorsBefore(2)
                .actorsAfter(1)
                .sequentialSpecification(WaitGroupSpecification.class);
        observed.how("stress, " + iterations + " random scenarios x " + settings.stressStrategyInvocations
                + " invocations");
        linearizable(implementation, Check.STRESS_RANDOM, options, observed);
    }

    @Test
    @Order(3)
    @HarnessCheck(Check.MC_RACING_DONES)
    void twoRacingDonesOnACounterOfOne(Observation observed) {
        modelCheck(Scenarios.RACING_DONES, observed);
    }

    @Test
    @Order(3)
    @HarnessCheck(Check.MC_TWO_WORKERS_ONE_WAITER)
    void twoWorkersAndAWaiter(Observation observed) {
        modelCheck(Scenarios.TWO_WORKERS_ONE_WAITER, observed);
    }

    @Test
    @Order(4)
    @HarnessCheck(Check.MC_TWO_WAITERS)
    void twoWaitersAreBothReleased(Observation observed) {
        modelCheck(Scenarios.TWO_WAITERS, observed);
    }

    @Test
    @Order(5)
    @HarnessCheck(Check.MC_RELEASE_BY_ADD_MINUS_TWO)
    void aReleaseByAddMinusTwo(Observation observed) {
        modelCheck(Scenarios.RELEASE_BY_ADD_MINUS_TWO, observed);
    }

    @Test
    @Order(6)
    @HarnessCheck(Check.MC_SECOND_ROUND)
    void aSecondRoundAfterTheFirstAwaitReturned(Observation observed) {
        modelCheck(Scenarios.SECOND_ROUND, observed);
    }

    @Test
    @Order(7)
    @HarnessCheck(Check.MC_RACING_ROUNDS)
    void roundsOpeningAndClosingUnderEachOther(Observation observed) {
        modelCheck(Scenarios.RACING_ROUNDS, observed);
    }

    @Test
    @Order(8)
    @HarnessCheck(Check.MC_LATE_RELEASE)
    void aLateReleaseOfTheFirstRoundMeetsTheSecond(Observation observed) {
        modelCheck(Scenarios.LATE_RELEASE, observed);
    }

    @Test
    @Order(9)
    @HarnessCheck(Check.MC_GO_HAND_OFF)
    void workStartedWithGo(Observation observed) {
        modelCheck(Scenarios.GO_HAND_OFF, observed);
    }

    @Test
    @Order(10)
    @HarnessCheck(Check.MC_ADD_ZERO_DURING_RELEASE)
    void addZeroDuringARelease(Observation observed) {
        modelCheck(Scenarios.ADD_ZERO_DURING_RELEASE, observed);
    }

    private void modelCheck(Scenarios.Named scenario, Observation observed) {
        int invocations = settings.scenarioInvocations;
        linearizable(implementation, scenario.check(), scenarioOptions(scenario, invocations, observed), observed);
    }

    /** Runs {@code options} on {@link WaitGroupUnderCheck}; a failure is the check's, with the interleaving as evidence. */
    static void linearizable(Implementation implementation, Check check, Options<?, ?> options, Observation observed) {
        WaitGroupUnderCheck.check(implementation);
        LincheckRun.Found found = LincheckRun.run(implementation, check, options, observed, WaitGroupUnderCheck.class);
        if (found.failed()) {
            String legend = WaitGroupUnderCheck.legend(found.report());
            throw new AssertionError("Lincheck found an execution that no sequential WaitGroup explains:\n"
                    + LincheckRun.firstLines(found.report(), 14) + (legend.isEmpty() ? "" : "\n" + legend));
        }
    }

    /** Model checking of one hand-built scenario only (no random ones), described in the results. */
    static ModelCheckingOptions scenarioOptions(Scenarios.Named scenario, int invocations, Observation observed) {
        observed.how("model checking of one hand-built scenario, " + invocations + " invocations. " + MONITOR_WAKE_UPS);
        observed.detail("scenario", scenario.description());
        return new ModelCheckingOptions()
                .iterations(0)
                .invocationsPerIteration(invocations)
                .addCustomScenario(scenario.build())
                .sequentialSpecification(WaitGroupSpecification.class);
    }
}
