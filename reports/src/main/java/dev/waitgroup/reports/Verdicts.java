package dev.waitgroup.reports;

import dev.waitgroup.record.CheckResult;
import dev.waitgroup.record.Verdict;

/**
 * How a verdict looks in the report. For a specimen the meaning flips: a failed check is the harness
 * doing its job ("caught"), a passed one merely did not see that bug.
 */
final class Verdicts {
    private Verdicts() {
    }

    static String cssClass(Verdict verdict, boolean specimen) {
        if (specimen && (verdict == Verdict.FAIL || verdict == Verdict.TIMEOUT)) {
            return "caught";
        }
        if (specimen && verdict == Verdict.PASS) {
            return "missed";
        }
        return verdict.id();
    }

    static String symbol(Verdict verdict, boolean specimen) {
        if (specimen && (verdict == Verdict.FAIL || verdict == Verdict.TIMEOUT)) {
            return "⚑";
        }
        switch (verdict) {
            case PASS:
                return "✓";
            case FAIL:
                return "✗";
            case TIMEOUT:
                return "∞";
            case ERROR:
                return "!";
            case NOT_RUN:
                return "–";
            case REPRODUCED:
                return "●";
            case DETECTED:
                return "◆";
            case HANDLED:
                return "✓";
            case NOT_SEEN:
                return "○";
            default:
                return "?";
        }
    }

    static String label(Verdict verdict, boolean specimen) {
        if (specimen && (verdict == Verdict.FAIL || verdict == Verdict.TIMEOUT)) {
            return "caught (" + verdict.id() + ")";
        }
        if (specimen && verdict == Verdict.PASS) {
            return "not caught by this check";
        }
        switch (verdict) {
            case REPRODUCED:
                return "bug shows";
            case DETECTED:
                return "detected (throws)";
            case HANDLED:
                return "handled safely";
            case NOT_SEEN:
                return "not seen this run";
            case NOT_RUN:
                return "not run";
            default:
                return verdict.id();
        }
    }

    /** A short figure for a matrix cell: samples for jcstress, otherwise the time. */
    static String figure(CheckResult result) {
        Object samples = result.details().get("samples");
        if (samples instanceof Number && ((Number) samples).longValue() > 0) {
            return compact(((Number) samples).longValue());
        }
        if (result.millis() >= 1000) {
            return String.format("%.1fs", result.millis() / 1000.0);
        }
        return result.millis() + "ms";
    }

    static String compact(long n) {
        if (n >= 1_000_000_000L) {
            return String.format("%.1fG", n / 1e9);
        }
        if (n >= 1_000_000L) {
            return String.format("%.1fM", n / 1e6);
        }
        if (n >= 1_000L) {
            return String.format("%.1fk", n / 1e3);
        }
        return Long.toString(n);
    }
}
