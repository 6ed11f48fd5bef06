package dev.waitgroup.catalogue;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What a WaitGroup does when it is reused before every {@code await} of the previous round has
 * returned: a waiter of round 1 is still inside {@code await} when round 2's {@code add} arrives.
 * That is misuse under the contract; the three answers are all found in real implementations, and
 * each implementation documents its own, which the harness checks.
 */
public enum ReuseBehaviour {
    /** The waiter of the old round returns: the group knows rounds apart (generation-safe). */
    FINISHES_OLD_ROUND("generation-safe", "generation-safe: the old round's waiter returns"),
    /** The misuse is detected and reported with an exception, as Go panics. */
    DETECTS_AND_THROWS("detects, throws", "detected: throws, as Go panics"),
    /** The waiter keeps waiting, now for the new round: the silent bug. */
    WAITS_FOR_NEW_ROUND("silently waits", "silent: the old round's waiter waits for the new round"),
    /** Not documented (a plugged-in class), or not observed. */
    UNKNOWN("unknown", "unknown");

    private final String shortWords;
    private final String description;

    ReuseBehaviour(String shortWords, String description) {
        this.shortWords = shortWords;
        this.description = description;
    }

    /** Two or three words for a table cell. */
    public String shortWords() {
        return shortWords;
    }

    public String description() {
        return description;
    }

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @JsonCreator
    public static ReuseBehaviour of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
