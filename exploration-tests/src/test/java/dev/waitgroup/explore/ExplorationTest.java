package dev.waitgroup.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.waitgroup.WaitGroup;
import dev.waitgroup.catalogue.ReuseBehaviour;
import dev.waitgroup.impl.AqsWaitGroup;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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

    /**
     * A failure that does not come back (it hung on timing, or on state the JVM kept) is shown as it
     * happened: the history that failed, as drawn, and not a shrunk one that passed when rerun.
     */
    @Test
    void aFailureThatDoesNotComeBackIsShownAsTheHistoryThatFailed() {
        FailsOnce.spent.set(false);
        ExplorationOutcome outcome = Exploration.explore(FailsOnce::new, ReuseBehaviour.UNKNOWN,
                Budget.DEFAULT.withRounds(1), 1L);

        assertFalse(outcome.passed(), outcome.text());
        ExplorationOutcome.Failure failure = outcome.failure();
        assertFalse(failure.recurred(), outcome.text());
        assertEquals(failure.original(), failure.shown(), outcome.text());
        assertTrue(failure.howShrunk().contains("failed again 0 of 1 times when rerun, so the failure depends on timing"),
                failure.howShrunk());
        assertTrue(failure.shrunkHistory().contains("verdict: violation of [" + failure.rule() + "]"),
                "the history shown is one that failed:\n" + failure.shrunkHistory());
    }

    /** Broken once per JVM: its first await() on a counter above zero returns at once; every other call is correct. */
    static final class FailsOnce implements WaitGroup {
        static final AtomicBoolean spent = new AtomicBoolean();
        private final AqsWaitGroup group = new AqsWaitGroup();

        @Override
        public void add(int delta) {
            group.add(delta);
        }

        @Override
        public void await() throws InterruptedException {
            if (group.count() > 0 && spent.compareAndSet(false, true)) {
                return;
            }
            group.await();
        }

        @Override
        public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
            return group.await(timeout, unit);
        }

        @Override
        public int count() {
            return group.count();
        }
    }
}
