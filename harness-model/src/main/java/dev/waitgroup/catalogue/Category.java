package dev.waitgroup.catalogue;

/** What a check is for, which decides how the gate reads its verdict. */
public enum Category {
    /**
     * Must hold for every implementation: a failure fails the build, and on a specimen it means
     * "caught".
     */
    CONTRACT,
    /**
     * A client bug from the Go world, run on every implementation: the verdict says what the
     * implementation did with it (the bug showed, it was detected, or handled). The gate reads it
     * only against what the implementation documents.
     */
    MISUSE,
    /**
     * A scripted demonstration for teaching: it shows a bug by construction, so it cannot fail on
     * purpose and the gate never counts it, except when the implementation breaks the contract
     * while it runs.
     */
    DEMONSTRATION
}
