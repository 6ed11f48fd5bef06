package dev.waitgroup.impl;

/**
 * The rule every implementation here applies before it changes its counter: the result must stay
 * within {@code 0..Integer.MAX_VALUE}. An implementation calls {@link #next} on the value it is about
 * to replace, so a refusal is thrown before anything is written and the counter stays unchanged.
 * Not part of the library's API: the refusal and its message are promised by {@code WaitGroup}.
 */
final class CounterArithmetic {
    /** The start of every refusal of a negative counter: Go's panic, without its "sync: ". */
    static final String NEGATIVE = "negative WaitGroup counter";
    /** The start of every refusal of a counter past {@code Integer.MAX_VALUE}. */
    static final String OVERFLOW = "WaitGroup counter overflow";

    private CounterArithmetic() {
    }

    /**
     * Returns {@code count + delta}, or throws if that leaves {@code 0..Integer.MAX_VALUE}.
     *
     * @throws IllegalStateException naming the count and the delta that were refused
     */
    static int next(int count, int delta) {
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
