package dev.waitgroup.record;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.waitgroup.catalogue.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One verdict: one check on one implementation, with how it was seen and the proof.
 *
 * @param implementation the implementation's name
 * @param check          the check, from the catalogue
 * @param verdict        what the check concluded
 * @param millis         wall time of the check
 * @param how            how this verdict was seen: the engine and its budget ("model checking, 6 x 300
 *                       invocations", "jcstress quick, 1.2M samples")
 * @param message        one line for humans: what was observed (null when it passed silently)
 * @param evidence       the proof, in the order a reader wants it; empty when there is nothing to show
 * @param details        suite-specific figures (outcome counts, samples, the reuse behaviour seen)
 * @param reproduce      one shell command that reruns just this check on just this implementation
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record CheckResult(String implementation, Check check, Verdict verdict, long millis, String how,
                          String message, List<Evidence> evidence, Map<String, Object> details, String reproduce) {
    /**
     * The detail that counts the parts of a check its engine could not run (a Fray unit whose schedule Fray
     * lost control of): a {@link Verdict#PASS} with a count above zero held only for the parts that ran,
     * which {@code message} names.
     */
    public static final String PARTS_NOT_RUN = "parts not run";

    public CheckResult {
        Objects.requireNonNull(implementation, "implementation");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(verdict, "verdict");
        how = PlainText.of(how);
        message = PlainText.of(message);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    public static CheckResult of(String implementation, Check check, Verdict verdict, long millis, String how,
                                 String message) {
        return new CheckResult(implementation, check, verdict, millis, how, message, List.of(), Map.of(), null);
    }

    public CheckResult withEvidence(Evidence more) {
        List<Evidence> all = new ArrayList<>(evidence);
        all.add(more);
        return new CheckResult(implementation, check, verdict, millis, how, message, all, details, reproduce);
    }

    public CheckResult withDetails(Map<String, Object> details) {
        return new CheckResult(implementation, check, verdict, millis, how, message, evidence, details, reproduce);
    }

    public CheckResult withReproduce(String command) {
        return new CheckResult(implementation, check, verdict, millis, how, message, evidence, details, command);
    }

    /** True for a pass that holds only for the parts of the check that ran ({@link #PARTS_NOT_RUN}). */
    public boolean passedInPart() {
        Object notRun = details.get(PARTS_NOT_RUN);
        return verdict == Verdict.PASS && notRun instanceof Number && ((Number) notRun).longValue() > 0;
    }

    /** The key of this verdict in a run's manifest. */
    public Expected key() {
        return new Expected(implementation, check);
    }
}
