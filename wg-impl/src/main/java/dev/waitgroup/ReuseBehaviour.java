package dev.waitgroup;

/**
 * What a WaitGroup does when it is reused before every {@code await} of the previous round has
 * returned: a waiter of round 1 is still inside {@code await} when round 2's {@code add} arrives.
 * That is misuse under the contract; the three answers are all found in real implementations.
 */
public enum ReuseBehaviour {
    /** The waiter of the old round returns: the group knows rounds apart (generation-safe). */
    FINISHES_OLD_ROUND("generation-safe: the old round's waiter returns"),
    /** The misuse is detected and reported with an exception, as Go panics. */
    DETECTS_AND_THROWS("detected: throws, as Go panics"),
    /** The waiter keeps waiting, now for the new round: the silent bug. */
    WAITS_FOR_NEW_ROUND("silent: the old round's waiter waits for the new round"),
    /** Not documented (a plugged-in class), or not observed. */
    UNKNOWN("unknown");

    private final String description;

    ReuseBehaviour(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
