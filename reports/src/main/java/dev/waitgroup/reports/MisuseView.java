package dev.waitgroup.reports;

import dev.waitgroup.catalogue.Bug;
import dev.waitgroup.catalogue.Category;
import dev.waitgroup.catalogue.Check;
import dev.waitgroup.catalogue.Suite;
import dev.waitgroup.record.CheckResult;
import dev.waitgroup.record.ImplementationInfo;
import dev.waitgroup.record.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What each implementation does with each client bug from the Go world: the bugs are the
 * catalogue's client bugs, and a cell gathers the verdicts of every check that catches that bug,
 * the first one as the headline.
 */
record MisuseView(List<Column> columns, List<Row> rows) {

    record Column(String title, String sources) {
    }

    record Row(String name, List<Cell> cells) {
    }

    record Cell(String cls, String label, List<String> notes, String anchor) {
    }

    static MisuseView of(Results results) {
        List<Bug> bugs = new ArrayList<>();
        List<Column> columns = new ArrayList<>();
        for (Bug bug : Bug.values()) {
            if (bug.isClientBug() && !sources(results, bug).isEmpty()) {
                bugs.add(bug);
                List<String> names = new ArrayList<>();
                sources(results, bug).forEach(s -> names.add(s.suite().id() + " " + s.check().id()));
                columns.add(new Column(bug.title(), String.join(", ", names)));
            }
        }
        List<Row> rows = new ArrayList<>();
        for (ImplementationInfo info : results.judged()) {
            List<Cell> cells = new ArrayList<>();
            for (Bug bug : bugs) {
                cells.add(cell(results, info, bug));
            }
            rows.add(new Row(info.name(), cells));
        }
        return new MisuseView(columns, rows);
    }

    /** A check in a suite. */
    private record Source(Suite suite, Check check) {
    }

    private static List<Source> sources(Results results, Bug bug) {
        List<Source> sources = new ArrayList<>();
        for (Suite suite : results.suites()) {
            for (Check check : results.checks(suite)) {
                if (check.catches().contains(bug)) {
                    sources.add(new Source(suite, check));
                }
            }
        }
        return sources;
    }

    private static Cell cell(Results results, ImplementationInfo info, Bug bug) {
        CheckResult headline = null;
        Suite headlineSuite = null;
        List<String> notes = new ArrayList<>();
        for (Source source : sources(results, bug)) {
            Optional<CheckResult> found = results.result(source.suite(), info.name(), source.check());
            if (found.isEmpty()) {
                continue;
            }
            if (headline == null) {
                headline = found.get();
                headlineSuite = source.suite();
            }
            Object samples = found.get().details().get("samples");
            notes.add(source.suite().id() + ": " + words(found.get()) + (samples instanceof Number
                    ? " (" + Look.compact(((Number) samples).longValue()) + " samples)" : ""));
        }
        if (headline == null) {
            return new Cell("none", "not checked", List.of(), null);
        }
        String anchor = EvidenceView.shows(headline) ? Results.anchor(headlineSuite, info.name(), headline.check()) : null;
        String cls = headline.verdict().isFailure() ? "fail"
                : headline.check().category() == Category.CONTRACT && headline.verdict() == Verdict.PASS ? "detected"
                : Look.cssClass(headline, false);
        return new Cell(cls, words(headline), notes, anchor);
    }

    /** A contract check that holds under this misuse means the misuse is refused or harmless. */
    private static String words(CheckResult result) {
        if (result.check().category() == Category.CONTRACT && result.verdict() == Verdict.PASS) {
            return "refused safely (the contract holds)";
        }
        return Look.label(result, false);
    }
}
