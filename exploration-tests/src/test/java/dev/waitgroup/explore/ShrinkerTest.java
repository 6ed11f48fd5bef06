package dev.waitgroup.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.waitgroup.model.Operation;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Shrinking keeps what makes a scenario fail, and drops the rest; without threads, with a stand-in failure. */
class ShrinkerTest {

    private static Scenario shrink(Scenario failing, java.util.function.Predicate<Scenario> fails) {
        return new Shrinker(fails, System.nanoTime() + 10_000_000_000L, 1_000).shrink(failing);
    }

    private static boolean mentions(Scenario s, String text) {
        return s.text().contains(text);
    }

    @Test
    void aFailureThatNeedsOneStepShrinksToThatStep() {
        Scenario failing = new Scenario(List.of(List.of(
                Step.Call.of(new Operation.Add(3)),
                new Step.After(100, new Step.Ticks(50, 20)),
                Step.Call.of(new Operation.Add(Integer.MIN_VALUE)),
                Step.Call.of(new Operation.Count()),
                Step.Call.of(new Operation.Await()))));
        Scenario shrunk = shrink(failing, s -> mentions(s, "add(Integer.MIN_VALUE)"));
        assertEquals(new Scenario(List.of(List.of(Step.Call.of(new Operation.Add(Integer.MIN_VALUE))))), shrunk);
    }

    @Test
    void aFailureThatNeedsTwoThreadsKeepsTwoWithOneStepEach() {
        Scenario failing = new Scenario(List.of(
                List.of(Step.Call.of(new Operation.Add(1)), Step.Call.of(new Operation.Done())),
                List.of(new Step.Repeat(30, List.of(new Operation.Done(), new Operation.Add(1)))),
                List.of(Step.Call.of(new Operation.TimedAwait(20, TimeUnit.MILLISECONDS)))));
        Scenario shrunk = shrink(failing, s -> s.threads().size() >= 2 && mentions(s, "× [done()"));
        assertEquals(2, shrunk.threads().size(), shrunk.text());
        assertEquals(2, shrunk.size(), shrunk.text());
        assertEquals(List.of(new Step.Repeat(1, List.of(new Operation.Done()))), shrunk.threads().get(0), shrunk.text());
    }

    @Test
    void aTickerShrinksToTheFewestTicksThatStillFail() {
        Scenario failing = new Scenario(List.of(List.of(
                new Step.After(0, new Step.Ticks(50, 30)),
                Step.Call.of(new Operation.TimedAwait(100, TimeUnit.MILLISECONDS)))));
        Scenario shrunk = shrink(failing, s -> {
            for (Step step : s.threads().get(0)) {
                if (step instanceof Step.After && ((Step.After) step).action() instanceof Step.Ticks) {
                    return ((Step.Ticks) ((Step.After) step).action()).times() >= 12 && s.size() == 2;
                }
            }
            return false;
        });
        assertEquals(new Step.After(0, new Step.Ticks(50, 12)), shrunk.threads().get(0).get(0));
    }
}
