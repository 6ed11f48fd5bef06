package dev.waitgroup.reports;

import dev.waitgroup.catalogue.Suite;
import dev.waitgroup.record.SuiteResults;
import java.util.ArrayList;
import java.util.List;

/** The runs behind the report: each suite's file, JVM, mode, time, size, notes and problems. */
record RunsView(List<Row> rows) {

    record Row(String name, String file, String problem, String jvm, String mode, String wall, String size,
               boolean incomplete, boolean stale, List<String> notes) {
    }

    static RunsView of(Results results, ReportContext context) {
        List<Row> rows = new ArrayList<>();
        for (Suite suite : Suite.values()) {
            String file = suite.id() + ".json";
            SuiteResults run = results.inputs.suites.get(suite);
            if (run == null) {
                rows.add(new Row(suite.id(), file, results.inputs.problems.get(suite), null, null, null, null, false,
                        false, List.of()));
                continue;
            }
            long implementations = run.expected().stream().map(e -> e.implementation()).distinct().count();
            rows.add(new Row(suite.id(), file, null, run.run().jvm(), run.run().mode()
                    + (run.run().shard().isWhole() ? "" : ", shard " + run.run().shard()),
                    Look.duration(run.wallMillis()), implementations + (implementations == 1 ? " implementation, "
                            : " implementations, ") + run.results().size() + " of " + run.expected().size()
                            + " promised verdicts", !run.complete(),
                    !context.runId().isEmpty() && !context.runId().equals(run.run().id()), run.notes()));
        }
        if (results.inputs.speed != null) {
            rows.add(new Row("jmh", Inputs.SPEED_FILE, null, results.inputs.speed.jvm, "benchmarks",
                    "≥ " + Look.duration(results.inputs.speed.iterationMillis) + " measuring",
                    results.inputs.speed.measurements.size() + " measurements", false, false, List.of()));
        } else {
            rows.add(new Row("jmh", Inputs.SPEED_FILE, results.inputs.speedProblem != null ? results.inputs.speedProblem
                    : "no speed figures in this run (the benchmarks run with -Pstress)", null, null, null, null, false,
                    false, List.of()));
        }
        return new RunsView(rows);
    }
}
