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
    void aGroupThatNeverRefusesBreaksTheCountersRangeInTheFirstRun() throws Exception {
        // the third done() takes the counter to -1 whatever the order: no race is needed to see it
        Subject broken = new Subject(NeverRefuses.class, ReuseBehaviour.UNKNOWN);
        Verdict verdict = judged(new AddsAndDonesNearMax(), broken);
        assertEquals(Rule.COUNTER_RANGE, assertInstanceOf(Verdict.Violation.class, verdict).rule(), verdict.toString());
    }

    /** A WaitGroup that forgets the contract's refusals: its counter passes Integer.MAX_VALUE. */
    public static final class NeverRefuses implements dev.waitgroup.WaitGroup {
        private final java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public void add(int delta) {
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
