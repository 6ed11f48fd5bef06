package dev.waitgroup.record;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The verdict of one check on one implementation. Contract checks end in the first group; misuse
 * reproductions say what the implementation did with the client's bug.
 */
public enum Verdict {
    /** The contract held. */
    PASS,
    /** The contract was violated: a wrong value, a forbidden outcome, a non-linearizable history. */
    FAIL,
    /** A blocking call did not return within its bound: reported, never waited out. */
    TIMEOUT,
    /** The check itself could not run to a verdict (an unexpected exception, a crashed VM). */
    ERROR,
    /** The check did not run, or ran without samples (for example a jcstress sanity-mode termination test). */
    NOT_RUN,
    /** Misuse: the client's bug showed (await returned early, hung, or lost the old round). */
    REPRODUCED,
    /** Misuse: the implementation noticed and threw, as Go panics. */
    DETECTED,
    /** Misuse: the implementation did the right thing despite the client's bug. */
    HANDLED,
    /** Misuse: this run did not happen to show the bug (a probabilistic hunt; the bug is still there). */
    NOT_SEEN;

    /** True for the verdicts that mean "this check found a defect in the implementation". */
    public boolean isFailure() {
        return this == FAIL || this == TIMEOUT || this == ERROR;
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
