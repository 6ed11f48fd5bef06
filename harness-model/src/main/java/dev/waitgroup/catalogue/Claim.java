package dev.waitgroup.catalogue;

/**
 * What, beyond "a failure is a failure", the gate reads from a check's verdicts. A misuse check
 * observes; what it observes is held against what each implementation documents, or against the
 * reproduction's duty to keep showing its bug.
 */
public enum Claim {
    /** Nothing more: a failed or hung check fails the gate (or catches a specimen). */
    NONE,
    /**
     * The verdict measures the reuse behaviour: it must agree with the behaviour the implementation
     * documents ({@link ReuseBehaviour}); a specimen that contradicts its own claim is caught.
     */
    REUSE_BEHAVIOUR,
    /** An implementation documented to detect misuse (as Go panics) must be seen detecting it. */
    DETECTS_MISUSE,
    /**
     * A hunt that must keep its teeth: in the stress run it must reproduce its bug on every real
     * implementation (the bug is the client's; no implementation can prevent it).
     */
    SHOWS_BUG_IN_STRESS
}
