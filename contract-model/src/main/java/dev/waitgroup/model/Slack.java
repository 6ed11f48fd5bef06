package dev.waitgroup.model;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * How late a call may be before lateness is a verdict: a blocked {@code await} must return within the
 * slack after its round ended (or, timed, after its deadline), and a call that cannot block (add,
 * done, count, go) must return within the slack.
 *
 * <p>Real threads are scheduled by an operating system shared with other work, so the slack is
 * generous: at least {@link #MINIMUM} (500 ms, three orders of magnitude above a wake-up on an idle
 * machine) and scaled up with the machine's load. The checker trusts it only where the run itself was
 * scheduled: a history whose heartbeat saw a gap longer than half the slack is inconclusive, never
 * a verdict (see {@link HistoryChecker}).
 */
public record Slack(long nanos) {
    public static final Duration MINIMUM = Duration.ofMillis(500);

    public Slack {
        if (nanos < MINIMUM.toNanos()) {
            throw new IllegalArgumentException("slack " + Duration.ofNanos(nanos).toMillis() + " ms is below the minimum of "
                    + MINIMUM.toMillis() + " ms");
        }
    }

    public static Slack of(Duration duration) {
        return new Slack(duration.toNanos());
    }

    /**
     * {@code base}, multiplied by the system load average per core when that is above one (at most
     * eight times): on a machine running twice as many threads as it has cores, a thread waits about
     * twice as long for a core.
     */
    public static Slack forCurrentLoad(Duration base) {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        int cores = Runtime.getRuntime().availableProcessors();
        double factor = load <= 0 ? 1.0 : Math.min(8.0, Math.max(1.0, load / cores));
        return new Slack(Math.max(MINIMUM.toNanos(), (long) (base.toNanos() * factor)));
    }

    public long millis() {
        return nanos / 1_000_000;
    }

    @Override
    public String toString() {
        return millis() + " ms";
    }
}
