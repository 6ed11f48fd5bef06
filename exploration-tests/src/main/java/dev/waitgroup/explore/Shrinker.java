package dev.waitgroup.explore;

import dev.waitgroup.model.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Shrinks a failing scenario to a shorter one that still fails the same way, greedily: it tries
 * smaller candidates in a fixed order (drop a thread, drop runs of steps from half the thread down to
 * one step, then make single steps simpler: fewer rounds and repetitions, shorter tickers, shorter
 * delays, no interrupt, plainer executors and deltas), and restarts from the first candidate that
 * still fails. It stops when no candidate fails, or its runs or time are used up.
 *
 * <p>On real threads a candidate may pass by chance; it is then just not taken. The order is fixed, so
 * a deterministic failure always shrinks to the same scenario.
 */
final class Shrinker {
    private final Predicate<Scenario> stillFails;
    private final long deadline;
    private final int maxRuns;
    private int runs;

    Shrinker(Predicate<Scenario> stillFails, long deadline, int maxRuns) {
        this.stillFails = stillFails;
        this.deadline = deadline;
        this.maxRuns = maxRuns;
    }

    /** The candidates run so far. */
    int runs() {
        return runs;
    }

    Scenario shrink(Scenario failing) {
        Scenario best = failing;
        boolean progress = true;
        while (progress && budgetLeft()) {
            progress = false;
            for (Scenario candidate : candidates(best)) {
                if (!budgetLeft()) {
                    break;
                }
                runs++;
                if (stillFails.test(candidate)) {
                    best = candidate;
                    progress = true;
                    break;
                }
            }
        }
        return best;
    }

    private boolean budgetLeft() {
        return runs < maxRuns && System.nanoTime() - deadline < 0;
    }

    /** Smaller scenarios, the boldest first. */
    static List<Scenario> candidates(Scenario s) {
        List<Scenario> out = new ArrayList<>();
        List<List<Step>> threads = s.threads();
        if (threads.size() > 1) {
            for (int t = 0; t < threads.size(); t++) {
                List<List<Step>> fewer = new ArrayList<>(threads);
                fewer.remove(t);
                out.add(new Scenario(fewer));
            }
        }
        for (int t = 0; t < threads.size(); t++) {
            List<Step> steps = threads.get(t);
            for (int chunk = Math.max(1, steps.size() / 2); chunk >= 1; chunk /= 2) {
                for (int from = 0; from + chunk <= steps.size(); from++) {
                    if (chunk == steps.size()) {
                        continue; // an empty thread is no thread: dropping threads is tried above
                    }
                    List<Step> shorter = new ArrayList<>(steps.subList(0, from));
                    shorter.addAll(steps.subList(from + chunk, steps.size()));
                    out.add(replace(s, t, shorter));
                }
                if (chunk == 1) {
                    break;
                }
            }
        }
        for (int t = 0; t < threads.size(); t++) {
            List<Step> steps = threads.get(t);
            for (int i = 0; i < steps.size(); i++) {
                for (Step simpler : simpler(steps.get(i))) {
                    List<Step> changed = new ArrayList<>(steps);
                    changed.set(i, simpler);
                    out.add(replace(s, t, changed));
                }
            }
        }
        return out;
    }

    private static Scenario replace(Scenario s, int thread, List<Step> steps) {
        List<List<Step>> threads = new ArrayList<>(s.threads());
        threads.set(thread, steps);
        return new Scenario(threads);
    }

    private static List<Step> simpler(Step step) {
        List<Step> out = new ArrayList<>();
        if (step instanceof Step.Rounds) {
            Step.Rounds r = (Step.Rounds) step;
            if (r.round() != Step.Round.OWN_DONE) {
                out.add(new Step.Rounds(r.count(), Step.Round.OWN_DONE));
            }
            for (int n : fewer(r.count())) {
                out.add(new Step.Rounds(n, r.round()));
            }
        } else if (step instanceof Step.Repeat) {
            Step.Repeat r = (Step.Repeat) step;
            for (int n : fewer(r.times())) {
                out.add(new Step.Repeat(n, r.body()));
            }
            if (r.body().size() > 1) {
                for (int i = 0; i < r.body().size(); i++) {
                    List<Operation> body = new ArrayList<>(r.body());
                    body.remove(i);
                    out.add(new Step.Repeat(r.times(), body));
                }
            }
            if (r.times() == 1) {
                out.add(Step.Call.of(r.body().get(0)));
            }
        } else if (step instanceof Step.After) {
            Step.After a = (Step.After) step;
            if (a.action() instanceof Step.Ticks) {
                Step.Ticks ticks = (Step.Ticks) a.action();
                for (int n : fewer(ticks.times())) {
                    out.add(new Step.After(a.delayMillis(), new Step.Ticks(ticks.periodMillis(), n)));
                }
            }
            if (a.delayMillis() > 0) {
                out.add(new Step.After(a.delayMillis() / 2, a.action()));
            }
        } else if (step instanceof Step.Call) {
            Step.Call c = (Step.Call) step;
            if (c.interrupted()) {
                out.add(Step.Call.of(c.operation()));
                if (c.interruptAfterMicros() > 0) {
                    out.add(c.interruptedAfter(c.interruptAfterMicros() / 2));
                }
            }
            Operation op = c.operation();
            if (op instanceof Operation.Go && ((Operation.Go) op).executor() != Operation.Executors.INLINE
                    && ((Operation.Go) op).executor() != Operation.Executors.DEFERRED_STEP) {
                out.add(new Step.Call(new Operation.Go(((Operation.Go) op).task(), Operation.Executors.INLINE, 0),
                        c.interruptAfterMicros(), c.onceWaiting()));
            }
            if (op instanceof Operation.Add && Math.abs((long) ((Operation.Add) op).delta()) > 1) {
                int delta = ((Operation.Add) op).delta();
                out.add(new Step.Call(new Operation.Add(delta > 0 ? 1 : -1), c.interruptAfterMicros(), c.onceWaiting()));
                out.add(new Step.Call(new Operation.Add(delta / 2), c.interruptAfterMicros(), c.onceWaiting()));
            }
        }
        return out;
    }

    private static List<Integer> fewer(int n) {
        List<Integer> out = new ArrayList<>();
        if (n > 1) {
            out.add(1);
        }
        if (n / 2 > 1) {
            out.add(n / 2);
        }
        if (n - 1 > 1 && n - 1 != n / 2) {
            out.add(n - 1);
        }
        return out;
    }
}
