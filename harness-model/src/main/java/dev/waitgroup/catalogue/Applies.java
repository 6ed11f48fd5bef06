package dev.waitgroup.catalogue;

/** Which implementations a check is run on. */
public enum Applies {
    /** Every implementation, plugged-in class and specimen. */
    EVERY,
    /** Implementations and plugged-in classes: on a specimen's broken counter it would only repeat its own checks. */
    NOT_SPECIMENS,
    /** Only what documents itself generation-safe: the check verifies that promise. */
    GENERATION_SAFE_CLAIM,
    /**
     * Everything but what documents that it refuses a round opened under a waiter by throwing, as Go
     * panics: for such a WaitGroup the scenario is the misuse that a misuse check judges, and a refusal
     * is its documented answer, not a contract failure.
     */
    REUSE_NOT_REFUSED;

    /** Whether a check so marked runs on a WaitGroup of this kind that documents this reuse behaviour. */
    public boolean to(ImplementationKind kind, ReuseBehaviour documentedReuse) {
        switch (this) {
            case NOT_SPECIMENS:
                return kind != ImplementationKind.SPECIMEN;
            case GENERATION_SAFE_CLAIM:
                return documentedReuse == ReuseBehaviour.FINISHES_OLD_ROUND;
            case REUSE_NOT_REFUSED:
                return documentedReuse != ReuseBehaviour.DETECTS_AND_THROWS;
            default:
                return true;
        }
    }
}
