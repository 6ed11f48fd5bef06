package dev.waitgroup.fray.scenario;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.waitgroup.catalogue.ReuseBehaviour;
import dev.waitgroup.impl.AqsWaitGroup;
import dev.waitgroup.impl.CasSpinWaitGroup;
import dev.waitgroup.impl.GoWaitGroup;
import dev.waitgroup.impl.LockConditionWaitGroup;
import dev.waitgroup.impl.PhaserWaitGroup;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The scenarios are ordinary programs: on a plain JVM, where the operating system schedules, they pass
 * on every correct implementation (Fray only chooses the schedules). A sanity check of the scenarios,
 * not a search for bugs.
 */
class ScenariosOnPlainJvmTest {
    private static final int RUNS = 20;

    static Stream<Arguments> everyScenarioOnEveryImplementation() {
        List<Subject> subjects = List.of(
                new Subject(AqsWaitGroup.class, ReuseBehaviour.WAITS_FOR_NEW_ROUND),
                new Subject(PhaserWaitGroup.class, ReuseBehaviour.FINISHES_OLD_ROUND),
                new Subject(LockConditionWaitGroup.class, ReuseBehaviour.FINISHES_OLD_ROUND),
                new Subject(CasSpinWaitGroup.class, ReuseBehaviour.FINISHES_OLD_ROUND),
                new Subject(GoWaitGroup.class, ReuseBehaviour.DETECTS_AND_THROWS));
        return Scenarios.all().stream().flatMap(scenario -> subjects.stream()
                .map(subject -> Arguments.of(scenario.name(), subject)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("everyScenarioOnEveryImplementation")
    void passesOnACorrectImplementation(String scenario, Subject subject) {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int i = 0; i < RUNS; i++) {
                Scenarios.named(scenario).run(subject);
            }
        });
    }

    @Test
    void aBrokenHistoryFailsItsScenario() {
        // A counter that never refuses lets the third done() through even when the calls run in turn:
        // the judgment needs no race to see that, so the scenario fails on its first run.
        Subject broken = new Subject(NeverRefuses.class, ReuseBehaviour.UNKNOWN);
        AssertionError e = assertThrows(AssertionError.class, () -> new RacingDonesNearZero().run(broken));
        assertTrue(e.getMessage().contains("no order of"), e.getMessage());
    }

    /** A WaitGroup that forgets the contract's refusals: its counter goes below zero. */
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
