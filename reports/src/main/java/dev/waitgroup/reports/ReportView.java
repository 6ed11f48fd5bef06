package dev.waitgroup.reports;

import dev.waitgroup.record.Category;
import dev.waitgroup.record.CheckResult;
import dev.waitgroup.record.ImplementationInfo;
import dev.waitgroup.record.SuiteResults;
import dev.waitgroup.record.Verdict;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The report's content, shaped for its templates (HTML and Markdown): plain maps and lists, every
 * text already worded. The sections are the ones a team choosing an implementation and a teacher
 * showing a race read: the gate, a summary per implementation, the verdict matrix, misuse behaviour,
 * the specimens, speed, and the lessons.
 */
final class ReportView {
    private static final int CELL_EVIDENCE_LINES = 60;

    /** The misuse table's columns: what a client does wrong, and where each column's verdict comes from. */
    private static final List<String[]> MISUSES = List.of(
            new String[] {"Add inside the goroutine", "contract:add-inside-goroutine", "jcstress:add-inside-goroutine"},
            new String[] {"Reuse before Wait returned", "contract:reuse-before-wait-returned",
                    "jcstress:reuse-before-wait-returned", "lincheck:mc-reuse-before-wait-returned"},
            new String[] {"Forgotten Done", "contract:forgotten-done", "jcstress:forgotten-done"},
            new String[] {"Negative counter", "contract:negative-refused", "jcstress:racing-dones-one-refused"},
            new String[] {"Add concurrent with Wait", "lincheck:mc-add-concurrent-with-wait",
                    "contract:add-concurrent-with-wait"});

    private final ReportData data;
    private final List<String> gateReasons;
    private final Speed speed;
    private final List<Lessons.Lesson> lessons;
    private final List<Map<String, Object>> evidence = new ArrayList<>();

    ReportView(ReportData data, List<String> gateReasons) {
        this.data = data;
        this.gateReasons = gateReasons;
        List<String> names = new ArrayList<>();
        data.implementations.forEach(i -> names.add(i.name()));
        this.speed = data.inputs.jmh == null ? null : Speed.of(data.inputs.jmh, names);
        this.lessons = Lessons.of(data);
    }

    Map<String, Object> scope() {
        Map<String, Object> scope = new LinkedHashMap<>();
        scope.put("generatedAt", ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")));
        scope.put("mode", data.mode);
        scope.put("stress", "stress".equals(data.mode));
        scope.put("modeExplained", "stress".equals(data.mode)
                ? "mvn verify -Pstress: full jcstress and Lincheck budgets, JMH, and the gate over all of them"
                : "mvn verify: short jcstress and Lincheck budgets; probabilistic hunts are reported, not gated");
        scope.put("runId", data.runId);
        scope.put("selection", data.selection);
        scope.put("gatePassed", gateReasons.isEmpty());
        scope.put("gateReasons", gateReasons);
        scope.put("suites", suites());
        scope.put("implementations", implementationHeaders(data.implementations));
        scope.put("choose", choose());
        scope.put("matrices", matrices());
        scope.put("misuseColumns", misuseColumns());
        scope.put("misuseRows", misuseRows());
        scope.put("specimens", specimens());
        scope.put("specimenSuites", Inputs.SUITE_ORDER);
        scope.put("speed", speedSection());
        scope.put("lessons", lessonViews());
        scope.put("evidence", evidence);
        scope.put("hasEvidence", !evidence.isEmpty());
        return scope;
    }

    private List<Map<String, Object>> suites() {
        List<Map<String, Object>> suites = new ArrayList<>();
        for (String suite : Inputs.SUITE_ORDER) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("name", suite);
            SuiteResults results = data.inputs.suites.get(suite);
            if (results == null) {
                view.put("problem", data.inputs.problems.getOrDefault(suite, "no results"));
            } else {
                view.put("jvm", results.jvm());
                view.put("mode", results.mode());
                view.put("wall", duration(results.wallMillis()));
                view.put("implementations", results.implementations().size());
                view.put("checks", data.checks(suite).size());
                view.put("records", results.results().size());
                view.put("notes", results.notes());
                view.put("stale", !data.runId.isEmpty() && !data.runId.equals(results.runId()));
            }
            view.put("file", Inputs.SUITES.get(suite) + "/target/wg-results/" + suite + ".json");
            suites.add(view);
        }
        Map<String, Object> jmh = new LinkedHashMap<>();
        jmh.put("name", "jmh");
        jmh.put("file", Inputs.JMH_FILE);
        if (data.inputs.jmh == null) {
            jmh.put("problem", data.inputs.problems.getOrDefault("jmh", "no benchmark results in this build"));
        } else {
            jmh.put("jvm", data.inputs.jmh.jvm);
            jmh.put("wall", "≥ " + duration(data.inputs.jmh.iterationMillis) + " measuring");
            jmh.put("implementations", data.inputs.jmh.measurements.stream()
                    .map(JmhResults.Measurement::implementation).distinct().count());
            jmh.put("checks", data.inputs.jmh.measurements.stream()
                    .map(m -> m.benchmark() + m.params()).distinct().count());
            jmh.put("records", data.inputs.jmh.measurements.size());
            jmh.put("notes", List.of());
        }
        suites.add(jmh);
        return suites;
    }

