package dev.waitgroup.explore;

import dev.waitgroup.catalogue.Check;
import dev.waitgroup.catalogue.HarnessCheck;
import dev.waitgroup.harness.junit.CheckRecorder;
import dev.waitgroup.harness.junit.EachImplementation;
import dev.waitgroup.harness.junit.Observation;
import dev.waitgroup.model.Slack;
import dev.waitgroup.record.Evidence;
import dev.waitgroup.settings.Property;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exploration suite's checks: histories drawn from the whole API, run on real threads and judged
 * by the contract's reference model ({@code dev.waitgroup.model}). No check names a bug; each covers a
 * part of the input space, with its own seed drawn from the run's ({@code exploration.seed}), so that
 * the same seed and budget run the same scenarios again. A failure is shrunk to its shortest history,
 * which is the evidence, with how often it fails again when rerun.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.waitgroup.harness.junit.HarnessSubject#selected")
@ExtendWith(CheckRecorder.class)
class ExplorationChecks extends EachImplementation {

    /** One thread and the helpers it schedules (releases, tickers, interrupts, executors): the whole API, in order. */
    @Test
    @HarnessCheck(Check.EXPLORE_SEQUENTIAL)
    void historiesOfOneThreadAndItsHelpers(Observation seen) {
        ExplorationSettings settings = ExplorationSettings.ofThisJvm();
        explore(Check.EXPLORE_SEQUENTIAL, budget(settings).withRounds(0).withConcurrentPercent(0), settings, seen);
    }

    /** Two and three threads calling at once, each history judged against every order the model allows. */
    @Test
    @HarnessCheck(Check.EXPLORE_CONCURRENT)
    void historiesOfThreadsCallingAtOnce(Observation seen) {
        ExplorationSettings settings = ExplorationSettings.ofThisJvm();
        explore(Check.EXPLORE_CONCURRENT, budget(settings).withRounds(0).withConcurrentPercent(100)
                .withHistories(Math.max(1, settings.histories / 3)), settings, seen);
    }

    /** Many legal rounds on one group: a group that works for a round or two and then not is found here. */
    @Test
    @HarnessCheck(Check.EXPLORE_ROUNDS)
    void manyRoundsOnOneGroup(Observation seen) {
        ExplorationSettings settings = ExplorationSettings.ofThisJvm();
        explore(Check.EXPLORE_ROUNDS, budget(settings).withHistories(0), settings, seen);
    }

    private static Budget budget(ExplorationSettings settings) {
        return (settings.mainJob ? Budget.MAIN_JOB : Budget.DEFAULT).withHistories(settings.histories)
                .withRounds(settings.rounds);
    }

    /** What a pass on real threads does not rule out: timing finer than the slack. */
    static final String TIMING = "On real threads every call is judged within the slack (at least "
            + Slack.MINIMUM.toMillis() + " ms, more on a loaded machine): a release is late only past it, and a timed"
            + " wait that returned false is explained if its round ended less than the slack before its deadline (the"
            + " JDK's own timed waits may give up so, a waiter queued behind another); so a pass does not rule out a"
            + " timed wait that gives up just after a release it could have seen.";

    /** Each check explores from a seed of its own, drawn from the run's, so that the checks do not repeat each other. */
    static long seedOf(Check check, long runSeed) {
        long mixed = runSeed * 0x9E3779B97F4A7C15L + check.id().hashCode();
        return mixed ^ (mixed >>> 31);
    }

    private void explore(Check check, Budget budget, ExplorationSettings settings, Observation seen) {
        long seed = seedOf(check, settings.seed);
        ExplorationOutcome outcome = Exploration.explore(implementation::create, implementation.documentedReuse(), budget,
                seed);
        seen.how(String.format(Locale.ROOT, "%,d histories, %,d calls, %,d rounds, seed %d ("
                        + Property.EXPLORATION_SEED.key() + "=%d)%s%s",
                outcome.histories(), outcome.operations(), outcome.rounds(), seed, settings.seed,
                outcome.inconclusive() > 0 ? ", " + outcome.inconclusive() + " histories inconclusive (the machine held"
                        + " a thread up longer than the slack, and not again when rerun) and not counted" : "",
                outcome.cutShort() ? ", cut short by the budget's time" : "") + ". " + TIMING);
        seen.detail("seed", seed);
        seen.detail("histories", outcome.histories());
        if (outcome.passed()) {
            return;
        }
        ExplorationOutcome.Failure failure = outcome.failure();
        seen.evidence(Evidence.Kind.HISTORY, (failure.recurred() || failure.replays() == 0
                        ? "the shortest failing history found (" : "the failing history (") + failure.howShrunk() + ")",
                "scenario:\n" + failure.shown().text() + "\n" + failure.shrunkHistory()); // the history names itself
        String where = failure.index() < 0 ? "the scenario of many rounds" : "history " + failure.index();
        throw new AssertionError("[" + failure.rule() + "] " + failure.sentence() + " (" + where + " of this check's"
                + " seed " + seed + ", drawn from exploration.seed=" + settings.seed + ", after "
                + failure.historiesTried() + " histories)");
    }
}
