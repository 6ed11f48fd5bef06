package dev.waitgroup.lincheck;

import dev.waitgroup.catalogue.Check;
import dev.waitgroup.catalogue.HarnessCheck;
import dev.waitgroup.harness.junit.CheckRecorder;
import dev.waitgroup.harness.junit.EachImplementation;
import dev.waitgroup.harness.junit.Observation;
import dev.waitgroup.lincheck.TimedMonitorWait.Wait;
import dev.waitgroup.record.Verdict;
import java.util.Optional;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Interrupts and time, as far as Lincheck 3.7's model checker can show them (docs/lincheck.md).
 *
 * <p>Interrupts it can: an operation on one scenario thread interrupts another, and Lincheck frees an
 * interrupted thread that is parked or in {@code Object.wait}. {@link WaitGroupUnderCheck} sends them
 * (and clears what an abandoned execution left); {@link WaitGroupSpecification} says which results an
 * interrupt may have.
 *
 * <p>Time it cannot: under model checking {@code System.nanoTime()} is a constant, {@code parkNanos}
 * an untimed park, and a timed {@code Object.wait} returns at once without releasing its monitor, so
 * no timed wait can time out. What is checked here needs no time to pass: {@code await(0)}, which
 * gives up at once, and a timeout that can never expire. A WaitGroup that waits in
 * {@code Object.wait(timeout)} would look hung wherever that wait has to wait, so before each check
 * whose waiter waits {@link TimedMonitorWait} looks at where it waits, on real threads, and the check
 * is not run on such a WaitGroup (verdict "not run", naming the check that looks at the same on real
 * threads). Timeouts that must expire are the contract suite's and the exploration's.
 *
 * <p>Every check runs with a loop bound of {@value #LOOP_BOUND}: {@code CasSpinWaitGroup} spins up to
 * 256 times before it parks, and where the spinning waiter is the only thread left (an interrupted
 * one), Lincheck's default bound of 50 takes the spin for a livelock.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.waitgroup.harness.junit.HarnessSubject#selected")
@ExtendWith(CheckRecorder.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InterruptAndTimeChecks extends EachImplementation {
    /** Iterations of one loop without progress before Lincheck calls it a livelock (its default: 50). */
    static final int LOOP_BOUND = 300;

    /** How the interrupt checks look, beyond the scenario and its budget. */
    static final String INTERRUPTS = "the interrupt is sent from another scenario thread; Lincheck 3.7 frees a"
            + " parked or waiting thread it interrupts";

    /** What Lincheck cannot do with time: said in the verdict of every time check. */
    static final String FROZEN_TIME = "Lincheck's model checker freezes time (System.nanoTime() is a constant,"
            + " parkNanos an untimed park, a timed Object.wait returns at once without releasing its monitor), so"
            + " no timed wait can time out here: only waits that need no time to pass are checked, await(0) and a"
            + " timeout that cannot expire; timeouts that must expire are checked on real threads by the contract"
            + " suite and the exploration";

    @Test
    @Order(1)
    @HarnessCheck(Check.MC_INTERRUPTED_WHILE_WAITING)
    void anInterruptedWaiterThrows(Observation observed) throws InterruptedException {
        modelCheck(Scenarios.INTERRUPTED_WHILE_WAITING, INTERRUPTS, Wait.UNTIMED, Check.INTERRUPTED_AWAIT, observed);
    }

    @Test
    @Order(2)
    @HarnessCheck(Check.MC_INTERRUPT_RACING_RELEASE)
    void anInterruptRacingTheReleaseIsNeverLost(Observation observed) throws InterruptedException {
        modelCheck(Scenarios.INTERRUPT_RACING_RELEASE, INTERRUPTS, Wait.UNTIMED, Check.EXPLORE_CONCURRENT, observed);
    }

    @Test
    @Order(3)
    @HarnessCheck(Check.MC_INTERRUPT_PENDING_ON_ENTRY)
    void anInterruptPendingOnEntryThrows(Observation observed) throws InterruptedException {
        modelCheck(Scenarios.INTERRUPT_PENDING_ON_ENTRY, INTERRUPTS, Wait.UNTIMED, Check.INTERRUPT_PENDING_ON_ENTRY,
                observed);
    }

    @Test
    @Order(4)
    @HarnessCheck(Check.MC_INTERRUPTED_WAITER_THEN_NEXT_ROUND)
    void anInterruptedWaiterLeavesNoWakeUp(Observation observed) throws InterruptedException {
        modelCheck(Scenarios.INTERRUPTED_WAITER_THEN_NEXT_ROUND, INTERRUPTS, Wait.UNTIMED,
                Check.GAVE_UP_WAITER_LEAVES_NOTHING, observed);
    }

    @Test
    @Order(5)
    @HarnessCheck(Check.MC_HUGE_TIMEOUT)
    void aTimeoutThatCannotExpire(Observation observed) throws InterruptedException {
        modelCheck(Scenarios.HUGE_TIMEOUT, FROZEN_TIME, Wait.HUGE_TIMEOUT, Check.TIMED_AWAIT_HUGE_TIMEOUTS, observed);
    }

    @Test
    @Order(6)
    @HarnessCheck(Check.MC_POLL_THEN_WAIT)
    void aWaitAfterAPollThatGaveUpIsReleased(Observation observed) throws InterruptedException {
        modelCheck(Scenarios.POLL_THEN_WAIT, FROZEN_TIME, Wait.UNTIMED, Check.EXPLORE_ROUNDS, observed);
    }

    @Test
    @Order(7)
    @HarnessCheck(Check.MC_POLL_THEN_NEXT_ROUND)
    void aPollThatGaveUpLeavesNoWakeUp(Observation observed) throws InterruptedException {
        modelCheck(Scenarios.POLL_THEN_NEXT_ROUND, FROZEN_TIME, null, null, observed);
    }

    /**
     * Model checks {@code scenario}, unless its waiter's {@code wait} (null: it never waits) waits in a
     * timed {@code Object.wait}, which Lincheck cannot run: then the verdict is "not run", naming the
     * check that looks at the same on real threads.
     */
    private void modelCheck(Scenarios.Named scenario, String how, Wait wait, Check onRealThreads, Observation observed)
            throws InterruptedException {
        int invocations = LincheckRun.settings().scenarioInvocations;
        Optional<String> monitor = wait == null ? Optional.empty() : TimedMonitorWait.of(implementation::create, wait);
        if (monitor.isPresent()) {
            observed.how("not model checked; " + FROZEN_TIME);
            observed.detail("scenario", scenario.description());
            observed.detail("timed-monitor-wait", monitor.get());
            observed.verdict(Verdict.NOT_RUN, "not run: " + implementation.name() + "'s " + wait.call() + " waits in"
                    + " Object.wait(timeout) (at " + monitor.get() + "), which Lincheck's model checker returns from at"
                    + " once without releasing the monitor: the release could never run, and a correct class would"
                    + " look hung; " + onRealThreads.id() + " looks at this on real threads");
            return;
        }
        ModelCheckingOptions options = LinearizabilityChecks.scenarioOptions(scenario, invocations, observed)
                .loopBound(LOOP_BOUND);
        observed.how("model checking of one hand-built scenario, " + invocations + " invocations, loop bound "
                + LOOP_BOUND + "; " + how);
        LinearizabilityChecks.linearizable(implementation, scenario.check(), options, observed);
    }
}
