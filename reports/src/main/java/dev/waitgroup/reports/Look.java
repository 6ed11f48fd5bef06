package dev.waitgroup.reports;

import dev.waitgroup.catalogue.Category;
import dev.waitgroup.record.CheckResult;
import dev.waitgroup.record.Verdict;
import java.util.Locale;

/**
 * How a verdict looks in the report: a CSS class, a symbol, words. For a specimen the meaning of a
 * failure flips: it is the harness doing its job ("caught"); a demonstration's verdict is "shown". A
 * pass for only the parts of a check that ran ({@link CheckResult#passedInPart()}) is never shown as a
 * plain pass.
 */
final class Look {
    /** The CSS class of a pass that holds only for the parts of the check that ran. */
    static final String PARTLY = "partly";

    private Look() {
    }

    static boolean caught(Verdict verdict) {
        return verdict == Verdict.FAIL || verdict == Verdict.TIMEOUT;
    }

    static String cssClass(CheckResult result, boolean specimen) {
        Verdict verdict = result.verdict();
        if (specimen && caught(verdict)) {
            return "caught";
        }
        if (specimen && verdict == Verdict.PASS) {
            return "missed";
        }
        if (result.check().category() == Category.DEMONSTRATION && !verdict.isFailure()
                && verdict != Verdict.HARNESS_ERROR) {
            return "shown";
        }
        return result.passedInPart() ? PARTLY : verdict.id();
    }

    static String symbol(CheckResult result, boolean specimen) {
        Verdict verdict = result.verdict();
        if (specimen && caught(verdict)) {
            return "⚑";
        }
        if (result.check().category() == Category.DEMONSTRATION && !verdict.isFailure()
                && verdict != Verdict.HARNESS_ERROR) {
            return "▶";
        }
        if (result.passedInPart()) {
            return "◐";
        }
        switch (verdict) {
            case PASS:
            case HANDLED:
                return "✓";
            case FAIL:
                return "✗";
            case TIMEOUT:
                return "⧗";
            case HARNESS_ERROR:
                return "!";
            case NOT_RUN:
                return "–";
            case REPRODUCED:
                return "●";
            case DETECTED:
                return "◆";
            case NOT_SEEN:
                return "○";
            default:
                return "?";
        }
    }

    static String label(CheckResult result, boolean specimen) {
        Verdict verdict = result.verdict();
        if (specimen && caught(verdict)) {
            return "caught (" + verdict.label() + ")";
        }
        if (specimen && verdict == Verdict.PASS) {
            return "not caught by this check";
        }
        if (result.check().category() == Category.DEMONSTRATION && !verdict.isFailure()
                && verdict != Verdict.HARNESS_ERROR) {
            return "shown (a demonstration)";
        }
        return result.passedInPart() ? "pass, in part (" + result.details().get(CheckResult.PARTS_NOT_RUN)
                + " parts not run)" : verdict.label();
    }

    /**
     * A verdict's label with the first line of its message, the label said once where the message begins
     * with it: "not run: no JDK 25 found", not "not run — not run: no JDK 25 found".
     */
    static String labelled(String label, String message) {
        if (message == null || message.isBlank()) {
            return label;
        }
        String first = Defects.firstLine(message);
        return first.startsWith(label + ":") ? first : label + " — " + first;
    }

    /** A short figure for a matrix cell: samples for jcstress, otherwise the time. */
    static String figure(CheckResult result) {
        Object samples = result.details().get("samples");
        if (samples instanceof Number && ((Number) samples).longValue() > 0) {
            return compact(((Number) samples).longValue());
        }
        return duration(result.millis());
    }

    static String compact(long n) {
        if (n >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.1fG", n / 1e9);
        }
        if (n >= 1_000_000L) {
            return String.format(Locale.ROOT, "%.1fM", n / 1e6);
        }
        if (n >= 1_000L) {
            return String.format(Locale.ROOT, "%.1fk", n / 1e3);
        }
        return Long.toString(n);
    }

    static String duration(long millis) {
        if (millis >= 60_000) {
            return String.format(Locale.ROOT, "%dm %02ds", millis / 60_000, millis % 60_000 / 1000);
        }
        if (millis >= 1000) {
            return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
        }
        return millis + "ms";
    }
}
