package dev.waitgroup.reports;

import dev.waitgroup.catalogue.Baseline;
import dev.waitgroup.catalogue.Benchmark;
import dev.waitgroup.record.BenchmarkRun;
import dev.waitgroup.record.GoResults;
import dev.waitgroup.record.ImplementationInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The speed section: JMH's figures for every implementation side by side, with JMH's error, charts,
 * and Go. A ratio to Go is shown only where Go's own benchmarks ran in this run on this machine, and
 * only on rows the run can be trusted for; otherwise the stored reference is shown for orientation,
 * labelled with where it comes from, and nothing is divided by it. Beside the figures: what each
 * benchmark of the run measures and its Go counterpart, and what each baseline of the run does, from
 * the catalogue ({@link Benchmark}, {@link Baseline}); a run without figures shows the whole catalogue,
 * said to be what the benchmarks measure when they run.
 *
 * @param goSource what the Go column holds, in words
 * @param sameRunGo whether the Go column was measured in this run (ratios shown)
 * @param trust     how well two threads scaled, and what follows for the 2-thread rows
 * @param measures  what each benchmark measured in this run measures, in the catalogue's order; without
 *                  figures, every benchmark of the catalogue: what the benchmarks measure when they run
 * @param baselineNotes what each JDK baseline of this run does; without figures, every baseline
 */
