package dev.waitgroup.jcstress.runner;

import dev.waitgroup.catalogue.Category;
import dev.waitgroup.catalogue.Check;
import dev.waitgroup.catalogue.HarnessCheck;
import dev.waitgroup.record.CheckResult;
import dev.waitgroup.record.Evidence;
import dev.waitgroup.record.Verdict;
import dev.waitgroup.jcstress.Means;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Turns a jcstress test's outcome table into a harness verdict.
 *
 * <p>The check is the one the test class names ({@link HarnessCheck}). A contract test passes when
 * no FORBIDDEN outcome was seen. A misuse test reproduces a client's bug; its {@link Means}
 * annotations say what each outcome means. Any detection makes the verdict DETECTED; otherwise the
 * bug counts as REPRODUCED when it showed in at least {@value #NOISE_PERCENT}% of the samples that
 * showed either the bug or the safe behaviour, and in at least {@value #NOISE_SAMPLES} of them: less
 * is timing noise (a waiter slower to wake than the test watches for) and the verdict is HANDLED. An
 * outcome that a correct but slow implementation shows too ({@link Means#slownessShowsItToo()}) counts
 * only where the safe outcome is under {@value #SAFE_PERCENT_WITH_THE_BUG}% of the two: an implementation
 * with the bug shows the safe outcome only by a narrow miss of the test's clock (raced-reuse on aqs: 236
 * of 8,049 samples, 2.9%, in 40 s of the thorough preset; 1 of 15 in sanity mode), a correct one
 * whenever it is quick enough (lock: 1,523 of 1,565 there; on a busy machine in sanity mode, phaser 4 of
 * 10, a fresh user's correct group 3 of 7). It is HANDLED where the safe outcome is half of the two or
 * more, and between the two shares the verdict is NOT_RUN, undecided: the few samples of sanity mode on
 * a busy machine do not tell the two apart (the rule before this one, the bug outnumbering the safe
 * outcome, called those correct groups silent). A misuse test that saw none of these did not show its
 * bug this time.
 *
 * <p>An outcome a test expects as ACCEPTABLE_INTERESTING is one it cannot judge, such as a wait whose
 * bound ran out before the machine ran the release (see {@code ReleaseClock}): a pass names how often
 * it was seen, so a pass made mostly of them is seen to prove little.
 *
 * <p>jcstress's own statuses: a test whose actor threw is a failure of the implementation; any other
 * error (a VM that died, a test that could not even be set up) is the implementation's failure when
 * its messages show the implementation's own frames, a {@code System.exit} from code under test, or
 * memory running out, and otherwise a harness error: it proves nothing about the implementation.
 */
final class JcstressVerdicts {
    static final int NOISE_PERCENT = 1;
    static final int NOISE_SAMPLES = 3;
    static final int SAFE_PERCENT_WITH_THE_BUG = 10;
    private static final String EXIT_WITNESSED = "System.exit was called from code under test";

    private JcstressVerdicts() {
    }

    private static boolean slownessShowsItToo(Means[] meanings) {
        for (Means meaning : meanings) {
            if (meaning.is() == Verdict.REPRODUCED && meaning.slownessShowsItToo()) {
                return true;
            }
        }
        return false;
    }

    /** The check a jcstress test class runs. */
    static Check checkOf(String testClass) {
        HarnessCheck check = testClass(testClass).getAnnotation(HarnessCheck.class);
        if (check == null) {
            throw new IllegalStateException(testClass + " names no check of the catalogue (@HarnessCheck)");
        }
        return check.value();
    }

    private static Class<?> testClass(String name) {
        try {
            return Class.forName(name, false, JcstressVerdicts.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("jcstress reported a test that is not on the class path: " + name, e);
        }
    }

    /**
     * @param implementation      the implementation's name, as results record it
     * @param implementationClass its class: a crash whose messages show this class's frames is the
     *                            implementation's doing, any other is the harness's
     */
    static CheckResult judge(String implementation, String implementationClass, TestSummary summary, long millis,
                             String how) {
        Check check = checkOf(summary.test());
        Verdict verdict;
        String message;
        List<TestSummary.Outcome> forbidden = seen(summary, TestSummary.Outcome::forbidden);
        String messages = String.join("\n", summary.messages());
        if (!forbidden.isEmpty()) {
            verdict = Verdict.FAIL;
            message = "forbidden outcome " + describe(forbidden);
        } else if (!"NORMAL".equals(summary.status())) {
            switch (summary.status()) {
                case "TIMEOUT_ERROR":
                    verdict = Verdict.TIMEOUT;
                    break;
                case "TEST_ERROR":
                    verdict = Verdict.FAIL;
                    break;
                default:
                    verdict = messages.contains(EXIT_WITNESSED) || messages.contains("OutOfMemoryError")
                            || messages.contains(implementationClass + ".") ? Verdict.FAIL : Verdict.HARNESS_ERROR;
                    break;
            }
            message = "jcstress status " + summary.status() + firstMessage(summary);
        } else if (summary.samples() == 0) {
            verdict = Verdict.NOT_RUN;
            message = "no samples (sanity mode runs termination tests for 0 ms): not a pass";
        } else if (check.category() != Category.MISUSE) {
            verdict = Verdict.PASS;
            List<TestSummary.Outcome> unjudged = seen(summary, TestSummary.Outcome::interesting);
            message = String.format("%,d samples, no forbidden outcome", summary.samples())
                    + (unjudged.isEmpty() ? "" : "; not judged: " + describe(unjudged));
        } else {
            Means[] meanings = testClass(summary.test()).getAnnotationsByType(Means.class);
            List<TestSummary.Outcome> detected = seen(summary, o -> means(meanings, o, Verdict.DETECTED));
            List<TestSummary.Outcome> bug = seen(summary, o -> means(meanings, o, Verdict.REPRODUCED));
            List<TestSummary.Outcome> safe = seen(summary, o -> means(meanings, o, Verdict.HANDLED));
            boolean bugBeyondNoise = total(bug) * 100 >= NOISE_PERCENT * (total(bug) + total(safe));
            boolean slowness = slownessShowsItToo(meanings);
            if (!detected.isEmpty()) {
                verdict = Verdict.DETECTED;
                message = "detected: " + describe(detected);
            } else if (!bug.isEmpty() && bugBeyondNoise && (safe.isEmpty() || total(bug) >= NOISE_SAMPLES)
                    && (!slowness || total(safe) * 100 < SAFE_PERCENT_WITH_THE_BUG * (total(bug) + total(safe)))) {
                verdict = Verdict.REPRODUCED;
                message = "reproduced: " + describe(bug) + (safe.isEmpty() ? "" : "; safe: " + describe(safe))
                        + (slowness ? " (the safe outcome under " + SAFE_PERCENT_WITH_THE_BUG
                        + "% of the two: a correct implementation shows it whenever its waiter wakes within the watch)"
                        : "");
            } else if (slowness && bugBeyondNoise && total(safe) < total(bug)) {
                verdict = Verdict.NOT_RUN;
                message = "undecided, which proves nothing: " + describe(bug) + " against " + describe(safe) + "; with"
                        + " the bug, the safe outcome shows in under " + SAFE_PERCENT_WITH_THE_BUG + "% of the two (a"
                        + " narrow miss of the test's clock), and a correct implementation whose waiter is slow to wake"
                        + " on a busy machine shows fewer safe outcomes than these; the contract suite's check of the"
                        + " same reuse decides it without a race";
            } else if (!safe.isEmpty()) {
                verdict = Verdict.HANDLED;
                message = "handled: " + describe(safe) + (bug.isEmpty() ? "" : "; not counted as the bug, "
                        + (slowness ? "the safe outcome, half of the two or more, is one an"
                        + " implementation with the bug shows only by a narrow miss, and a slow waiter explains these as"
                        + " well"
                        : "too rare to count (the noise rule)") + ": " + describe(bug));
            } else {
                verdict = Verdict.NOT_SEEN;
                message = String.format("the bug did not show in %,d samples", summary.samples());
            }
        }
        CheckResult result = new CheckResult(implementation, check, verdict, millis, how + ", "
                + String.format("%,d samples in %d configurations", summary.samples(), summary.configurations()),
                message, List.of(), details(summary), null);
        if (!summary.outcomes().isEmpty()) {
            result = result.withEvidence(new Evidence(Evidence.Kind.OUTCOME_TABLE,
                    "jcstress's outcomes for " + summary.description(), summary.table()));
        }
        if (!"NORMAL".equals(summary.status()) && !messages.isBlank()) {
            result = result.withEvidence(new Evidence(Evidence.Kind.OUTPUT, "what jcstress's test VM reported",
                    messages.length() > 6_000 ? messages.substring(0, 6_000) + "\n..." : messages));
        }
        return result;
    }

    private static boolean means(Means[] meanings, TestSummary.Outcome outcome, Verdict verdict) {
        for (Means meaning : meanings) {
            if (meaning.is() != verdict) {
                continue;
            }
            for (String id : meaning.outcome()) {
                if (id.equals(outcome.id()) || Pattern.matches(id, outcome.id())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<TestSummary.Outcome> seen(TestSummary summary, Predicate<TestSummary.Outcome> filter) {
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
