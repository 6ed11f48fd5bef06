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
record SpecimenView(List<String> suites, List<Row> rows) {

    /** @param hidden why this run's hardware cannot show the bug, when it cannot; null otherwise */
    record Row(String name, String bug, String kind, String mustBeCaughtBy, List<BySuite> by, boolean caught,
               String hidden) {
    }

    record BySuite(String suite, List<Link> checks, String fastest, boolean required) {
    }

    static SpecimenView of(Results results, ReportContext context) {
        List<String> suites = results.suites().stream().map(Suite::id).toList();
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
                boolean required = visible && specimen.bug() != null && specimen.bug().mustBeCaughtBy().contains(suite)
                        && (suite != Suite.JCSTRESS || context.stress());
                by.add(new BySuite(suite.id(), checks, checks.isEmpty() ? "" : Look.duration(fastest), required));
            }
            String must = specimen.bug() == null ? "" : String.join(", ", specimen.bug().mustBeCaughtBy().stream()
                    .sorted().map(s -> s == Suite.JCSTRESS ? "jcstress (stress run)" : s.id()).toList());
            rows.add(new Row(specimen.name(), specimen.summary(),
                    specimen.bug() == null ? "" : specimen.bug().kind().name().toLowerCase(java.util.Locale.ROOT)
                            .replace('_', '-'), must, by, !catches.isEmpty(), visible ? null : "not visible on " + arch
                            + ": its hardware keeps loads in order; the stress run on AArch64 must catch it"));
        }
        return new SpecimenView(suites, rows);
    }
}
