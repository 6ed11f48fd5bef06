package dev.waitgroup.reports;

import dev.waitgroup.catalogue.Check;
import dev.waitgroup.catalogue.Suite;
import dev.waitgroup.record.CheckResult;
import dev.waitgroup.record.ImplementationInfo;
import dev.waitgroup.record.SuiteResults;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs of one build on several JDKs, side by side: each run's gate with a link to its own report, and
 * every verdict (implementation × check) that is not the same on every JDK. The combined gate passes
 * only if every run's gate passed. Speed figures are left to each run's report: two JDKs may have run on
 * two machines, and figures are only compared within one run.
 *
 * @param agreeing how many verdicts read the same on every JDK
 */
record SideBySideView(String generatedAt, List<Column> runs, boolean passed, int agreeing,
                      List<Difference> differences) {

    /** One run, as its own report judged it. */
    record Column(String java, String runId, String jvm, String mode, String link, boolean passed, int reasons,
                  int verdicts) {
    }

    /** One verdict that differs between the JDKs. */
    record Difference(String implementation, String suite, String check, String title, List<Cell> cells) {
    }

    record Cell(String cls, String symbol, String label, String link) {
    }

    /** One run's report: its results, the gate's reasons, and the folder its report was written to. */
    record RunReport(ShardMerge.Run run, Results results, List<GateReason> reasons, String folder) {
    }

    static SideBySideView of(List<RunReport> reports) {
        List<Column> columns = new ArrayList<>();
        for (RunReport report : reports) {
            SuiteResults any = report.results().inputs.suites.values().stream().findFirst().orElse(null);
            int verdicts = report.results().inputs.suites.values().stream().mapToInt(s -> s.results().size()).sum();
            columns.add(new Column("Java " + report.run().java(), report.run().id(), any == null ? "" : any.run().jvm(),
                    any == null ? "" : any.run().mode(), report.folder() + "/site/index.html",
                    report.reasons().isEmpty(), report.reasons().size(), verdicts));
        }
        Map<String, Difference> differences = new LinkedHashMap<>();
        int agreeing = 0;
        for (Suite suite : Suite.values()) {
            for (String implementation : implementations(reports)) {
                for (Check check : Check.of(suite)) {
                    List<Cell> cells = new ArrayList<>();
                    boolean anywhere = false;
                    for (RunReport report : reports) {
                        Cell cell = cell(report, suite, implementation, check);
                        anywhere |= !cell.cls().equals("none");
                        cells.add(cell);
                    }
                    if (!anywhere) {
                        continue;
                    }
                    if (cells.stream().map(Cell::label).distinct().count() == 1) {
                        agreeing++;
                    } else {
                        differences.put(suite.id() + implementation + check.id(), new Difference(implementation,
                                suite.id(), check.id(), check.title(), cells));
                    }
                }
            }
        }
        return new SideBySideView(ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")),
                columns, columns.stream().allMatch(Column::passed), agreeing, new ArrayList<>(differences.values()));
    }

    /** Every WaitGroup any run checked, in the order of the first run that checked it. */
    private static List<String> implementations(List<RunReport> reports) {
        List<String> names = new ArrayList<>();
        for (RunReport report : reports) {
            for (ImplementationInfo info : report.results().implementations) {
                if (!names.contains(info.name())) {
                    names.add(info.name());
                }
            }
        }
        return names;
    }

    private static Cell cell(RunReport report, Suite suite, String implementation, Check check) {
        Results results = report.results();
        Optional<CheckResult> found = results.result(suite, implementation, check);
        if (found.isEmpty()) {
            return results.expected(suite, implementation, check)
                    ? new Cell("missing", "?", "promised, but no verdict", null)
                    : new Cell("none", "", "not checked", null);
        }
        CheckResult result = found.get();
        boolean specimen = results.implementation(implementation).map(ImplementationInfo::isSpecimen).orElse(false);
        String link = report.folder() + "/site/index.html"
                + (EvidenceView.shows(result) ? "#" + Results.anchor(suite, implementation, check) : "");
        return new Cell(Look.cssClass(result, specimen), Look.symbol(result, specimen), Look.label(result, specimen),
                link);
    }
}
