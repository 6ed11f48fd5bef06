package dev.waitgroup.fray.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.waitgroup.catalogue.ReuseBehaviour;
import dev.waitgroup.impl.AqsWaitGroup;
import dev.waitgroup.impl.CasSpinWaitGroup;
import dev.waitgroup.impl.GoWaitGroup;
import dev.waitgroup.impl.LockConditionWaitGroup;
import dev.waitgroup.impl.PhaserWaitGroup;
import dev.waitgroup.specimen.RacyRefusalWaitGroup;
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
        // A counter whose refusal is check-then-act lets the third done() through when it runs alone:
        // the judgment needs no race to see that, so it fails on the first run.
        Subject racy = new Subject(RacyRefusalWaitGroup.class, ReuseBehaviour.UNKNOWN);
        AssertionError e = assertThrows(AssertionError.class, () -> new SequentialDones().run(racy));
        assertEquals(true, e.getMessage().contains("no order of"), e.getMessage());
    }

    /** Three done() on 2, one after the other: the third must be refused. */
    private static final class SequentialDones implements Scenario {
        @Override
        public String name() {
            return "sequential-dones";
        }

        @Override
        public String description() {
            return "three done() on 2, in turn";
        }

        @Override
        public void run(Subject subject) {
            dev.waitgroup.WaitGroup group = subject.newGroup();
            group.add(2);
            List<Call> calls = List.of(Call.ofVoid("done()", group::done), Call.ofVoid("done()", group::done),
                    Call.ofVoid("done()", group::done));
            Judgments.sequentiallyExplained(2, List.of(-1, -1, -1), calls, group.count());
        }
    }
}
