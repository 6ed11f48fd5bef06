package dev.waitgroup.record;

import java.util.List;

/**
 * How much of one implementation the harness sees: its mutants, and which of them some check
 * noticed. A mutant is killed when a check's verdict turns into a defect (a failure, a hang, a
 * contradicted claim) or the check JVM times out; it survives when every check that ran its code
 * still passes; it has no coverage when no check runs its code at all. An equivalent mutant cannot
 * change behaviour (the reason is recorded): it counts neither way.
 *
 * @param implementation the implementation's name
 * @param how            the engine and the checks that ran ("PIT 1.30.2 on the contract suite, ...")
 * @param millis         wall time
 * @param mutants        every mutant made
 * @param killed         noticed by a check (failed or hung)
 * @param timedOut       of {@code killed}: noticed because the check JVM did not finish in time
 * @param survived       ran by some check, noticed by none
 * @param noCoverage     ran by no check
 * @param equivalent     declared equivalent (see {@link Mutant#equivalentBecause()})
 * @param error          why the measurement failed; null when it ran
 * @param notKilled      every mutant not killed: survivors, the uncovered, the equivalent
 */
public record MutationScore(String implementation, String how, long millis, int mutants, int killed, int timedOut,
                            int survived, int noCoverage, int equivalent, String error, List<Mutant> notKilled) {

    public MutationScore {
        notKilled = notKilled == null ? List.of() : List.copyOf(notKilled);
    }

    /** Killed of the mutants that can change behaviour, in percent; -1 when none was made. */
    public double percent() {
        int judged = mutants - equivalent;
        return judged <= 0 ? -1 : 100.0 * killed / judged;
    }

    /**
     * One mutant that no check killed.
     *
     * @param className         the class mutated
     * @param method            the method
     * @param line              the source line
     * @param mutator           the mutator's short name (PIT's, or {@code WG_...} for wg-lab's own)
     * @param description       what the mutant changes, as PIT says it
     * @param status            {@code survived}, {@code no-coverage} or {@code equivalent}
     * @param sourceLine        the line as written (null without sources)
     * @param coveredBy         the checks that ran this code (catalogue ids), which all still passed
     * @param equivalentBecause why it cannot change behaviour; null unless equivalent
     */
    public record Mutant(String className, String method, int line, String mutator, String description, String status,
                         String sourceLine, List<String> coveredBy, String equivalentBecause) {
        public Mutant {
            coveredBy = coveredBy == null ? List.of() : List.copyOf(coveredBy);
        }
    }
}
