package dev.waitgroup.explore;

import dev.waitgroup.model.Operation;
import dev.waitgroup.model.Rule;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * For each bug the exploration must catch, a scenario whose verdict does not depend on how fast the
 * machine runs it: the explorer's generator draws scenarios of these shapes, and these are the shortest.
 * On the specimens of the bug, the scenario breaks {@link #rule}; on a correct WaitGroup, nothing.
 *
 * <p>What makes each one decisive: the bug is shown by a wait that has parked before its release
 * ({@link Step.WhenDriversWait}), by a wait amid changes that outlasts the slack in force
 * ({@link Step.AwaitAmidChanges}), or by no timing at all (a pending interrupt, a timeout's arithmetic,
 * what a wait that gave up left behind).
 */
enum DecisiveScenario {
    /** Wake-ups that do not release, during a timed wait: a wait whose time starts over never ends. */
    WAIT_AMID_CHANGES(Rule.DEADLINE, thread(
            Step.Call.of(new Operation.Add(1)),
            new Step.AwaitAmidChanges(5)), "restarting-timeout"),
    /** A wait after one that timed out, parked when its round ends: a waiter node left cancelled is skipped. */
    WAIT_AFTER_A_TIMEOUT(Rule.RELEASE, thread(
            new Step.Rounds(1, Step.Round.AFTER_A_WAIT_GAVE_UP)), "reused-waiter-node"),
    /**
     * Then a round whose first wait is interrupted: what the timed-out wait left behind (a registration,
     * hence a stray permit) or what the interrupt left behind (an unpark) lets the second wait out while its
     * round is open.
     */
    WAITS_AFTER_A_TIMEOUT_AND_AN_INTERRUPT(Rule.AWAIT_ON_ZERO, thread(
            new Step.Rounds(2, Step.Round.AFTER_A_WAIT_GAVE_UP)), "stray-permit", "park-once"),
    /** A sub-millisecond timeout on an open round: cut to milliseconds, it is wait(0), "until notified". */
    SUB_MILLISECOND_TIMEOUT(Rule.DEADLINE, thread(
            Step.Call.of(new Operation.Add(1)),
            Step.Call.of(new Operation.TimedAwait(1, TimeUnit.MICROSECONDS))), "millis-timeout"),
    /** The longest timeout there is: now + timeout overflows, and the wait gives up at once. */
    HUGE_TIMEOUT(Rule.TIMEOUT_EARLY, thread(
            Step.Call.of(new Operation.Add(1)),
            Step.Call.of(new Operation.TimedAwait(Long.MAX_VALUE, TimeUnit.SECONDS))), "deadline-overflow"),
    /** A wait entered with the interrupt status set, on a zero counter. */
    PENDING_INTERRUPT(Rule.INTERRUPT_ON_ENTRY, thread(
            Step.Call.of(new Operation.SelfInterrupt()),
            Step.Call.of(new Operation.Await())), "lost-interrupt"),
    /**
     * A wait of seconds on an open round, interrupted once it is seen waiting (and 20 ms after it began at
     * the earliest; on a loaded machine a first call that loads and links classes was not waiting yet after
     * 385 ms, and an interrupt that lands before the wait shows nothing): it must throw then, not wait out
     * its timeout (no specimen; the harness tests' plug-ins {@code DeferredInterruptWaitGroup} and
     * {@code InterruptAtDeadlineWaitGroup} do that).
     */
    INTERRUPTED_LONG_WAIT(Rule.INTERRUPT_ANSWERED, thread(
            Step.Call.of(new Operation.Add(1)),
            Step.Call.interruptedOnceWaiting(new Operation.TimedAwait(3, TimeUnit.SECONDS), 20_000))),
    /** Two waiters parked on one round, released together once both wait: signal() wakes one of them. */
    TWO_PARKED_WAITERS(Rule.RELEASE, new Scenario(List.of(
            List.of(new Step.WhenDriversWait(new Operation.Add(-2))),
            List.of(Step.Call.of(new Operation.Add(1)), Step.Call.of(new Operation.Await())),
            List.of(Step.Call.of(new Operation.Add(1)), Step.Call.of(new Operation.Await())))), "signal-one");

    final Rule rule;
    final Scenario scenario;
    /** The registry's names of the specimens this scenario catches. */
    final List<String> specimens;

    DecisiveScenario(Rule rule, Scenario scenario, String... specimens) {
        this.rule = rule;
        this.scenario = scenario;
        this.specimens = List.of(specimens);
    }

    private static Scenario thread(Step... steps) {
        return new Scenario(List.of(List.of(steps)));
    }
}
