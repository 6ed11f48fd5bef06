package dev.waitgroup.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.waitgroup.catalogue.Check;
import dev.waitgroup.model.Rule;
import dev.waitgroup.model.Verdict;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Broken WaitGroups the exploration catches from the contract alone, with no check written for their
 * bug: each specimen the gate requires it to catch, broken by its {@link DecisiveScenario} whatever the
 * machine's speed; explorations, as the suite runs them, that find a bug and shrink it, one of them in
 * a plugged-in group whose bug no check names.
 */
class SpecimensCaughtTest {

    static Stream<Arguments> specimens() {
        return Stream.of(DecisiveScenario.values())
                .flatMap(decisive -> decisive.specimens.stream().map(name -> Arguments.of(name, decisive)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("specimens")
    void eachSpecimenBreaksTheRuleItsScenarioIsAbout(String specimen, DecisiveScenario decisive) {
        Subjects.Subject subject = Subjects.registered(specimen);
        Exploration.Judged judged = Exploration.judge(subject.factory(), subject.reuse(), Budget.DEFAULT,
                decisive.scenario);
        Verdict.Violation violation = assertInstanceOf(Verdict.Violation.class, judged.verdict(), judged.text());
        assertEquals(decisive.rule, violation.rule(), judged.text());
    }

    /**
     * The changes go on to the wait's deadline plus the slack plus a margin, so a wait whose time starts
     * over after each wake-up overruns by more than the slack in force, whatever it is.
     */
    @Test
    void aTimeoutThatStartsOverIsStillWaitingWhenTheChangesMustStop() {
        Subjects.Subject subject = Subjects.registered("restarting-timeout");
        Exploration.Judged judged = Exploration.judge(subject.factory(), subject.reuse(), Budget.DEFAULT,
                DecisiveScenario.WAIT_AMID_CHANGES.scenario);
        Verdict.Violation violation = assertInstanceOf(Verdict.Violation.class, judged.verdict(), judged.text());
        assertTrue(violation.sentence().contains("later than its timeout of"), violation.sentence());
        String sentence = violation.sentence();
        assertTrue(sentence.contains("plus the slack of " + judged.history().slack()), sentence);
    }

    /**
     * A plugged-in group whose timed wait waits out its timeout after an interrupt, a bug no check is
     * written for: the suite's sequential check, from the default run's seed, draws a wait of seconds
     * that only an interrupt can end, and the model finds the interrupt unanswered.
     */
    @Test
    void aWaitThatOutlastsItsInterruptIsFoundByTheSuitesSequentialCheck() {
        ExplorationOutcome outcome = Subjects.plugIn("DeferredInterruptWaitGroup")
                .explore(Budget.DEFAULT.withRounds(0).withConcurrentPercent(0),
                        ExplorationChecks.seedOf(Check.EXPLORE_SEQUENTIAL, 1L));
        assertFalse(outcome.passed(), outcome.text());
        assertEquals("interrupt-answered", outcome.failure().rule(), outcome.text());
        assertTrue(outcome.failure().sentence().contains("not by waiting out its timeout"), outcome.text());
    }

    /**
     * A plugged-in group that throws the InterruptedException of a timed wait only at its deadline: in the
     * scenario of a long wait interrupted while it waits, the model finds the interrupt unanswered, by a
     * throw seconds late. (The suite's sequential check draws that scenario from the default run's seed too.)
     */
    @Test
    void aWaitThatThrowsOnlyAtItsDeadlineLeftTheInterruptUnanswered() {
        Subjects.Subject subject = Subjects.plugIn("InterruptAtDeadlineWaitGroup");
        Exploration.Judged judged = Exploration.judge(subject.factory(), subject.reuse(), Budget.DEFAULT,
                DecisiveScenario.INTERRUPTED_LONG_WAIT.scenario);
        Verdict.Violation violation = assertInstanceOf(Verdict.Violation.class, judged.verdict(), judged.text());
        assertEquals(Rule.INTERRUPT_ANSWERED, violation.rule(), judged.text());
        assertTrue(violation.sentence().contains("threw InterruptedException at"), judged.text());
    }

    /**
     * A plugged-in group whose release is a chain of single wake-ups that a timed waiter breaks when it is
     * woken as its time runs out: the rounds check aims each round's release at a timed waiter's deadline,
     * with a second waiter in the round, and that waiter is never woken. (Measured: caught in the second of
     * the 40 rounds in 8 runs of 8, and in the fifth once; the offsets of the first rounds straddle the
     * deadline.)
     */
    @Test
    void aTimedWaiterWokenAsItsTimeRunsOutMustNotKeepTheWakeUpOfTheOthers() {
        ExplorationOutcome outcome = Subjects.plugIn("SignalChainWaitGroup")
                .explore(Budget.DEFAULT.withHistories(0), ExplorationChecks.seedOf(Check.EXPLORE_ROUNDS, 1L));
        assertFalse(outcome.passed(), outcome.text());
        assertEquals("release", outcome.failure().rule(), outcome.text());
        assertTrue(outcome.failure().sentence().startsWith("H1: await() did not return"), outcome.text());
    }

    /**
     * The suite's concurrent check on the specimen whose deadline overflows: the third history has a thread
     * count itself in and wait with the longest timeout there is; shrunk, that is two calls.
     */
    @Test
    void anExplorationFindsABugFromItsSeedAndShrinksItToItsShortestHistory() {
        ExplorationOutcome outcome = Subjects.registered("deadline-overflow")
                .explore(Budget.DEFAULT.withRounds(0).withConcurrentPercent(100).withHistories(10),
                        ExplorationChecks.seedOf(Check.EXPLORE_CONCURRENT, 1L));
        assertFalse(outcome.passed(), outcome.text());
        assertEquals("timeout-early", outcome.failure().rule(), outcome.text());
        assertEquals(DecisiveScenario.HUGE_TIMEOUT.scenario, outcome.failure().shrunk(), outcome.text());
    }
}
