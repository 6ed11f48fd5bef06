package dev.waitgroup.catalogue;

import dev.waitgroup.record.Verdict;
import java.util.EnumMap;
import java.util.Map;

/**
 * What a claim-bearing check's verdict says against an implementation's own word (its class
 * comment's reuse behaviour). One reading for every reader: the report's defects and its choice
 * table, the gate, and a check run under mutation testing, so that "contradicted" means the same
 * everywhere.
 */
public final class Claims {
    /**
     * The verdict a reuse measurement gives each reuse behaviour: the one declaration of which
     * verdict shows which behaviour, read both ways ({@link #expected}, {@link #observed}).
     */
    private static final Map<ReuseBehaviour, Verdict> MEASURED_AS = new EnumMap<>(Map.of(
            ReuseBehaviour.FINISHES_OLD_ROUND, Verdict.HANDLED,
            ReuseBehaviour.DETECTS_AND_THROWS, Verdict.DETECTED,
            ReuseBehaviour.WAITS_FOR_NEW_ROUND, Verdict.REPRODUCED));

    private Claims() {
    }

    /**
     * Why {@code verdict} of {@code check} contradicts what the implementation documents; null when it
     * does not (or the check makes no claim, or the verdict is no observation of the behaviour).
     */
    public static String contradiction(ReuseBehaviour documented, Check check, Verdict verdict) {
        Claim claim = check.claim();
        if (claim == Claim.REUSE_BEHAVIOUR && documented != ReuseBehaviour.UNKNOWN && verdict != expected(documented)
                && isObservation(verdict)) {
            return "documents reuse behaviour '" + documented.shortWords() + "' but " + check.id() + " saw "
                    + verdict.label();
        }
        if (claim == Claim.DETECTS_MISUSE && documented == ReuseBehaviour.DETECTS_AND_THROWS
                && verdict != Verdict.DETECTED && isObservation(verdict)) {
            return "documents that it detects misuse, but " + check.id() + " found no interleaving where it does ("
                    + verdict.label() + ")";
        }
        return null;
    }

    /** The verdict a reuse measurement gives a group that behaves as documented; null for UNKNOWN. */
    public static Verdict expected(ReuseBehaviour documented) {
        return MEASURED_AS.get(documented);
    }

    /**
     * The reuse behaviour a reuse measurement's verdict shows; {@link ReuseBehaviour#UNKNOWN} for a
     * verdict that shows none (a failure, a hang, a harness error, ...).
     */
    public static ReuseBehaviour observed(Verdict verdict) {
        for (Map.Entry<ReuseBehaviour, Verdict> entry : MEASURED_AS.entrySet()) {
            if (entry.getValue() == verdict) {
                return entry.getKey();
            }
        }
        return ReuseBehaviour.UNKNOWN;
    }

    private static boolean isObservation(Verdict verdict) {
        return observed(verdict) != ReuseBehaviour.UNKNOWN;
    }
}
