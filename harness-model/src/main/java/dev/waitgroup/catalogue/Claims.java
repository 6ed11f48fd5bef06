package dev.waitgroup.catalogue;

import dev.waitgroup.record.Verdict;

/**
 * What a claim-bearing check's verdict says against an implementation's own word (its class
 * comment's reuse behaviour). One reading for every reader: the report's defects, the gate, and a
 * check run under mutation testing, so that "contradicted" means the same everywhere.
 */
public final class Claims {
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

    /** The verdict a reuse measurement gives a group that behaves as documented. */
    public static Verdict expected(ReuseBehaviour documented) {
        switch (documented) {
            case FINISHES_OLD_ROUND:
                return Verdict.HANDLED;
            case DETECTS_AND_THROWS:
                return Verdict.DETECTED;
            case WAITS_FOR_NEW_ROUND:
                return Verdict.REPRODUCED;
            default:
                return null;
        }
    }

    private static boolean isObservation(Verdict verdict) {
        return verdict == Verdict.HANDLED || verdict == Verdict.DETECTED || verdict == Verdict.REPRODUCED;
    }
}