    private static List<Map<String, Object>> implementationHeaders(List<ImplementationInfo> infos) {
        List<Map<String, Object>> headers = new ArrayList<>();
        for (ImplementationInfo info : infos) {
            Map<String, Object> header = new LinkedHashMap<>();
            header.put("name", info.name());
            header.put("kind", info.kind());
            header.put("specimen", info.isSpecimen());
            header.put("summary", info.summary());
            header.put("className", info.className());
            headers.add(header);
        }
        return headers;
    }

    private List<Map<String, Object>> choose() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ImplementationInfo info : data.judged()) {
            int passed = 0;
            int run = 0;
            List<String> failures = new ArrayList<>();
            for (ReportData.Finding finding : data.findings(info.name())) {
                CheckResult result = finding.result();
                if (result.verdict().isFailure()) {
                    failures.add(finding.suite() + " " + result.check());
                }
                if (result.category() == Category.CONTRACT && result.verdict() != Verdict.NOT_RUN) {
                    run++;
                    if (result.verdict() == Verdict.PASS) {
                        passed++;
                    }
                }
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", info.name());
            row.put("kind", info.kind());
            row.put("summary", info.summary());
            row.put("passed", passed);
            row.put("run", run);
            row.put("clean", failures.isEmpty());
            row.put("failures", String.join(", ", failures));
            String documented = info.documentedReuse();
            Object measured = data.result("contract", info.name(), "reuse-before-wait-returned")
                    .map(r -> r.details().get("behaviour")).orElse(null);
            row.put("reuseDocumented", reuseWords(documented));
            row.put("reuseMeasured", measured == null ? "not measured" : reuseWords(measured.toString()));
            row.put("reuseAgrees", measured == null || documented == null || "unknown".equals(documented)
                    || documented.equals(measured));
            long detected = data.findings(info.name()).stream()
                    .filter(f -> f.result().category() == Category.MISUSE && f.result().verdict() == Verdict.DETECTED)
                    .count();
            row.put("detects", detected == 0 ? "none" : detected + " misuse checks detect it");
            row.put("speed", headlineSpeed(info.name()));
            rows.add(row);
        }
        return rows;
    }

    private static String reuseWords(String id) {
        if (id == null) {
            return "unknown";
        }
        switch (id) {
            case "finishes-old-round":
                return "generation-safe";
            case "detects-and-throws":
                return "detects, throws";
            case "waits-for-new-round":
                return "silently waits";
            default:
                return id;
        }
    }

    private String headlineSpeed(String implementation) {
        if (speed == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (Speed.Row row : speed.rows) {
            boolean headline = row.params().isEmpty() && ((row.benchmark().equals("uncontended") && row.threads() == 2)
                    || (row.benchmark().equals("addDone") && row.threads() == 2)
                    || (row.benchmark().equals("actuallyWait") && row.threads() == 1));
            Double ns = row.nsPerOp().get(implementation);
            if (headline && ns != null) {
                parts.add(row.benchmark() + "@" + row.threads() + " " + Speed.ns(ns) + " ns");
            }
        }
        return String.join(" · ", parts);
    }

    private List<Map<String, Object>> matrices() {
        List<Map<String, Object>> matrices = new ArrayList<>();
        for (String suite : data.suites()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (ReportData.CheckRow check : data.checks(suite)) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", check.id());
                row.put("title", check.title());
                row.put("misuse", check.category() == Category.MISUSE);
                List<Map<String, Object>> cells = new ArrayList<>();
                for (ImplementationInfo info : data.implementations) {
                    cells.add(cell(suite, info, check.id()));
                }
                row.put("cells", cells);
                rows.add(row);
            }
            Map<String, Object> matrix = new LinkedHashMap<>();
            matrix.put("suite", suite);
            matrix.put("rows", rows);
            matrices.add(matrix);
        }
        return matrices;
    }

    private Map<String, Object> cell(String suite, ImplementationInfo info, String check) {
        Map<String, Object> cell = new LinkedHashMap<>();
        Optional<CheckResult> found = data.result(suite, info.name(), check);
        if (found.isEmpty()) {
            cell.put("cls", "none");
            cell.put("symbol", "");
            cell.put("figure", "");
            cell.put("tooltip", "not checked");
            return cell;
        }
        CheckResult result = found.get();
        boolean specimen = info.isSpecimen();
        cell.put("cls", Verdicts.cssClass(result.verdict(), specimen));
        cell.put("symbol", Verdicts.symbol(result.verdict(), specimen));
        cell.put("figure", Verdicts.figure(result));
        cell.put("tooltip", info.name() + " · " + check + ": " + Verdicts.label(result.verdict(), specimen)
                + (result.message() == null ? "" : " — " + result.message()));
        if (result.verdict().isFailure() && (result.evidence() != null || result.message() != null)) {
            String anchor = "ev-" + suite + "-" + info.name() + "-" + check;
            cell.put("anchor", anchor);
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("anchor", anchor);
            item.put("suite", suite);
            item.put("implementation", info.name());
            item.put("specimen", specimen);
            item.put("check", check);
            item.put("label", Verdicts.label(result.verdict(), specimen));
            item.put("message", result.message());
            item.put("text", firstLines(result.evidence() == null ? "" : result.evidence(), CELL_EVIDENCE_LINES));
            Object report = result.details().get("report");
            item.put("report", report == null ? null : report.toString());
            evidence.add(item);
        }
        return cell;
    }

    private List<Map<String, Object>> misuseColumns() {
        List<Map<String, Object>> columns = new ArrayList<>();
        for (String[] misuse : MISUSES) {
            Map<String, Object> column = new LinkedHashMap<>();
            column.put("title", misuse[0]);
            List<String> sources = new ArrayList<>();
            for (int i = 1; i < misuse.length; i++) {
                sources.add(misuse[i].replace(':', ' '));
            }
            column.put("sources", String.join(", ", sources));
            columns.add(column);
        }
        return columns;
    }

    private List<Map<String, Object>> misuseRows() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ImplementationInfo info : data.implementations) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", info.name());
            row.put("specimen", info.isSpecimen());
            List<Map<String, Object>> cells = new ArrayList<>();
            for (String[] misuse : MISUSES) {
                cells.add(misuseCell(info, misuse));
            }
            row.put("cells", cells);
            rows.add(row);
        }
        return rows;
    }

    private Map<String, Object> misuseCell(ImplementationInfo info, String[] misuse) {
        Map<String, Object> cell = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        Verdict headline = null;
        for (int i = 1; i < misuse.length; i++) {
            String[] source = misuse[i].split(":");
            Optional<CheckResult> result = data.result(source[0], info.name(), source[1]);
            if (result.isEmpty()) {
                continue;
            }
            Verdict verdict = result.get().verdict();
            if (headline == null) {
                headline = verdict;
            }
            notes.add(source[0] + ": " + misuseWords(source[1], result.get()));
        }
        if (headline == null) {
            cell.put("cls", "none");
            cell.put("label", "not checked");
            cell.put("notes", List.of());
            return cell;
        }
        if (misuse[0].equals("Negative counter")) {
            boolean allPassed = true;
            for (int i = 1; i < misuse.length; i++) {
                String[] source = misuse[i].split(":");
                Optional<CheckResult> result = data.result(source[0], info.name(), source[1]);
                allPassed &= result.isEmpty() || result.get().verdict() == Verdict.PASS;
            }
            cell.put("cls", allPassed ? "detected" : info.isSpecimen() ? "caught" : "fail");
            cell.put("label", allPassed ? "refused: throws, counter unchanged" : "not always refused (see notes)");
        } else {
            cell.put("cls", headline.isFailure() ? "fail" : headline.id());
            cell.put("label", Verdicts.label(headline, false));
        }
        cell.put("notes", notes);
        return cell;
    }

    private static String misuseWords(String check, CheckResult result) {
        Object samples = result.details().get("samples");
        String figure = samples instanceof Number ? " (" + Verdicts.compact(((Number) samples).longValue())
                + " samples)" : "";
        return Verdicts.label(result.verdict(), false) + figure;
    }

    private List<Map<String, Object>> specimens() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ImplementationInfo specimen : data.ofKind("specimen")) {
            List<ReportData.Finding> catches = data.catches(specimen.name());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", specimen.name());
            row.put("summary", specimen.summary());
            row.put("bug", specimen.bug() == null ? "" : specimen.bug());
            row.put("caught", !catches.isEmpty());
            List<Map<String, Object>> by = new ArrayList<>();
            for (String suite : Inputs.SUITE_ORDER) {
                List<String> checks = new ArrayList<>();
                long fastest = Long.MAX_VALUE;
                for (ReportData.Finding f : catches) {
                    if (f.suite().equals(suite)) {
                        checks.add(f.result().check());
                        fastest = Math.min(fastest, f.result().millis());
                    }
                }
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("suite", suite);
                entry.put("checks", checks.isEmpty() ? "—" : String.join(", ", checks));
                entry.put("count", checks.size());
                entry.put("fastest", checks.isEmpty() ? "" : duration(fastest));
                by.add(entry);
            }
            row.put("by", by);
            rows.add(row);
        }
        return rows;
    }

    private Map<String, Object> speedSection() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("present", speed != null);
        if (speed == null) {
            view.put("absent", data.inputs.problems.getOrDefault("jmh", "No benchmark results in this build: the"
                    + " benchmarks run with mvn verify -Pstress (a short configuration), or on their own with the"
                    + " README's benchmark command."));
            return view;
        }
        view.put("jvm", speed.jvm);
        view.put("implementations", speed.implementations);
        view.put("baselines", speed.baselines);
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Map<String, Object>> charts = new ArrayList<>();
        List<String> charted = new ArrayList<>();
        for (Speed.Row row : speed.rows) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("label", row.label());
            r.put("threads", row.threads());
            Double best = row.bestNs();
            List<Map<String, Object>> cells = new ArrayList<>();
            for (String name : speed.implementations) {
                Double ns = row.nsPerOp().get(name);
                Map<String, Object> cell = new LinkedHashMap<>();
                cell.put("value", Speed.ns(ns));
                cell.put("ratio", ns == null || best == null ? "" : Speed.ratio(ns, best));
                cell.put("best", ns != null && ns.equals(best));
                cells.add(cell);
            }
            r.put("cells", cells);
            List<Map<String, Object>> baseCells = new ArrayList<>();
            for (String name : speed.baselines) {
                Map<String, Object> cell = new LinkedHashMap<>();
                cell.put("value", Speed.ns(row.baselines().get(name)));
                baseCells.add(cell);
            }
            r.put("baselines", baseCells);
            r.put("best", row.best() == null ? "" : row.best());
            r.put("go", Speed.ns(row.go()));
            r.put("bestVsGo", Speed.ratio(best, row.go()));
            rows.add(r);
            String chartKey = row.benchmark() + "|" + row.params();
            if (!charted.contains(chartKey)) {
                charted.add(chartKey);
                Map<String, Object> chart = new LinkedHashMap<>();
                chart.put("title", row.label());
                chart.put("svg", speed.chart(row.benchmark(), row.params()));
                charts.add(chart);
            }
        }
        view.put("rows", rows);
        view.put("charts", charts);
        return view;
    }

    private List<Map<String, Object>> lessonViews() {
        List<Map<String, Object>> views = new ArrayList<>();
        for (Lessons.Lesson lesson : lessons) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", lesson.id());
            view.put("kind", lesson.kind());
            view.put("title", lesson.title());
            view.put("why", lesson.whyHtml());
            view.put("whyText", Html.text(lesson.whyHtml()));
            view.put("fix", lesson.fixHtml());
            view.put("fixText", Html.text(lesson.fixHtml()));
            view.put("codeTitle", lesson.codeTitle());
            view.put("code", lesson.code());
            view.put("fixCodeTitle", lesson.fixCodeTitle());
            view.put("fixCode", lesson.fixCode());
            view.put("caughtBy", lesson.caughtBy());
            List<Map<String, Object>> evidenceViews = new ArrayList<>();
            for (Lessons.Evidence e : lesson.evidence()) {
                Map<String, Object> ev = new LinkedHashMap<>();
                ev.put("caption", e.caption());
                ev.put("text", e.text());
                evidenceViews.add(ev);
            }
            view.put("evidence", evidenceViews);
            view.put("hasEvidence", !evidenceViews.isEmpty());
            views.add(view);
        }
        return views;
    }

    private static String firstLines(String text, int lines) {
        String[] all = text.split("\n");
        if (all.length <= lines) {
            return text;
        }
        StringBuilder kept = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            kept.append(all[i]).append('\n');
        }
        return kept.append("... ").append(all.length - lines).append(" more lines in the results file\n").toString();
    }

    static String duration(long millis) {
        Duration d = Duration.ofMillis(millis);
        if (d.toMinutes() > 0) {
            return String.format(Locale.ROOT, "%dm %02ds", d.toMinutes(), d.toSecondsPart());
        }
        if (millis >= 1000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        return millis + " ms";
    }
}
