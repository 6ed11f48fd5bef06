package dev.waitgroup;

/**
 * The one rule every WaitGroup applies before it changes its counter: the result must stay within
 * {@code 0..Integer.MAX_VALUE}. Implementations call {@link #next} on the value they are about to
 * replace, so a refusal is thrown before anything is written and the counter stays unchanged.
 */
public final class CounterArithmetic {
    /** The message of Go's panic, which every implementation's refusal starts with. */
    public static final String NEGATIVE = "negative WaitGroup counter";
    public static final String OVERFLOW = "WaitGroup counter overflow";

    private CounterArithmetic() {
    }

    /**
     * Returns {@code count + delta}, or throws if that leaves {@code 0..Integer.MAX_VALUE}.
     *
     * @throws IllegalStateException naming the count and the delta that were refused
     */
    public static int next(int count, int delta) {
        long next = (long) count + delta;
        if (next < 0) {
            throw new IllegalStateException(NEGATIVE + ": " + count + " + (" + delta + ") < 0");
        }
        if (next > Integer.MAX_VALUE) {
            throw new IllegalStateException(OVERFLOW + ": " + count + " + " + delta + " > Integer.MAX_VALUE");
        }
        return (int) next;
    }
}
