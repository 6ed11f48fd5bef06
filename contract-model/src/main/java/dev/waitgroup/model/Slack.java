package dev.waitgroup.model;

import java.time.Duration;

/**
 * How late a call may be before lateness is a verdict: a blocked {@code await} must return within the
 * slack after its round ended (or, timed, after its deadline), and a call that cannot block (add,
 * done, count, go) must return within the slack.
 *
 * <p>Real threads are scheduled by an operating system shared with other work, so the slack is
 * generous: at least {@link #MINIMUM} (500 ms, three orders of magnitude above a wake-up on an idle
 * machine) and scaled up when this JVM's threads are woken late (see {@link #forCurrentLoad}). The checker trusts it only where the run itself was
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
     * {@code base}, scaled by how late this JVM's threads are woken now: a probe parks for 1 ms twenty
     * times and takes the worst lateness; the slack is at least fifty times that, and at most four
     * times {@code base}. On an idle machine a wake-up is late by tens of microseconds and the slack is
     * {@code base}; on a machine busy with other builds, threads wait for a core and the slack grows.
     * (The system load average is no guide in a container: it counts the whole host.)
     */
    public static Slack forCurrentLoad(Duration base) {
        long worst = 0;
        for (int i = 0; i < 20; i++) {
            long before = System.nanoTime();
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000L);
            worst = Math.max(worst, System.nanoTime() - before - 1_000_000L);
        }
        long scaled = Math.min(4 * base.toNanos(), Math.max(base.toNanos(), 50 * worst));
        return new Slack(Math.max(MINIMUM.toNanos(), scaled));
    }

    public long millis() {
        return nanos / 1_000_000;
    }

    @Override
    public String toString() {
        return millis() + " ms";
    }
}
