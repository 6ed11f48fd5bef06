package dev.waitgroup.harness.junit;

import dev.waitgroup.record.Evidence;
import dev.waitgroup.record.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a check saw, beyond pass or fail: a misuse check states its verdict here (reproduced,
 * detected, handled) with the figures behind it; any check may say how it looked (trials, budgets)
 * and leave evidence (a Lincheck interleaving) and details. Injected as a test method parameter.
 */
public final class Observation {
    private Verdict verdict;
    private String message;
    private String how;
    private final List<Evidence> evidence = new ArrayList<>();
    private final Map<String, Object> details = new LinkedHashMap<>();

    /** States the verdict of a misuse check, or a harness error the check itself recognised, and what was seen. */
    public void verdict(Verdict verdict, String message) {
        this.verdict = verdict;
        this.message = message;
    }

    /** How the check looked, beyond its suite's way: "200 trials", "model checking, 6 x 300 invocations". */
    public void how(String how) {
        this.how = how;
    }

    /** The proof a reader of the report needs: recorded whatever the verdict. */
    public void evidence(Evidence.Kind kind, String caption, String text) {
        evidence.add(new Evidence(kind, caption, text));
    }

    public void detail(String key, Object value) {
        details.put(key, value);
    }

    Verdict verdict() {
        return verdict;
    }

    String message() {
        return message;
    }

    String how() {
        return how;
    }

    List<Evidence> evidence() {
        return evidence;
    }

    Map<String, Object> details() {
        return details;
    }
}
