package dev.waitgroup.reports;

import dev.waitgroup.catalogue.ImplementationKind;
import dev.waitgroup.catalogue.Suite;
import dev.waitgroup.record.ImplementationInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * Does the harness have teeth? Each specimen, its bug, the suites that must catch it, and what did:
 * the checks that caught it in each suite, linked to their evidence, and the fastest.
 */
record SpecimenView(List<Column> suites, List<Row> rows, String power) {

    /** Whether the run's selection held a specimen: without one there is no table, only a sentence saying so. */
    boolean any() {
        return !rows.isEmpty();
    }

    /** A suite's column: its id, and why it did not run here, if it did not ({@link Results#didNotRun}). */
    record Column(String id, String note) {
        @Override
        public String toString() {
            return id + (note.isEmpty() ? "" : " (" + note + ")");
        }
    }

    /** @param hidden why this run's hardware cannot show the bug, when it cannot; null otherwise */
    record Row(String name, String bug, String kind, String mustBeCaughtBy, List<BySuite> by, boolean caught,
               String hidden) {
    }

    /** @param notRun this suite looked at none of it: it did not run here, or could not run on this specimen */
    record BySuite(String suite, List<Link> checks, String fastest, boolean required, boolean notRun) {
    }

    static SpecimenView of(Results results, ReportContext context) {
        List<Column> suites = results.suites().stream().map(suite -> new Column(suite.id(), results.didNotRun(suite)
                .map(why -> "did not run: " + why).orElse(""))).toList();
        List<Row> rows = new ArrayList<>();
        String arch = results.arch();
        for (ImplementationInfo specimen : results.ofKind(ImplementationKind.SPECIMEN)) {
            List<Defects.Defect> catches = Defects.of(results, specimen);
            boolean visible = specimen.bug() == null || specimen.bug().visibleOn(arch);
            List<BySuite> by = new ArrayList<>();
            for (Suite suite : results.suites()) {
                List<Link> checks = new ArrayList<>();
                long fastest = Long.MAX_VALUE;
                for (Defects.Defect defect : catches) {
                    if (defect.suite() == suite) {
                        checks.add(new Link(defect.result().check().id(),
                                Results.anchor(suite, specimen.name(), defect.result().check())));
                        fastest = Math.min(fastest, defect.result().millis());
                    }
                }
                boolean notRun = results.notRunOn(suite, specimen.name());
                boolean required = visible && specimen.bug() != null && specimen.bug().mustBeCaughtBy().contains(suite)
                        && (suite != Suite.JCSTRESS || context.stress()) && !notRun;
                by.add(new BySuite(suite.id(), checks, checks.isEmpty() ? "" : Look.duration(fastest), required,
                        notRun));
            }
            String must = specimen.bug() == null ? "" : String.join(", ", specimen.bug().mustBeCaughtBy().stream()
                    .sorted().map(s -> s == Suite.JCSTRESS ? "jcstress (stress run)" : s.id()).toList());
            rows.add(new Row(specimen.name(), specimen.summary(),
                    specimen.bug() == null ? "" : specimen.bug().kind().name().toLowerCase(java.util.Locale.ROOT)
                            .replace('_', '-'), must, by, !catches.isEmpty(), visible ? null : "not visible on " + arch
                            + ": its hardware keeps loads in order; the stress run on AArch64 must catch it"));
        }
        return new SpecimenView(suites, rows, power(results));
    }

    /**
     * The power of exploration alone, beside the named checks': of the specimens whose bug shows in what
     * calls return, how many the suites that explore the contract caught, none of whose checks names a
     * bug; and how many the named checks caught. Empty when no exploring suite ran on a specimen.
     */
    private static String power(Results results) {
        int explored = 0;
        int caughtByExploring = 0;
        int checkedByNamed = 0;
        int caughtByNamed = 0;
        java.util.Map<Suite, Integer> bySuite = new java.util.EnumMap<>(Suite.class);
        for (ImplementationInfo specimen : results.ofKind(ImplementationKind.SPECIMEN)) {
            if (specimen.bug() == null || !specimen.bug().seenInWhatCallsReturn()) {
                continue;
            }
            List<Results.Finding> findings = results.findings(specimen.name());
            List<Defects.Defect> catches = Defects.of(results, specimen);
            findings = findings.stream().filter(f -> f.result().verdict() != dev.waitgroup.record.Verdict.NOT_RUN)
                    .toList(); // a suite that could not look explored nothing
            if (findings.stream().anyMatch(f -> f.suite().explores())) {
                explored++;
                if (catches.stream().anyMatch(c -> c.suite().explores())) {
                    caughtByExploring++;
                }
                catches.stream().map(Defects.Defect::suite).filter(Suite::explores).distinct()
                        .forEach(suite -> bySuite.merge(suite, 1, Integer::sum));
            }
            if (findings.stream().anyMatch(f -> !f.suite().explores())) {
                checkedByNamed++;
                if (catches.stream().anyMatch(c -> !c.suite().explores())) {
                    caughtByNamed++;
                }
            }
        }
        List<String> absent = new ArrayList<>();
        for (Suite suite : results.suites()) {
            if (suite.explores()) {
                results.didNotRun(suite).ifPresent(why -> absent.add(suite.id() + " did not run here: " + why));
            }
        }
        String notes = absent.isEmpty() ? "" : " (" + String.join("; ", absent) + ")";
        if (explored == 0) {
            return absent.isEmpty() ? "" : "Exploration alone caught no specimen: no suite that explores the contract"
                    + " looked at one" + notes + ".";
        }
        List<String> suites = new ArrayList<>();
        bySuite.forEach((suite, n) -> suites.add(suite.id() + " " + n));
        return "Exploration alone, with no check written for any bug, caught " + caughtByExploring + " of " + explored
                + " specimens whose bug shows in what calls return" + (suites.isEmpty() ? "" : " (" + String.join(", ",
                suites) + ")") + notes + "; the checks written for named bugs caught " + caughtByNamed + " of "
                + checkedByNamed + " they were run on.";
    }
}
