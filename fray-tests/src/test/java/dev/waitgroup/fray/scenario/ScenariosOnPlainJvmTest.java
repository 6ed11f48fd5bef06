package dev.waitgroup.fray.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.waitgroup.catalogue.ReuseBehaviour;
import dev.waitgroup.impl.AqsWaitGroup;
import dev.waitgroup.impl.CasSpinWaitGroup;
import dev.waitgroup.impl.GoWaitGroup;
import dev.waitgroup.impl.LockConditionWaitGroup;
import dev.waitgroup.impl.PhaserWaitGroup;
import dev.waitgroup.model.HistoryChecker;
import dev.waitgroup.model.Rule;
import dev.waitgroup.model.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The races are ordinary programs: on a plain JVM, where the operating system schedules, the model
 * explains every history they record on a correct implementation (Fray only chooses the schedules).
 * A check of the scenarios and of how they record, not a search for bugs.
 */
class ScenariosOnPlainJvmTest {
    private static final int RUNS = 5;

    static Stream<Arguments> everyRaceOnEveryImplementation() {
        List<Subject> subjects = List.of(
                new Subject(AqsWaitGroup.class, ReuseBehaviour.WAITS_FOR_NEW_ROUND),
                new Subject(PhaserWaitGroup.class, ReuseBehaviour.FINISHES_OLD_ROUND),
                new Subject(LockConditionWaitGroup.class, ReuseBehaviour.FINISHES_OLD_ROUND),
                new Subject(CasSpinWaitGroup.class, ReuseBehaviour.FINISHES_OLD_ROUND),
                new Subject(GoWaitGroup.class, ReuseBehaviour.DETECTS_AND_THROWS));
        return Scenarios.all().stream().flatMap(scenario -> subjects.stream()
                .map(subject -> Arguments.of(scenario.name(), subject)));
    }

    static Verdict judged(Scenario scenario, Subject subject) throws Exception {
        Recorder recorder = new Recorder();
        scenario.run(subject, recorder);
        return HistoryChecker.check(recorder.history(), subject.reuse());
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("everyRaceOnEveryImplementation")
    void theModelExplainsEveryHistoryOfACorrectImplementation(String race, Subject subject) {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int i = 0; i < RUNS; i++) {
                assertEquals(Verdict.EXPLAINED, judged(Scenarios.named(race), subject));
            }
        });
    }

    @Test
    void aGroupThatRefusesTooEarlyBreaksTheCountersRangeWhateverTheOrder() throws Exception {
        // Both add(1) are refused, though the counter never reaches MAX_VALUE: from MAX_VALUE - 1 one of them
        // must succeed in every order of the three calls, so the history is wrong however the OS scheduled them.
        // (A group that never refuses is no such example: its add, done, add order is legal, and whether the
        // threads ran in that order is up to the scheduler; telling the orders apart is Fray's job.)
        Subject broken = new Subject(RefusesTooEarly.class, ReuseBehaviour.UNKNOWN);
        Verdict verdict = judged(new AddsAndDonesNearMax(), broken);
        assertEquals(Rule.COUNTER_RANGE, assertInstanceOf(Verdict.Violation.class, verdict).rule(), verdict.toString());
    }

    /** A WaitGroup whose limit is too low: it refuses every add once the counter is above MAX_VALUE / 2. */
    public static final class RefusesTooEarly implements dev.waitgroup.WaitGroup {
        private final java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public void add(int delta) {
            if (delta > 0 && count.get() > Integer.MAX_VALUE / 2) {
                throw new IllegalStateException("counter too high");
            }
            count.addAndGet(delta);
        }

        @Override
        public void await() {
            while (count.get() > 0) {
                Thread.onSpinWait();
            }
        }

        @Override
        public boolean await(long timeout, java.util.concurrent.TimeUnit unit) {
            await();
            return true;
        }

        @Override
        public int count() {
            return count.get();
        }
    }
}
