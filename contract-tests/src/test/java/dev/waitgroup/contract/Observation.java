package dev.waitgroup.contract;

import dev.waitgroup.results.Verdict;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a check saw, beyond pass or fail: a misuse reproduction states its verdict here
 * (reproduced, detected, handled) with the figures behind it. Injected as a test method parameter.
 */
final class Observation {
    private Verdict verdict;
    private String message;
    private final Map<String, Object> details = new LinkedHashMap<>();

    /** States the verdict of a misuse reproduction, and what was seen. */
    void verdict(Verdict verdict, String message) {
        this.verdict = verdict;
        this.message = message;
    }

    void detail(String key, Object value) {
        details.put(key, value);
    }

    Verdict verdict() {
        return verdict;
    }

    String message() {
        return message;
    }

    Map<String, Object> details() {
        return details;
    }
}
