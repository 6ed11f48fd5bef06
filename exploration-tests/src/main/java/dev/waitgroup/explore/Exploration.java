package dev.waitgroup.explore;

import dev.waitgroup.WaitGroup;
import dev.waitgroup.catalogue.ReuseBehaviour;
import dev.waitgroup.model.Clock;
import dev.waitgroup.model.Event;
import dev.waitgroup.model.History;
import dev.waitgroup.model.HistoryChecker;
import dev.waitgroup.model.Operation;
import dev.waitgroup.model.SequentialWaitGroup;
import dev.waitgroup.model.Slack;
import dev.waitgroup.model.Verdict;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Explores a WaitGroup against the contract: generates scenarios from a seed, runs each on real
 * threads, judges each history with the reference model's {@link HistoryChecker}, and on the first
 * violation shrinks the scenario to a shortest one that still fails, then reruns that one several
 * times to say how reliably it fails. A scenario that left a call spinning (it ignores its interrupt,
 * and nothing can stop it) is neither shrunk nor rerun: each run would leave one more.
 *
 * <pre>{@code
 * ExplorationOutcome outcome = Exploration.explore(MyWaitGroup::new, ReuseBehaviour.UNKNOWN,
 *         Budget.DEFAULT, 42L);
 * System.out.println(outcome.text());
 * }</pre>
 *
 * Works from a plain {@code main} (see {@link ExploreMain}); needs no test framework. One exploration
 * at a time per group factory; explorations of different groups may run in one JVM one after another.
 */
public final class Exploration {
    private Exploration() {
    }

    /**
     * Explores the groups {@code factory} makes (a fresh one per history).
     *
     * @param documented what the group documents on reuse before every await returned
     *                   ({@link ReuseBehaviour#UNKNOWN} if it does not say)
     * @param budget     how many histories, rounds, shrinking and replays
     * @param seed       any long; the same seed and budget generate the same scenarios
     */
    public static ExplorationOutcome explore(Supplier<? extends WaitGroup> factory, ReuseBehaviour documented,
                                             Budget budget, long seed) {
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(documented, "documented");
        Objects.requireNonNull(budget, "budget");
        return new Run(factory, documented, budget, seed).explore();
    }

    /** The same as {@link #explore}: with the same seed and budget the same scenarios run again. */
    public static ExplorationOutcome replay(Supplier<? extends WaitGroup> factory, ReuseBehaviour documented,
                                            Budget budget, long seed) {
        return explore(factory, documented, budget, seed);
    }

    /**
     * Reruns one scenario (a shrunk one, say) {@code times} times; returns how many runs were a
     * violation of {@code rule} (a rule id), inconclusive runs rerun as in an exploration.
     */
    public static int rerun(Supplier<? extends WaitGroup> factory, ReuseBehaviour documented, Budget budget,
                            Scenario scenario, String rule, int times) {
        Run run = new Run(factory, documented, budget, 0L);
        int failed = 0;
        for (int i = 0; i < times; i++) {
            if (run.failsWith(scenario, rule)) {
                failed++;
            }
        }
        return failed;
    }

    /**
     * The history and verdict of one scenario, for tests and tools, judged as an exploration judges it: a
     * run not scheduled is rerun, and a violation that rests on the slack counts only if a rerun with
     * twice the slack breaks the rule again (else the verdict is inconclusive).
     */
    public static Judged judge(Supplier<? extends WaitGroup> factory, ReuseBehaviour documented, Budget budget,
                               Scenario scenario) {
        return new Run(factory, documented, budget, 0L).judgeConfirmed(scenario);
    }

    /** A history with its verdict. */
    public record Judged(History history, Verdict verdict) {
        public String text() {
            int focus = verdict instanceof Verdict.Violation ? ((Verdict.Violation) verdict).event() : -1;
            return history.toText(focus, 60) + "verdict: " + verdict + "\n";
        }
    }

