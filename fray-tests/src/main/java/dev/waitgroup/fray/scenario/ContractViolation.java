package dev.waitgroup.fray.scenario;

import dev.waitgroup.model.History;
import dev.waitgroup.model.Verdict;

/**
 * A history the contract's reference model does not explain: the run's failure, with the rule
 * broken, the model's sentence, and the history printed around the call that broke it. Thrown from a
 * scenario run, it fails the iteration; Fray then keeps the schedule's recording.
 */
public final class ContractViolation extends AssertionError {
    private static final long serialVersionUID = 1L;

    private final String rule;
    private final String sentence;
    private final String history;

    public ContractViolation(Verdict.Violation violation, History judged) {
        this(violation, judged, "");
    }

    /** A violation found in a history that ended as {@code how} says (empty: as the scenario ran it). */
    public ContractViolation(Verdict.Violation violation, History judged, String how) {
        super("[" + violation.rule().id() + "] " + violation.sentence() + (how.isEmpty() ? "" : " (" + how + ")"));
        this.rule = violation.rule().id();
        this.sentence = violation.sentence() + (how.isEmpty() ? "" : " (" + how + ")");
        this.history = judged.toText(violation.event(), 60) + (how.isEmpty() ? "" : how + "\n") + "verdict: "
                + violation + "\n";
    }

    /** The rule's id, e.g. {@code release}. */
    public String rule() {
        return rule;
    }

    public String sentence() {
        return sentence;
    }

    /** The history as the model judged it, with its verdict. */
    public String history() {
        return history;
    }
}
