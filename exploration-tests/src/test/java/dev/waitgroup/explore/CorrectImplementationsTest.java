package dev.waitgroup.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.waitgroup.model.Event;
import dev.waitgroup.model.Operation;
import dev.waitgroup.model.Outcome;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A correct WaitGroup is never called wrong: every scenario that breaks a specimen
 * ({@link DecisiveScenario}) is explained by the contract on every correct implementation and plug-in.
 * The harness tests' plug-in {@code BatchReleaseWaitGroup} is not here: it is broken, as its class comment
 * says. (That whole explorations pass, in the suite's budgets, loaded machine or not, is the suite's own
 * business; this shows the scenarios that decide its catches.)
 */
class CorrectImplementationsTest {

    static Stream<Subjects.Subject> correct() {
        return Stream.of(Subjects.registered("aqs"), Subjects.registered("phaser"), Subjects.registered("lock"),
                Subjects.registered("cas"), Subjects.registered("go"), Subjects.plugIn("MonitorWaitGroup"),
                Subjects.plugIn("LatchPerRoundWaitGroup"), Subjects.plugIn("LambdaLockWaitGroup"),
                Subjects.plugIn("NodeStackWaitGroup"), Subjects.plugIn("ReporterThreadWaitGroup"),
                Subjects.plugIn("TimerTokenWaitGroup"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("correct")
    void explainsEveryScenarioThatBreaksASpecimen(Subjects.Subject subject) {
        for (DecisiveScenario decisive : DecisiveScenario.values()) {
            Exploration.Judged judged = Exploration.judge(subject.factory(), subject.reuse(), Budget.DEFAULT,
                    decisive.scenario);
            assertFalse(judged.verdict().isViolation(), decisive + " on " + subject + ":\n" + judged.text());
        }
    }

    /**
     * A correct timed wait amid changes returns false at its deadline, and the changes stop with it: at
     * most the add(1), done() pair under way when it returned comes after.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("correct")
    void aWaitAmidChangesTimesOutAtItsDeadlineAndTheChangesStopWithIt(Subjects.Subject subject) {
        Exploration.Judged judged = Exploration.judge(subject.factory(), subject.reuse(), Budget.DEFAULT,
                DecisiveScenario.WAIT_AMID_CHANGES.scenario);
        Event await = judged.history().events().stream().filter(e -> e.operation() instanceof Operation.TimedAwait)
                .findFirst().orElseThrow();
        assertEquals(Outcome.FALSE, await.outcome(), judged.text());
        assertTrue(await.responded() - await.invoked() >= ((Operation.TimedAwait) await.operation()).nanos(),
                judged.text());
        long changesAfter = judged.history().events().stream()
                .filter(e -> !e.thread().equals(await.thread()) && e.invoked() > await.responded()).count();
        assertTrue(changesAfter <= 2, changesAfter + " changes after the wait returned:\n" + judged.text());
    }

    /**
     * Releases aimed at a timed waiter's deadline, from 200 µs before it to 200 µs after, with a second
     * waiter in each round: whichever way each timed wait goes, the contract explains every round, and the
     * second waiter always returns.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("correct")
    void aReleaseAndATimeoutThatMeetCostNoWaiterItsWakeUp(Subjects.Subject subject) {
        Exploration.Judged judged = Exploration.judge(subject.factory(), subject.reuse(), Budget.DEFAULT,
                new Scenario(List.of(List.of(new Step.Rounds(40, Step.Round.RELEASED_AS_IT_GIVES_UP)))));
        assertFalse(judged.verdict().isViolation(), judged.text());
        assertTrue(judged.history().events().stream().allMatch(Event::returned), judged.text());
    }
}
