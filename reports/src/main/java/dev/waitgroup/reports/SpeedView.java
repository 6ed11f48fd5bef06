package dev.waitgroup.reports;

import dev.waitgroup.record.ImplementationInfo;
import java.util.ArrayList;
import java.util.List;

/** The speed section: JMH's figures for every implementation side by side, with charts. */
record SpeedView(boolean present, String absent, String jvm, List<String> implementations, List<String> baselines,
                 List<Row> rows, List<Chart> charts) {

    record Row(String label, int threads, List<Cell> cells, List<String> baselines, String best, String go,
               String bestVsGo) {
    }

    record Cell(String value, String ratio, boolean best) {
    }

    record Chart(String title, String svg) {
    }

    static SpeedView of(Results results) {
        JmhResults jmh = results.inputs.speed;
        if (jmh == null) {
            return new SpeedView(false, results.inputs.speedProblem != null ? results.inputs.speedProblem
                    : "No speed figures in this run: the benchmarks run with mvn verify -Pstress, or on their own"
                    + " with the README's benchmark command.", null, List.of(), List.of(), List.of(), List.of());
        }
        List<String> names = results.implementations.stream().map(ImplementationInfo::name).toList();
        Speed speed = Speed.of(jmh, names);
        List<Row> rows = new ArrayList<>();
        List<Chart> charts = new ArrayList<>();
        List<String> charted = new ArrayList<>();
        for (Speed.Row row : speed.rows) {
            Double best = row.bestNs();
            List<Cell> cells = new ArrayList<>();
            for (String name : speed.implementations) {
                Double ns = row.nsPerOp().get(name);
                cells.add(new Cell(Speed.ns(ns), ns == null || best == null ? "" : Speed.ratio(ns, best),
                        ns != null && ns.equals(best)));
            }
            List<String> baselines = new ArrayList<>();
            for (String name : speed.baselines) {
                baselines.add(Speed.ns(row.baselines().get(name)));
            }
            rows.add(new Row(row.label(), row.threads(), cells, baselines, row.best() == null ? "" : row.best(),
                    Speed.ns(row.go()), Speed.ratio(best, row.go())));
            String key = row.benchmark() + "|" + row.params();
            if (!charted.contains(key)) {
                charted.add(key);
                charts.add(new Chart(row.label(), speed.chart(row.benchmark(), row.params())));
            }
        }
        return new SpeedView(true, null, speed.jvm, speed.implementations, speed.baselines, rows, charts);
    }

    /** The figures a team reads first, for the choosing table. */
    String headline(String implementation) {
        if (!present) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (Row row : rows) {
            boolean headline = row.label().equals("uncontended") && row.threads() == 2
                    || row.label().equals("addDone") && row.threads() == 2
                    || row.label().equals("actuallyWait") && row.threads() == 1;
            int index = implementations.indexOf(implementation);
            if (headline && index >= 0 && !row.cells().get(index).value().isEmpty()) {
                parts.add(row.label() + "@" + row.threads() + " " + row.cells().get(index).value() + " ns");
            }
        }
        return String.join(" · ", parts);
    }
}
