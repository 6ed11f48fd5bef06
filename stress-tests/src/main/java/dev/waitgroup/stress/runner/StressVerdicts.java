package dev.waitgroup.stress.runner;

import dev.waitgroup.record.Category;
import dev.waitgroup.record.CheckResult;
import dev.waitgroup.record.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a jcstress test summary into a harness verdict.
 *
 * <p>Tests in the {@code contract} package pass when no FORBIDDEN outcome was seen. Tests in the
 * {@code misuse} package reproduce a client bug; their {@code @Outcome} descriptions say what each
 * outcome means, by a prefix the verdict reads: {@code "THE BUG:"} or {@code "SILENT:"} (the bug
 * showed: reproduced), {@code "DETECTED:"} (the implementation threw), {@code "SAFE:"} (the
 * implementation handled it). Any detection makes the verdict DETECTED; otherwise the bug counts as
 * REPRODUCED when it showed in at least {@value #NOISE_PERCENT}% of the samples that showed either
 * the bug or the safe behaviour, and in at least {@value #NOISE_SAMPLES} of them: less is timing
 * noise (a waiter slower to wake than the test watches for) and the verdict is HANDLED. A misuse
 * test that saw none of these did not show its bug this time.
 */
final class StressVerdicts {
    static final String RUN_CHECK = "jcstress-run";
    static final int NOISE_PERCENT = 1;
    static final int NOISE_SAMPLES = 3;

    private StressVerdicts() {
    }

    /** The check id of a test class: its simple name in kebab case, e.g. {@code no-lost-wake-up}. */
    static String checkId(String testClass) {
        String simple = testClass.substring(testClass.lastIndexOf('.') + 1);
        return simple.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    static Category category(String testClass) {
        return testClass.contains(".misuse.") ? Category.MISUSE : Category.CONTRACT;
    }

    static CheckResult judge(String implementation, TestSummary summary, long millis) {
        Category category = category(summary.test());
        Verdict verdict;
        String message;
        List<TestSummary.Outcome> forbidden = seen(summary, o -> o.forbidden());
        if (!forbidden.isEmpty()) {
            verdict = Verdict.FAIL;
            message = "forbidden outcome " + describe(forbidden);
        } else if (!"NORMAL".equals(summary.status())) {
            verdict = "TIMEOUT_ERROR".equals(summary.status()) ? Verdict.TIMEOUT
                    : "TEST_ERROR".equals(summary.status()) ? Verdict.FAIL : Verdict.ERROR;
            message = "jcstress status " + summary.status() + firstMessage(summary);
        } else if (summary.samples() == 0) {
            verdict = Verdict.NOT_RUN;
            message = "no samples (sanity mode runs termination tests for 0 ms): not a pass";
        } else if (category == Category.CONTRACT) {
            verdict = Verdict.PASS;
            message = String.format("%,d samples, no forbidden outcome", summary.samples());
        } else {
            List<TestSummary.Outcome> detected = seen(summary, o -> o.description().startsWith("DETECTED:"));
            List<TestSummary.Outcome> bug = seen(summary,
                    o -> o.description().startsWith("THE BUG:") || o.description().startsWith("SILENT:"));
            List<TestSummary.Outcome> safe = seen(summary, o -> o.description().startsWith("SAFE:"));
            if (!detected.isEmpty()) {
                verdict = Verdict.DETECTED;
                message = "detected: " + describe(detected);
            } else if (!bug.isEmpty() && total(bug) * 100 >= NOISE_PERCENT * (total(bug) + total(safe))
                    && (safe.isEmpty() || total(bug) >= NOISE_SAMPLES)) {
                verdict = Verdict.REPRODUCED;
                message = "reproduced: " + describe(bug) + (safe.isEmpty() ? "" : "; safe: " + describe(safe));
            } else if (!safe.isEmpty()) {
                verdict = Verdict.HANDLED;
                message = "handled: " + describe(safe) + (bug.isEmpty() ? "" : "; bug: " + describe(bug));
            } else {
                verdict = Verdict.NOT_SEEN;
                message = String.format("the bug did not show in %,d samples", summary.samples());
            }
        }
        String evidence = summary.table() + (summary.messages().isEmpty() ? ""
                : "\n" + String.join("\n", summary.messages().subList(0, Math.min(30, summary.messages().size()))));
        return new CheckResult(implementation, checkId(summary.test()), category, verdict, millis, message, evidence,
                details(summary));
    }

    private interface OutcomeFilter {
        boolean test(TestSummary.Outcome outcome);
    }

    private static List<TestSummary.Outcome> seen(TestSummary summary, OutcomeFilter filter) {
        List<TestSummary.Outcome> result = new ArrayList<>();
        for (TestSummary.Outcome outcome : summary.outcomes()) {
            if (outcome.seen() && filter.test(outcome)) {
                result.add(outcome);
            }
        }
        return result;
    }

    private static long total(List<TestSummary.Outcome> outcomes) {
        long total = 0;
        for (TestSummary.Outcome outcome : outcomes) {
            total += outcome.count();
        }
        return total;
    }

    private static String describe(List<TestSummary.Outcome> outcomes) {
        List<String> parts = new ArrayList<>();
        for (TestSummary.Outcome outcome : outcomes) {
            parts.add(String.format("\"%s\" x%,d (%s)", outcome.id(), outcome.count(), outcome.description()));
        }
        return String.join("; ", parts);
    }

    private static String firstMessage(TestSummary summary) {
        for (String line : summary.messages()) {
            if (!line.isBlank()) {
                return ": " + line.trim();
            }
        }
        return "";
    }

    private static Map<String, Object> details(TestSummary summary) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("test", summary.test());
        details.put("title", summary.description());
        details.put("status", summary.status());
        details.put("samples", summary.samples());
        details.put("configurations", summary.configurations());
        List<Map<String, Object>> outcomes = new ArrayList<>();
        for (TestSummary.Outcome outcome : summary.outcomes()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", outcome.id());
            row.put("count", outcome.count());
            row.put("expect", outcome.expect());
            row.put("description", outcome.description());
            outcomes.add(row);
        }
        details.put("outcomes", outcomes);
        return details;
    }
}
