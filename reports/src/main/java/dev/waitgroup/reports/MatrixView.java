package dev.waitgroup.reports;

import dev.waitgroup.catalogue.Category;
import dev.waitgroup.catalogue.Check;
import dev.waitgroup.catalogue.Suite;
import dev.waitgroup.record.CheckResult;
import dev.waitgroup.record.ImplementationInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every check on every WaitGroup, suite by suite; a cell links to its evidence. */
record MatrixView(List<Header> implementations, List<Table> suites) {

    record Header(String name, String kind, boolean specimen, String summary) {
    }

    /** @param note why the suite did not run here, when none of its verdicts is more than not-run; else empty */
    record Table(String suite, String how, String note, List<Row> rows) {
    }

    record Row(String id, String title, boolean misuse, boolean demonstration, List<Cell> cells) {
    }

    record Cell(String cls, String symbol, String figure, String tooltip, String anchor) {
    }

    static MatrixView of(Results results) {
        List<Header> headers = new ArrayList<>();
        for (ImplementationInfo info : results.implementations) {
            headers.add(new Header(info.name(), info.kind().id(), info.isSpecimen(), info.summary()));
        }
        List<Table> tables = new ArrayList<>();
        for (Suite suite : results.suites()) {
            List<Row> rows = new ArrayList<>();
            for (Check check : results.checks(suite)) {
                List<Cell> cells = new ArrayList<>();
                for (ImplementationInfo info : results.implementations) {
                    cells.add(cell(results, suite, info, check));
                }
                rows.add(new Row(check.id(), check.title(), check.category() == Category.MISUSE,
                        check.category() == Category.DEMONSTRATION, cells));
            }
            tables.add(new Table(suite.id(), suite.how(), results.didNotRun(suite).map(why -> "did not run: " + why)
                    .orElse(""), rows));
        }
        return new MatrixView(headers, tables);
    }

    private static Cell cell(Results results, Suite suite, ImplementationInfo info, Check check) {
        Optional<CheckResult> found = results.result(suite, info.name(), check);
        if (found.isEmpty()) {
            return results.expected(suite, info.name(), check)
                    ? new Cell("missing", "?", "", info.name() + " · " + check.id() + ": promised, but no verdict", null)
                    : new Cell("none", "", "", "not checked in this run", null);
        }
        CheckResult result = found.get();
        boolean specimen = info.isSpecimen();
        String anchor = EvidenceView.shows(result) ? Results.anchor(suite, info.name(), check) : null;
        return new Cell(Look.cssClass(result, specimen), Look.symbol(result, specimen), Look.figure(result),
                info.name() + " · " + check.id() + ": " + Look.labelled(Look.label(result, specimen), result.message()),
                anchor);
    }
}