    private static final class Run {
        final Supplier<? extends WaitGroup> factory;
        final ReuseBehaviour documented;
        final Budget budget;
        final long seed;
        final HistoryExecutor executor;
        final ScenarioGenerator generator;
        long operations;
        long rounds;
        int inconclusive;

        Run(Supplier<? extends WaitGroup> factory, ReuseBehaviour documented, Budget budget, long seed) {
            this(factory, documented, budget, seed, Slack.forCurrentLoad(budget.slack()));
        }

        Run(Supplier<? extends WaitGroup> factory, ReuseBehaviour documented, Budget budget, long seed, Slack slack) {
            this.factory = factory;
            this.documented = documented;
            this.budget = budget;
            this.seed = seed;
            this.executor = new HistoryExecutor(Clock.SYSTEM, slack);
            this.generator = new ScenarioGenerator(budget);
        }

        ExplorationOutcome explore() {
            long started = System.nanoTime();
            long stopAt = started + budget.maxTime().toNanos();
            int histories = 0;
            boolean cutShort = false;
            for (int index = budget.rounds() > 0 ? -1 : 0; index < budget.histories(); index++) {
                if (System.nanoTime() - stopAt > 0) {
                    cutShort = true;
                    break;
                }
                Scenario scenario = index < 0 ? generator.rounds() : generator.scenario(seed, index);
                Judged judged = judgeConfirmed(scenario);
                histories++;
                count(judged.history());
                if (judged.verdict() instanceof Verdict.Inconclusive) {
                    inconclusive++;
                } else if (judged.verdict() instanceof Verdict.Violation) {
                    Duration toCatch = Duration.ofNanos(System.nanoTime() - started);
                    ExplorationOutcome.Failure failure = failure(scenario, index, histories, toCatch, judged);
                    return new ExplorationOutcome(false, seed, histories, operations, rounds, inconclusive, false,
                            Duration.ofNanos(System.nanoTime() - started), failure);
                }
            }
            return new ExplorationOutcome(true, seed, histories, operations, rounds, inconclusive, cutShort,
                    Duration.ofNanos(System.nanoTime() - started), null);
        }

        private ExplorationOutcome.Failure failure(Scenario scenario, int index, int tried, Duration toCatch,
                                                    Judged found) {
            Verdict.Violation first = (Verdict.Violation) found.verdict();
            String rule = first.rule().id();
            if (executor.abandonedThreadsStillRun()) {
                // each rerun would leave one more spinning thread, and slow everything else on the machine
                return new ExplorationOutcome.Failure(rule, first.sentence(), index, tried, toCatch, scenario, scenario,
                        found.text(), 0, 0, 0);
            }
            // A candidate is taken only if it fails twice in a row: on real threads, a candidate that fails once by
            // luck would shrink the scenario to one that rarely fails again.
            Shrinker shrinker = new Shrinker(candidate -> failsWith(candidate, rule) && failsWith(candidate, rule),
                    System.nanoTime() + budget.shrinkTime().toNanos(), budget.shrinkRuns());
            Scenario shrunk = shrinker.shrink(scenario);
            Judged evidence = null;
            int failed = 0;
            for (int i = 0; i < budget.replays(); i++) {
                Judged again = judge(shrunk);
                if (again.verdict() instanceof Verdict.Violation
                        && ((Verdict.Violation) again.verdict()).rule().id().equals(rule)) {
                    failed++;
                    if (evidence == null) {
                        evidence = again;
                    }
                }
            }
            if (evidence == null) {
                // the shrunk scenario did not fail again: the history shown is the one that did fail, as drawn
                evidence = found;
            }
            Verdict.Violation shown = evidence.verdict() instanceof Verdict.Violation
                    ? (Verdict.Violation) evidence.verdict() : first;
            return new ExplorationOutcome.Failure(rule, shown.sentence(), index, tried, toCatch, scenario, shrunk,
                    evidence.text(), shrinker.runs(), failed, budget.replays());
        }

