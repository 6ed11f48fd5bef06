package dev.waitgroup.reports;

import dev.waitgroup.record.MutationResults;
import dev.waitgroup.record.MutationScore;
import java.util.ArrayList;
import java.util.List;

/**
 * Harness power as a number: per implementation, the share of its mutants some check kills, and every
 * mutant none kills, shown as the line it changes and the checks that ran it (the list of what the
 * harness cannot see yet). Absent when no mutation run wrote scores into this results folder.
 */
record MutationView(boolean present, String problem, String run, List<String> notes, List<Row> rows) {

    /** One implementation's score. */
    record Row(String name, String score, boolean strong, int mutants, int killed, int timedOut, int survived,
               int noCoverage, int equivalent, String seconds, String error, List<Shown> notKilled) {
        boolean anyNotKilled() {
            return !notKilled.isEmpty();
        }

        int notKilledCount() {
            return notKilled.size();
        }
    }

    /** One mutant no check killed. */
    record Shown(String where, String status, String line, String change, String coveredBy, String equivalentBecause) {
    }

    /** At least this share killed of the mutants that can change behaviour reads as strong. */
    static final double STRONG_PERCENT = 90;

    static MutationView of(Results results, String runId) {
        MutationResults mutation = results.inputs.mutation;
        if (mutation == null) {
            return new MutationView(false, results.inputs.mutationProblem, null, List.of(), List.of());
        }
        List<Row> rows = new ArrayList<>();
        for (MutationScore score : mutation.scores()) {
            List<Shown> shown = new ArrayList<>();
            for (MutationScore.Mutant mutant : score.notKilled()) {
                shown.add(new Shown(simple(mutant.className()) + "." + mutant.method() + ":" + mutant.line(),
                        mutant.status(), mutant.sourceLine() == null ? "(no source at hand)" : mutant.sourceLine(),
                        mutant.description(), mutant.coveredBy().isEmpty() ? "no check runs this line"
                        : String.join(", ", mutant.coveredBy()), mutant.equivalentBecause()));
            }
            double percent = score.percent();
            rows.add(new Row(score.implementation(), score.error() != null ? "not measured"
                    : percent < 0 ? "no mutants" : String.format("%.0f%%", percent),
                    score.error() == null && percent >= STRONG_PERCENT, score.mutants(), score.killed(),
                    score.timedOut(), score.survived(), score.noCoverage(), score.equivalent(),
                    String.valueOf(score.millis() / 1000), score.error(), shown));
        }
        String run = (mutation.complete() ? "" : "cut short: ") + mutation.scores().size() + " of "
                + mutation.implementations().size() + " implementations measured, run " + mutation.run().id()
                + (mutation.run().id().equals(runId) ? "" : " (another run than the suites')");
        return new MutationView(true, null, run, mutation.notes(), rows);
    }

    private static String simple(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
