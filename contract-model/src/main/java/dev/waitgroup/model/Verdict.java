package dev.waitgroup.model;

import java.util.Objects;

/** The checker's answer about one history. */
public sealed interface Verdict {

    /** Some order of the operations, consistent with their real-time order, satisfies every rule. */
    record Explained() implements Verdict {
        @Override
        public String toString() {
            return "explained";
        }
    }

    /**
     * No explanation exists: {@code rule} is broken by the event {@code event} (its id), as {@code sentence} says.
     */
    record Violation(Rule rule, int event, String sentence) implements Verdict {
        public Violation {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(sentence, "sentence");
        }

        @Override
        public String toString() {
            return "violation of [" + rule.id() + "]: " + sentence;
        }
    }

    /**
     * The history cannot be judged: the run itself was held up too long for its timing to mean anything.
     * Rerun it; never count it either way. {@code wouldBe} is the violation it would otherwise have been.
     */
    record Inconclusive(String reason, Violation wouldBe) implements Verdict {
        @Override
        public String toString() {
            return "inconclusive: " + reason;
        }
    }

    Explained EXPLAINED = new Explained();

    default boolean isViolation() {
        return this instanceof Violation;
    }
}