        boolean failsWith(Scenario scenario, String rule) {
            Verdict verdict = judge(scenario).verdict();
            return verdict instanceof Verdict.Violation && ((Verdict.Violation) verdict).rule().id().equals(rule);
        }

        /**
         * {@link #judge}, and a violation that {@linkplain HistoryChecker#restsOnTheSlack rests on the slack}
         * confirmed by a rerun with twice the slack (the one in force, or the one the machine's load calls
         * for now, whichever is larger): if the rerun does not break the rule again, the first history is
         * inconclusive. A group that is late by its own fault is late again; a
         * machine that held a thread up longer than the slack is not likely to hold it up twice as long.
         */
        Judged judgeConfirmed(Scenario scenario) {
            Judged judged = judge(scenario);
            if (!(judged.verdict() instanceof Verdict.Violation)
                    || !HistoryChecker.restsOnTheSlack(judged.history(), documented)) {
                return judged;
            }
            Verdict.Violation late = (Verdict.Violation) judged.verdict();
            long now = Slack.forCurrentLoad(budget.slack()).nanos();
            Slack twice = new Slack(2 * Math.max(now, executor.slack().nanos()));
            Judged again = new Run(factory, documented, budget, seed, twice).judge(scenario);
            if (again.verdict() instanceof Verdict.Violation
                    && ((Verdict.Violation) again.verdict()).rule() == late.rule()) {
                return judged;
            }
            return new Judged(judged.history(), new Verdict.Inconclusive("late once, but not when rerun with a slack"
                    + " of " + again.history().slack() + ": the machine's lateness, not the group's", late));
        }

        /**
         * One run judged, rerun (up to the budget's inconclusive reruns) while it is inconclusive, or while it
         * passed although it was {@linkplain #heldUp held up}.
         */
        Judged judge(Scenario scenario) {
            Judged judged = null;
            for (int attempt = 0; attempt <= budget.inconclusiveReruns(); attempt++) {
                History history = executor.run(scenario, factory);
                judged = new Judged(history, HistoryChecker.check(history, documented));
                Verdict verdict = judged.verdict();
                if (!(verdict instanceof Verdict.Inconclusive || verdict instanceof Verdict.Explained && heldUp(history))) {
                    return judged;
                }
            }
            return judged;
        }

        /**
         * Whether the machine held the run up for more than a quarter of the slack: a periodic thread of the
         * run went unscheduled that long, or a timed wait came back that long after its deadline. Such a run
         * may have passed by the machine's luck, not done what its scenario says: a wait amid changes whose
         * waiter was not run for its whole timeout times out, whatever its bug.
         */
        private static boolean heldUp(History history) {
            long quarter = history.slack().nanos() / 4;
            if (history.maxSchedulingGap() > quarter) {
                return true;
            }
            for (Event e : history.events()) {
                if (e.operation() instanceof Operation.TimedAwait && e.returned()) {
                    long timeout = Math.max(0, ((Operation.TimedAwait) e.operation()).nanos());
                    if (e.responded() - e.invoked() - timeout > quarter) {
                        return true;
                    }
                }
            }
            return false;
        }

        private void count(History history) {
            operations += history.events().size();
            SequentialWaitGroup model = new SequentialWaitGroup();
            for (Event e : history.events()) {
                Operation op = e.operation();
                int delta = op instanceof Operation.Add ? ((Operation.Add) op).delta()
                        : op instanceof Operation.Done || op instanceof Operation.RunTask ? -1 : 0;
                if (delta != 0 && e.returned() && !(e.outcome() instanceof dev.waitgroup.model.Outcome.Threw)) {
                    long before = model.round();
                    try {
                        model.add(delta);
                    } catch (IllegalStateException refused) {
                        continue;
                    }
                    rounds += model.round() - before;
                }
            }
        }
    }
}
