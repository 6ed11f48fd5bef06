package dev.waitgroup.model;

/** How numbers are printed in histories: the extremes by name, so that a reader sees the boundary. */
final class Describe {
    private Describe() {
    }

    static String integer(long value) {
        if (value == Integer.MAX_VALUE) {
            return "Integer.MAX_VALUE";
        }
        if (value == Integer.MIN_VALUE) {
            return "Integer.MIN_VALUE";
        }
        if (value == Integer.MAX_VALUE - 1) {
            return "Integer.MAX_VALUE - 1";
        }
        if (value == Long.MAX_VALUE) {
            return "Long.MAX_VALUE";
        }
        if (value == Long.MIN_VALUE) {
            return "Long.MIN_VALUE";
        }
        return Long.toString(value);
    }

    /** Nanoseconds as milliseconds with three decimals, e.g. {@code 100.250}. */
    static String millis(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.3f", nanos / 1e6);
    }
}
