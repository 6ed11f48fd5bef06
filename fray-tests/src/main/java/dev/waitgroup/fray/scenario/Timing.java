package dev.waitgroup.fray.scenario;

/**
 * How Fray treats timed waits ({@code parkNanos}, {@code awaitNanos}, {@code wait(ms)}, {@code sleep})
 * and the clock in a scenario; see {@code docs/fray.md} for what was measured.
 */
public enum Timing {
    /**
     * Fray's default (and {@code @FrayTest}'s): the clock is the real one, and when no thread can run,
     * every timed wait ends at once with a timeout (Fray's {@code ignoreTimedBlock}), whatever its
     * deadline, even {@code Long.MAX_VALUE}. Not used by the scenarios: it times out an
     * {@code await()} written as a wait with a huge timeout, which no real clock would.
     */
    QUIESCENT,
    /**
     * Fray's mocked clock, the scenarios' timing: {@code nanoTime} and {@code currentTimeMillis} are
     * virtual and advance 100 µs per read (Fray reads it at every scheduling step); when every thread
     * is blocked the clock jumps to the earliest deadline and only that wait times out. A timed wait
     * times out once the virtual clock passes its deadline, so a timeout can race with a running release.
     */
    VIRTUAL_CLOCK
}
