package dev.waitgroup.fray.scenario;

/**
 * How Fray treats timed waits ({@code parkNanos}, {@code awaitNanos}, {@code wait(ms)}, {@code sleep})
 * and the clock in a scenario; see {@code docs/fray.md} for what was measured.
 */
public enum Timing {
    /**
     * Fray's default: the clock is the real one, and a timed wait ends with a timeout only when no
     * other thread can run (Fray's {@code ignoreTimedBlock}). Timeouts are then a way out of a
     * would-be deadlock, never a race with a running thread.
     */
    QUIESCENT,
    /**
     * Fray's mocked clock: {@code nanoTime} and {@code currentTimeMillis} are virtual, advance 100 µs
     * per read, and jump to the next deadline when every thread is blocked; a timed wait times out
     * once the virtual clock passes its deadline, so a timeout can race with a running release.
     */
    VIRTUAL_CLOCK
}
