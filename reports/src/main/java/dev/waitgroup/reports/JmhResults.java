package dev.waitgroup.reports;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waitgroup.record.ResultsFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * JMH's own JSON results ({@code -rf json}), read as a tree. Every score is turned into nanoseconds
 * per operation for all threads together: JMH's throughput with N threads is already the sum over
 * threads, so {@code 1000 / (ops/us)} is what Go's {@code b.RunParallel} reports as ns/op.
 */
final class JmhResults {

    /**
     * One JMH result.
     *
     * @param benchmark      the method, e.g. {@code uncontended}
     * @param group          the benchmark class's simple name
     * @param implementation the {@code impl} parameter, or the baseline's name
     * @param threads        JMH threads
     * @param params         the other parameters (e.g. {@code tasks=8})
     * @param nsPerOp        wall nanoseconds per operation, all threads together
     * @param nsError        the 99.9% error on it (0 when JMH gave none)
     */
    record Measurement(String benchmark, String group, String implementation, int threads,
                       Map<String, String> params, double nsPerOp, double nsError) {

        /** Benchmark, threads and the other parameters: what a row of the speed table compares. */
        String rowKey() {
            return benchmark + (params.isEmpty() ? "" : " " + params) + " @" + threads;
        }
    }

    final List<Measurement> measurements;
    final String jvm;
    /** Time JMH spent in warm-up and measurement iterations over all forks: a lower bound of the run's wall time. */
    final long iterationMillis;

    private JmhResults(List<Measurement> measurements, String jvm, long iterationMillis) {
        this.measurements = List.copyOf(measurements);
        this.jvm = jvm;
        this.iterationMillis = iterationMillis;
    }

    static JmhResults read(Path file) {
        JsonNode root;
        try {
            root = ResultsFiles.mapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Measurement> measurements = new ArrayList<>();
        String jvm = "";
        long iterationMillis = 0;
        for (JsonNode run : root) {
            iterationMillis += run.path("forks").asInt(1) * (
                    run.path("warmupIterations").asInt(0) * millis(run.path("warmupTime").asText("0 ms"))
                    + run.path("measurementIterations").asInt(0) * millis(run.path("measurementTime").asText("0 ms")));
            jvm = run.path("vmName").asText("") + " " + run.path("jdkVersion").asText("");
            String fullName = run.path("benchmark").asText();
            int dot = fullName.lastIndexOf('.');
            String className = fullName.substring(0, dot);
            String group = className.substring(className.lastIndexOf('.') + 1);
            String benchmark = fullName.substring(dot + 1);
            Map<String, String> params = new java.util.TreeMap<>();
            String implementation = group.replace("Baseline", "").replace("Benchmarks", "");
            for (Iterator<Map.Entry<String, JsonNode>> it = run.path("params").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> param = it.next();
                if ("impl".equals(param.getKey())) {
                    // a plugged-in class is selected by its full name but named by its simple name, as in the suites
                    String selected = param.getValue().asText();
                    implementation = selected.substring(selected.lastIndexOf('.') + 1);
                } else {
                    params.put(param.getKey(), param.getValue().asText());
                }
            }
            JsonNode metric = run.path("primaryMetric");
            double score = metric.path("score").asDouble();
            double error = metric.path("scoreError").asDouble(0);
            if (Double.isNaN(error)) {
                error = 0;
            }
            String unit = metric.path("scoreUnit").asText();
            double ns;
            double nsError;
            switch (unit) {
                case "ops/us":
                    ns = 1_000.0 / score;
                    nsError = error > 0 && score > error ? 1_000.0 / (score - error) - ns : 0;
                    break;
                case "ops/ns":
                    ns = 1.0 / score;
                    nsError = error > 0 && score > error ? 1.0 / (score - error) - ns : 0;
                    break;
                case "ns/op":
                    ns = score;
                    nsError = error;
                    break;
                case "us/op":
                    ns = score * 1_000;
                    nsError = error * 1_000;
                    break;
                default:
                    throw new IllegalArgumentException("unexpected JMH unit " + unit + " in " + fullName);
            }
            measurements.add(new Measurement(benchmark, group, implementation, run.path("threads").asInt(1),
                    Map.copyOf(params), ns, nsError));
        }
        return new JmhResults(measurements, jvm.trim(), iterationMillis);
    }

    /** JMH's iteration time as it prints it: "500 ms", "1 s", "2 min". */
    static long millis(String time) {
        String[] parts = time.trim().split("\\s+");
        if (parts.length != 2) {
            throw new IllegalArgumentException("unexpected JMH time \"" + time + "\"");
        }
        long amount = Long.parseLong(parts[0]);
        switch (parts[1]) {
            case "ns": return amount / 1_000_000;
            case "us": return amount / 1_000;
            case "ms": return amount;
            case "s": return amount * 1_000;
            case "min": return amount * 60_000;
            case "hr": return amount * 3_600_000;
            default: throw new IllegalArgumentException("unexpected JMH time unit in \"" + time + "\"");
        }
    }
}
