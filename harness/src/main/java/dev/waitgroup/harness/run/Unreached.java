package dev.waitgroup.harness.run;

import dev.waitgroup.catalogue.Check;
import dev.waitgroup.record.CheckResult;
import dev.waitgroup.record.Evidence;
import dev.waitgroup.record.Verdict;

/**
 * Why a unit of work never ran: its implementation spent its budget in this engine, or a child JVM
 * ended without running any unit, so that starting another would not either.
 *
 * @param kind    which of the two
 * @param message one sentence that says it
 * @param hanging the budget went on hangs (calls that stood still), not on a slow JVM
 * @param output  the last output of the JVM that made no progress; empty otherwise
 */
public record Unreached(Kind kind, String message, boolean hanging, String output) {

    /** Why. */
    public enum Kind {
        /** The implementation's units together took its whole budget in this engine. */
        BUDGET_SPENT,
        /** A JVM ended without running any of the units it was given. */
        NO_PROGRESS
    }

    /**
     * The verdict: a budget spent on hangs is a timeout (the implementation hangs, here is where); a
     * budget spent on a slow JVM, or a JVM that ran nothing, proves nothing: a harness error.
     */
    public CheckResult verdict(String implementation, Check check, String how) {
        Verdict verdict = kind == Kind.BUDGET_SPENT && hanging ? Verdict.TIMEOUT : Verdict.HARNESS_ERROR;
        CheckResult result = CheckResult.of(implementation, check, verdict, 0, how, message);
        return output.isEmpty() ? result
                : result.withEvidence(new Evidence(Evidence.Kind.OUTPUT, "the JVM's last output", output));
    }
}
