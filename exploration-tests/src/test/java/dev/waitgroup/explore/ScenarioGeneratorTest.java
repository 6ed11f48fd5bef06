package dev.waitgroup.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.waitgroup.model.Operation;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The generator is deterministic per (seed, index), and reaches the whole input space. */
class ScenarioGeneratorTest {
    private final ScenarioGenerator generator = new ScenarioGenerator(Budget.DEFAULT);

    @Test
    void theSameSeedAndIndexGiveTheSameScenario() {
        for (int index = 0; index < 50; index++) {
            assertEquals(generator.scenario(42, index), generator.scenario(42, index));
        }
        assertNotEquals(generator.scenario(42, 7), generator.scenario(43, 7));
    }

    @Test
    void twoThousandScenariosCoverTheBoundariesOfEveryParameter() {
        Set<Integer> deltas = new HashSet<>();
        Set<Long> timeouts = new HashSet<>();
        Set<TimeUnit> units = EnumSet.noneOf(TimeUnit.class);
        Set<Operation.Executors> executors = EnumSet.noneOf(Operation.Executors.class);
        Set<String> shapes = new HashSet<>();
        for (int index = 0; index < 2_000; index++) {
            Scenario s = generator.scenario(1, index);
            shapes.add(s.threads().size() == 1 ? "sequential" : "concurrent");
            for (var steps : s.threads()) {
                for (Step step : steps) {
                    shapes.add(step.getClass().getSimpleName());
                    if (step instanceof Step.After && ((Step.After) step).action() instanceof Step.Ticks) {
                        shapes.add("ticker");
                    }
                    if (step instanceof Step.Rounds) {
                        shapes.add(((Step.Rounds) step).round().toString());
                    }
                    if (!(step instanceof Step.Call)) {
                        continue;
                    }
                    Step.Call call = (Step.Call) step;
                    if (call.interrupted()) {
                        shapes.add(call.interruptAfterMicros() == 0 ? "interrupt at entry" : "interrupt while waiting");
                    }
                    Operation op = call.operation();
                    shapes.add(op.getClass().getSimpleName());
                    if (op instanceof Operation.Add) {
                        deltas.add(((Operation.Add) op).delta());
                    } else if (op instanceof Operation.TimedAwait) {
                        timeouts.add(((Operation.TimedAwait) op).timeout());
                        units.add(((Operation.TimedAwait) op).unit());
                    } else if (op instanceof Operation.Go) {
                        executors.add(((Operation.Go) op).executor());
                    }
                }
            }
        }
        assertTrue(deltas.containsAll(Set.of(0, 1, -1, 2, -2, Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE - 1)),
                deltas.toString());
        assertTrue(timeouts.containsAll(Set.of(Long.MAX_VALUE, Long.MIN_VALUE, 0L, -1L, 1L, 999L)), timeouts.toString());
        assertEquals(EnumSet.allOf(TimeUnit.class), units);
        assertEquals(EnumSet.allOf(Operation.Executors.class), executors);
        assertTrue(shapes.containsAll(Set.of("sequential", "concurrent", "After", "Rounds", "Repeat", "ticker",
                "interrupt at entry", "interrupt while waiting", "SelfInterrupt", "RunTask", "Count", "Await", "Done",
                "WhenDriversWait", "AwaitAmidChanges", "OWN_DONE", "HANDED_OFF", "AFTER_A_WAIT_GAVE_UP")),
                shapes.toString());
    }

    @Test
    void theScenarioOfManyRoundsRunsTheBudgetsRoundsThenWaitsAgainAfterWaitsThatGaveUpOrWereReleasedAsTheyGaveUp() {
        Scenario rounds = new ScenarioGenerator(Budget.MAIN_JOB).rounds();
        assertEquals(List.of(new Step.Rounds(100_000, Step.Round.OWN_DONE),
                new Step.Rounds(10_000, Step.Round.HANDED_OFF),
                new Step.Rounds(1_000, Step.Round.AFTER_A_WAIT_GAVE_UP),
                new Step.Rounds(2_000, Step.Round.RELEASED_AS_IT_GIVES_UP),
                Step.Call.of(new Operation.Add(1)), new Step.AwaitAmidChanges(5), Step.Call.of(new Operation.Done())),
                rounds.threads().get(0));
    }
}
