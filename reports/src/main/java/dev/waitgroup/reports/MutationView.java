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

    /** One mutant no check killed; {@code coveredBy} names a few of the checks, {@code coveredByAll} all of them. */
    record Shown(String where, String status, String line, String change, String coveredBy, String coveredByAll,
                 String equivalentBecause) {
    }

    /** Checks named in a survivor's row before "and N more" (all of them on hover). */
    static final int CHECKS_SHOWN = 4;

    /** At least this share killed of the mutants that can change behaviour reads as strong. */
    static final double STRONG_PERCENT = 90;

    /** Survivors first (what to work on), then the uncovered, then the equivalent. */
    private static final List<String> STATUS_ORDER = List.of("survived", "no-coverage", "equivalent");

    static MutationView of(Results results, String runId) {
        MutationResults mutation = results.inputs.mutation;
        if (mutation == null) {
            return new MutationView(false, results.inputs.mutationProblem, null, List.of(), List.of());
        }
        List<Row> rows = new ArrayList<>();
        for (MutationScore score : mutation.scores()) {
            List<Shown> shown = new ArrayList<>();
            List<MutationScore.Mutant> mutants = new ArrayList<>(score.notKilled());
            mutants.sort(java.util.Comparator.comparingInt(m -> STATUS_ORDER.indexOf(m.status())));
            for (MutationScore.Mutant mutant : mutants) {
                List<String> checks = mutant.coveredBy();
                String few = checks.isEmpty() ? "no check runs this line"
                        : String.join(", ", checks.subList(0, Math.min(CHECKS_SHOWN, checks.size())))
                        + (checks.size() > CHECKS_SHOWN ? " and " + (checks.size() - CHECKS_SHOWN) + " more" : "");
                shown.add(new Shown(simple(mutant.className()) + "." + mutant.method() + ":" + mutant.line(),
                        mutant.status(), mutant.sourceLine() == null ? "(no source at hand)" : mutant.sourceLine(),
                        mutant.description(), few, String.join(", ", checks), mutant.equivalentBecause()));
            }
            double percent = score.percent();
            rows.add(new Row(score.implementation(), score.error() != null ? "not measured"
                    : percent < 0 ? "no mutants" : String.format("%.0f%%", percent),
                    score.error() == null && percent >= STRONG_PERCENT, score.mutants(), score.killed(),
                    score.timedOut(), score.survived(), score.noCoverage(), score.equivalent(),
                    String.valueOf(score.millis() / 1000), score.error(), shown));
        }
        String run = (mutation.complete() ? "" : "cut short: ") + mutation.scores().size() + " of "
                + mutation.implementations().size() + (mutation.implementations().size() == 1 ? " implementation"
                : " implementations") + " measured, run " + mutation.run().id()
                + (mutation.run().id().equals(runId) ? "" : " (another run than the suites')");
        return new MutationView(true, null, run, mutation.notes(), rows);
    }

    private static String simple(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
