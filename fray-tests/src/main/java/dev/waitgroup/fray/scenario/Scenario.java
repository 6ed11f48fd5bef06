package dev.waitgroup.fray.scenario;

/**
 * A small concurrent program on one fresh WaitGroup: 2 to 5 threads, each a short script of calls
 * recorded on a {@link Recorder}, whose history the contract's reference model then judges. Fray runs
 * it once per iteration, each time under another schedule; a history the model does not explain, or a
 * deadlock whose history it does not explain, is a failure.
 *
 * <p>A scenario may only make calls whose outcomes it records: what it asserts itself is what the
 * model asserts, with the group's documented reuse behaviour.
 */
public interface Scenario {

    /** A short id, used on command lines and in result folders: {@code racing-dones-near-zero}. */
    String name();

    /** One sentence: what races, for the report. */
    String description();

    /**
     * The most threads that may wait in the group at once. Fray 0.9.2 can lose control of two waiters
     * released together (a {@code Semaphore.release(2)} racing two acquirers), so once that happened on
     * an implementation the engine runs no more scenarios with two or more waiters on it.
     */
    int waiters();

    /** How timed waits may end under Fray in this scenario: on Fray's virtual clock unless it says otherwise. */
    default Timing timing() {
        return Timing.VIRTUAL_CLOCK;
    }

    /**
     * Runs the scenario once on a new group of {@code subject}, recording every call on {@code recorder};
     * returns once every thread it started has ended.
     *
     * @throws ScenarioError if the scenario itself could not run as written
     */
    void run(Subject subject, Recorder recorder) throws Exception;
}
