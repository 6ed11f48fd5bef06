package dev.waitgroup.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A correct implementation passes an exploration, every time: no false verdict. (The default budget
 * takes a few seconds each; this test runs a third of its histories, with the fixed default seed.)
 * The harness tests' plug-in {@code BatchReleaseWaitGroup} is not here: it is broken, as its class
 * comment says. {@code NodeStackWaitGroup} is, since the exploration showed its huge negative timeouts
 * waiting forever and it was mended.
 */
class CorrectImplementationsTest {
    private static final Budget BUDGET = Budget.DEFAULT.withHistories(50).withRounds(1_000);

    static Stream<Subjects.Subject> correct() {
        return Stream.of(Subjects.registered("aqs"), Subjects.registered("phaser"), Subjects.registered("lock"),
                Subjects.registered("cas"), Subjects.registered("go"), Subjects.plugIn("MonitorWaitGroup"),
                Subjects.plugIn("LatchPerRoundWaitGroup"), Subjects.plugIn("LambdaLockWaitGroup"),
                Subjects.plugIn("NodeStackWaitGroup"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("correct")
    void passes(Subjects.Subject subject) {
        ExplorationOutcome outcome = subject.explore(BUDGET, 1L);
        assertTrue(outcome.passed(), outcome.text());
        assertEquals(51, outcome.histories(), outcome.text());
        assertTrue(outcome.rounds() >= 1_100, outcome.text());
    }
}
