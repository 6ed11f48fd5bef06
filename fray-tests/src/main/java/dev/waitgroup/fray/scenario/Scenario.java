package dev.waitgroup.fray.scenario;

/**
 * A small concurrent program on one fresh WaitGroup: 2 to 4 threads, each a short script of calls,
 * and a judgment of what they saw ({@link Judgments}). Fray runs it once per iteration, each time
 * under a different schedule; a failed judgment, an unexpected exception or a deadlock is a failure.
 *
 * <p>A scenario is a fixed history shape today; the plan is to draw it from the reference model of the
 * contract (a concurrent history of adds, dones and waits) and have the model judge it.
 */
public interface Scenario {

    /** A short id, used on the command line and in result folders: {@code racing-dones-near-zero}. */
    String name();

    /** One sentence: what races, and what the contract says about it. */
    String description();

    /** How timed waits may end under Fray in this scenario: on Fray's virtual clock unless it says otherwise. */
    default Timing timing() {
        return Timing.VIRTUAL_CLOCK;
    }

    /**
     * Runs the scenario once: creates its group, starts its threads, joins them and judges.
     *
     * @throws AssertionError if the history breaks the contract
     * @throws Exception      if the scenario itself could not run (a bug in the scenario)
     */
    void run(Subject subject) throws Exception;
}
