package dev.waitgroup.fray;

import dev.waitgroup.fray.scenario.Timing;
import java.util.ArrayList;
import java.util.List;

/**
 * What Fray 0.9.2 does with time, timed waits and interrupts, as measured here ({@code docs/fray.md}),
 * one sentence per finding, for a verdict's {@code how}.
 */
public final class FrayFacts {
    /** How Fray explores. */
    public static final String SCHEDULER = "Fray ran every thread of the scenario one at a time under its "
            + "controlled scheduler, switching only at synchronization points, one schedule per iteration.";
    /** Deadlocks. */
    public static final String DEADLOCK = "When no thread can run, Fray reports a DeadlockException with every "
            + "thread's stack at once instead of hanging.";
    /** Replay. */
    public static final String REPLAY = "The failure's recording (the scheduler and every random choice it drew) "
            + "replays the same schedule on the same code.";

    private FrayFacts() {
    }

    /** The sentences that explain an outcome of a scenario with this timing. */
    static List<String> forOutcome(Timing timing, String failure) {
        List<String> how = new ArrayList<>(List.of(SCHEDULER));
        if (failure.contains("DeadlockException")) {
            how.add(DEADLOCK);
        }
        return how;
    }
}
