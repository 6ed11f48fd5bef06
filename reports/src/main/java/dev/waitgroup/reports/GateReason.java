package dev.waitgroup.reports;

import dev.waitgroup.catalogue.Check;
import dev.waitgroup.catalogue.Suite;

/**
 * One reason the gate fails: about the run as a whole ({@code implementation} null) or about one
 * WaitGroup, found by a suite and a check where it can say, with the anchor of its evidence.
 */
record GateReason(String implementation, Suite suite, Check check, Kind kind, String text, String anchor) {

    /** What kind of reason it is. */
    enum Kind {
        /** The run: a suite's results missing, of another run, cut short. */
        RUN("the run"),
        /** A verdict a suite promised is missing. */
        MISSING("missing verdicts"),
        /** A check failed or hung, or the implementation contradicts its documentation. */
        FAILED("failed"),
        /** The harness could not reach a verdict. */
        HARNESS_ERROR("error (harness)"),
        /** A specimen escaped. */
        ESCAPED("specimen escaped"),
        /** A hunt stopped showing its bug. */
        TEETH("lost teeth");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    static GateReason run(Suite suite, String text) {
        return new GateReason(null, suite, null, Kind.RUN, text, null);
    }

    /** One line, as the console and the JUnit XML say it. */
    String line() {
        return (implementation == null ? "" : implementation + ": ") + (suite == null ? "" : suite.id() + ": ") + text;
    }
}
