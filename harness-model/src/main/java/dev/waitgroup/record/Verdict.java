package dev.waitgroup.record;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The verdict of one check on one implementation. Contract checks end in the first group; misuse
 * checks say what the implementation did with the client's bug; {@link #HARNESS_ERROR} says the
 * harness itself could not reach a verdict, which is never held against the implementation.
 */
public enum Verdict {
    /** The property held. */
    PASS("pass"),
    /**
     * The property was violated: a wrong value, a forbidden outcome, a non-linearizable history, an
     * exception where none belongs, or the JVM exited or ran out of memory inside the implementation.
     */
    FAIL("fail"),
    /** A call that must return did not within its bound: reported with where every thread was. */
    TIMEOUT("hang"),
    /**
     * The harness could not reach a verdict (an engine's internal error, a crashed test VM that the
     * implementation did not cause): proves nothing either way, and fails the gate as such.
     */
    HARNESS_ERROR("error (harness)"),
    /** The engine ran it but it proves nothing, e.g. a jcstress termination test with 0 samples in sanity mode. */
    NOT_RUN("not run"),
    /** Misuse: the client's bug showed (await returned early, hung, or lost the old round). */
    REPRODUCED("bug shows"),
    /** Misuse: the implementation noticed and threw, as Go panics. */
    DETECTED("detected (throws)"),
    /** Misuse: the implementation did the right thing despite the client's bug. */
    HANDLED("handled safely"),
    /** Misuse: this run did not happen to show the bug (a probabilistic hunt; the bug is still there). */
    NOT_SEEN("not seen this run");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    /** True for the verdicts that mean "this check found a defect in the implementation". */
    public boolean isFailure() {
        return this == FAIL || this == TIMEOUT;
    }

    /** Words for a reader. */
    public String label() {
        return label;
    }

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @JsonCreator
    public static Verdict of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
