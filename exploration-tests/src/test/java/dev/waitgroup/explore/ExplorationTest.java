package dev.waitgroup.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.waitgroup.catalogue.ReuseBehaviour;
import org.junit.jupiter.api.Test;

/** What an exploration does with a failure: shrink it and rerun it, unless rerunning would cost the machine. */
class ExplorationTest {

    /**
     * Each run of a scenario that leaves a call spinning leaves one more thread taking a core for the rest
     * of the JVM's life: the exploration reports the history it found, neither shrunk nor rerun.
     */
    @Test
    void aFailureThatLeftACallSpinningIsNeitherShrunkNorRerun() {
        HistoryExecutorTest.SpinsUntilLetGo.letGo = false;
        try {
            ExplorationOutcome outcome = Exploration.explore(HistoryExecutorTest.SpinsUntilLetGo::new,
                    ReuseBehaviour.UNKNOWN, Budget.DEFAULT.withHistories(0).withRounds(1), 1L);
            assertFalse(outcome.passed(), outcome.text());
            ExplorationOutcome.Failure failure = outcome.failure();
            assertEquals("release", failure.rule(), outcome.text());
            assertEquals(failure.original(), failure.shrunk(), outcome.text());
            assertEquals(0, failure.replays(), outcome.text());
            assertTrue(failure.howShrunk().startsWith("not shrunk nor rerun: a call it gave up on still spins"),
                    failure.howShrunk());
        } finally {
            HistoryExecutorTest.SpinsUntilLetGo.letGo = true;
        }
    }
}
