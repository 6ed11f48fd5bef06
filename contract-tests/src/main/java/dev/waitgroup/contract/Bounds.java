package dev.waitgroup.contract;

import java.time.Duration;

/** Every wait in the suite has one of these bounds; none is a performance expectation. */
final class Bounds {
    /** How long a call that must return may take before it is reported as a hang. */
    static final Duration MUST_RETURN = Duration.ofSeconds(2);
    /** How long a call that must stay blocked is watched (a correct implementation never returns). */
    static final Duration STAYS_BLOCKED = Duration.ofMillis(100);
    /** How long to wait for a thread to park inside await before going on regardless. */
    static final Duration PARKS = Duration.ofMillis(500);

    private Bounds() {
    }
}