record SpeedView(boolean present, String absent, String jvm, String goSource, boolean sameRunGo, String trust,
                 List<String> implementations, List<String> baselines, List<Row> rows, List<Chart> charts,
                 List<Measure> measures, List<BaselineNote> baselineNotes, List<Problem> problems) {

    /** Two threads must scale at least this well (2.0 is perfect) for the 2-thread rows to compare anything. */
    static final double MIN_SCALING = 1.6;

    record Row(String label, int threads, List<Cell> cells, List<String> baselines, String best, String go,
               String bestVsGo, String flag) {
    }

    record Cell(String value, String error, String ratio, boolean best) {
    }

    record Chart(String title, String svg) {
    }

    /**
     * What a benchmark measures, from the catalogue.
     *
     * @param go        its Go counterpart's name, or {@code none}
     * @param variantOf for a variant of a Go benchmark, the benchmark whose Go figure it is compared with; else null
     */
    record Measure(String benchmark, String what, String go, String variantOf) {

        static Measure of(Benchmark benchmark) {
            return new Measure(benchmark.method(), benchmark.measures(),
                    benchmark.goCounterpart().map(Benchmark.GoCounterpart::name).orElse("none"),
                    benchmark.goCounterpart().filter(go -> !go.exact()).flatMap(go -> benchmark.goFiguresUnder())
                            .map(Benchmark::method).orElse(null));
        }
    }

    /** What a JDK baseline does in place of a WaitGroup, from the catalogue. */
    record BaselineNote(String name, String what) {

        static BaselineNote of(Baseline baseline) {
            return new BaselineNote(baseline.label(), baseline.what());
        }
    }

    /** A benchmark that gave no figures because the implementation under it hung or threw: evidence. */
    record Problem(String anchor, String implementation, String kind, String message, String evidence) {
    }

    /** Whether some benchmark gave no figures. */
    boolean hasProblems() {
        return !problems.isEmpty();
    }

    /** The anchor of the benchmark run's {@code index}th problem, which the gate links to. */
    static String problemAnchor(int index) {
        return "bench-problem-" + index;
    }

    private static List<Problem> problems(Results results) {
        List<Problem> problems = new ArrayList<>();
        BenchmarkRun run = results.inputs.benchmarks;
        if (run != null) {
            for (int i = 0; i < run.problems().size(); i++) {
                BenchmarkRun.Problem problem = run.problems().get(i);
                problems.add(new Problem(problemAnchor(i), problem.implementation(),
                        problem.kind() == BenchmarkRun.Kind.HUNG ? "hung" : "failed", problem.message(),
                        problem.evidence()));
            }
        }
        return problems;
    }

    static SpeedView of(Results results) {
        JmhResults jmh = results.inputs.speed;
        if (jmh == null) {
            return new SpeedView(false, results.inputs.speedProblem != null ? results.inputs.speedProblem
                    : "No speed figures in this run: the benchmarks run with mvn verify -Pstress, or on their own"
                    + " with the README's benchmark command.", null, null, false, null, List.of(), List.of(),
                    List.of(), List.of(), Arrays.stream(Benchmark.values()).map(Measure::of).toList(),
                    Arrays.stream(Baseline.values()).map(BaselineNote::of).toList(), problems(results));
        }
        List<String> names = results.implementations.stream().map(ImplementationInfo::name).toList();
        GoResults go = results.inputs.go;
        Speed speed = Speed.of(jmh, names, go);
        Double scaling = speed.twoThreadScaling();
        boolean twoThreadsTrusted = scaling != null && scaling >= MIN_SCALING;
        String trust = scaling == null ? "The AtomicInteger baseline did not run at 1 and 2 threads: this run's"
                + " scaling is unknown, so its 2-thread figures are not compared with Go."
                : String.format(Locale.ROOT, "Two threads scaled %.2f× on the AtomicInteger baseline (2.0 is perfect"
                + " on two idle cores)%s", scaling, twoThreadsTrusted ? "." : ": the machine was busy, so the"
                + " 2-thread rows are flagged and compared with nothing.");
        String goSource = go != null
                ? String.format("Go: %s, <code>%s</code>, on this machine (%d cores) in this run, %s; the median of %d"
                        + " repetitions, min–max beside it", Html.escape(go.goVersion()), Html.escape(go.command()),
                go.cores(), Html.escape(go.measuredAt().substring(0, Math.min(16, go.measuredAt().length()))
                        .replace('T', ' ')), go.figures().isEmpty() ? 0 : go.figures().get(0).samples())
                : "Go did not run in this run" + (results.inputs.goProblem == null ? "" : " (" + Html.escape(
                results.inputs.goProblem) + ")") + ": the Go column is a reference measured once, on another machine"
                + " (Go 1.19, 2 cores), shown for orientation only; the same Go benchmark differs 3× between two"
                + " machines of this kind, so no ratio is computed from it. Install Go (<code>apt-get install"
                + " golang-go</code>) for a side-by-side run.";
        List<Row> rows = new ArrayList<>();
        List<Chart> charts = new ArrayList<>();
        List<String> charted = new ArrayList<>();
        for (Speed.Row row : speed.rows) {
            Double best = row.bestNs();
            List<Cell> cells = new ArrayList<>();
            for (String name : speed.implementations) {
                Double ns = row.nsPerOp().get(name);
                Double error = row.error().get(name);
                cells.add(new Cell(Speed.ns(ns), error == null || error == 0 ? "" : "±" + Speed.ns(error),
                        ns == null || best == null ? "" : Speed.ratio(ns, best), ns != null && ns.equals(best)));
            }
            List<String> baselines = new ArrayList<>();
            for (String name : speed.baselines) {
                baselines.add(Speed.ns(row.baselines().get(name)));
            }
            boolean comparable = row.threads() == 1 || twoThreadsTrusted;
            String goFigure = row.go() != null ? Speed.ns(row.go().nsPerOp()) + (row.go().samples() > 1
                    ? " (" + Speed.ns(row.go().min()) + "–" + Speed.ns(row.go().max()) + ")" : "")
                    : row.goReference() == null ? "" : "ref. " + Speed.ns(row.goReference());
            rows.add(new Row(row.label(), row.threads(), cells, baselines, row.best() == null ? "" : row.best(),
                    goFigure, row.go() != null && comparable ? Speed.ratio(best, row.go().nsPerOp()) : "",
                    comparable ? "" : "machine busy — not comparable"));
            String key = row.benchmark() + "|" + row.params();
            if (!charted.contains(key)) {
                charted.add(key);
                charts.add(new Chart(row.label(), speed.chart(row.benchmark(), row.params())));
            }
        }
        List<Measure> measures = new ArrayList<>();
        for (Benchmark benchmark : Benchmark.values()) {
            if (speed.rows.stream().anyMatch(row -> row.benchmark().equals(benchmark.method()))) {
                measures.add(Measure.of(benchmark));
            }
        }
        List<BaselineNote> baselineNotes = new ArrayList<>();
        for (Baseline baseline : Baseline.values()) {
            if (speed.baselines.contains(baseline.label())) {
                baselineNotes.add(BaselineNote.of(baseline));
            }
        }
        if (speed.rows.stream().allMatch(row -> row.error().values().stream().allMatch(e -> e == null || e == 0))) {
            trust += " JMH gave no error for these figures (it needs 3 measurement iterations or more).";
        }
        return new SpeedView(true, null, speed.jvm, goSource, go != null, trust, speed.implementations,
                speed.baselines, rows, charts, measures, baselineNotes, problems(results));
    }

    /** The figures a team reads first, for the choosing table. */
    String headline(String implementation) {
        if (!present) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (Row row : rows) {
            boolean headline = row.label().equals(Benchmark.UNCONTENDED.method()) && row.threads() == 2
                    || row.label().equals(Benchmark.ADD_DONE.method()) && row.threads() == 2
                    || row.label().equals(Benchmark.ACTUALLY_WAIT.method()) && row.threads() == 1;
            int index = implementations.indexOf(implementation);
            if (headline && index >= 0 && !row.cells().get(index).value().isEmpty()) {
                parts.add(row.label() + "@" + row.threads() + " " + row.cells().get(index).value() + " ns");
            }
        }
        return String.join(" · ", parts);
    }
}
