package dev.waitgroup.record;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import java.util.Objects;

/**
 * One record of a results file: one check on one implementation.
 *
 * @param implementation the registry name
 * @param check          the check's identifier, stable across runs (e.g. {@code negative-refused})
 * @param category       contract or misuse
 * @param verdict        what the check concluded
 * @param millis         wall time of the check
 * @param message        one line for humans: what was observed (null when it passed silently)
 * @param evidence       the proof for a teacher: a jcstress outcome table, a Lincheck interleaving,
 *                       a stack trace; null when there is nothing to show
 * @param details        suite-specific figures (outcome counts, samples, iterations, the reuse
 *                       behaviour seen); an empty map when there are none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CheckResult(String implementation, String check, Category category, Verdict verdict, long millis,
                          String message, String evidence, Map<String, Object> details) {

    public CheckResult {
        Objects.requireNonNull(implementation, "implementation");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(verdict, "verdict");
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    public static CheckResult of(String implementation, String check, Category category, Verdict verdict,
                                 long millis, String message) {
        return new CheckResult(implementation, check, category, verdict, millis, message, null, Map.of());
    }

    public CheckResult withEvidence(String evidence) {
        return new CheckResult(implementation, check, category, verdict, millis, message, evidence, details);
    }

    public CheckResult withDetails(Map<String, Object> details) {
        return new CheckResult(implementation, check, category, verdict, millis, message, evidence, details);
    }
}
