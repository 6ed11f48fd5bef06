package dev.waitgroup.harness;

import dev.waitgroup.record.Verdict;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a check saw, beyond pass or fail: a misuse reproduction states its verdict here
 * (reproduced, detected, handled) with the figures behind it, and any check may leave evidence
 * (a Lincheck interleaving) and details. Injected as a test method parameter.
 */
public final class Observation {
    private Verdict verdict;
    private String message;
    private String evidence;
    private final Map<String, Object> details = new LinkedHashMap<>();

    /** States the verdict of a misuse reproduction, and what was seen. */
    public void verdict(Verdict verdict, String message) {
        this.verdict = verdict;
        this.message = message;
    }

    /** The proof a reader of the report needs: recorded whatever the verdict. */
    public void evidence(String evidence) {
        this.evidence = evidence;
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

    String evidence() {
        return evidence;
    }

    /** The evidence left so far by the check itself, to read back; null if none. */
    public String evidenceText() {
        return evidence;
    }

    Map<String, Object> details() {
        return details;
    }
}
