package dev.waitgroup.bench;

import dev.waitgroup.catalogue.Benchmark;
import dev.waitgroup.record.GoResults;
import dev.waitgroup.record.ResultsFiles;
import dev.waitgroup.settings.Property;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go's own WaitGroup benchmarks ({@code src/sync/waitgroup_test.go}), run beside the JMH mirrors in
 * the same run, with the same thread counts: {@code go test -run NONE -bench WaitGroup -cpu 1,2
 * -count N sync}. The same Go benchmark differs 3x between two machines of our kind, so a ratio to Go
 * is computed only from figures measured here, now; without a Go toolchain there is no Go figure
 * and no ratio.
 *
 * <p>Which Go benchmark each JMH benchmark mirrors is declared in the catalogue ({@link Benchmark}):
 * a Go figure is filed under the name of its exact mirror ({@link Benchmark#mirrorOf}), and Go
 * benchmarks that nothing mirrors are left out. Go's ActuallyWait starts a goroutine per round and
 * waits for it: its mirror {@code actuallyWait} starts a task per round with {@code go(task)}.
 */
final class GoBenchmarks {
    /** "BenchmarkWaitGroupAddDone-2   116893605   10.49 ns/op": the name, GOMAXPROCS (absent for 1), ns/op. */
    private static final Pattern LINE = Pattern.compile("^(Benchmark\\w+?)(?:-(\\d+))?\\s+\\d+\\s+([0-9.]+) ns/op");
    private static final long BOUND_MINUTES = 10;

    private GoBenchmarks() {
    }

    /**
     * Runs Go's benchmarks with {@code go} and writes {@code go.json} next to {@code jmh.json}; returns
     * why not, when they could not run (no toolchain: not an error, the report then shows no ratio).
     */
    static String run(String go, int count, Path file) throws IOException, InterruptedException {
        Files.deleteIfExists(file);
        if (go.isBlank() || go.equals("none")) {
            return Property.GO_COMMAND.key() + "=none: Go's benchmarks not run";
        }
        Output version = exec(List.of(go, "version"), 1);
        if (version == null || version.status != 0) {
            return "no Go toolchain (" + go + " version " + (version == null ? "could not start" : "failed") + ");"
                    + " on Debian/Ubuntu: apt-get install golang-go";
        }
        List<String> command = List.of(go, "test", "-run", "NONE", "-bench", "WaitGroup", "-cpu", "1,2",
                "-count", String.valueOf(count), "sync");
        Output output = exec(command, BOUND_MINUTES);
        if (output == null || output.status != 0) {
            return String.join(" ", command) + (output == null ? " did not finish within " + BOUND_MINUTES + " minutes"
                    : " failed with " + output.status + ": " + output.text.strip());
        }
        List<GoResults.Figure> figures = parse(output.text);
        if (figures.isEmpty()) {
            return String.join(" ", command) + " printed no WaitGroup benchmark: " + output.text.strip();
        }
        ResultsFiles.write(new GoResults(ResultsFiles.FORMAT_VERSION, version.text.strip(), String.join(" ", command),
                Instant.now().toString(), Runtime.getRuntime().availableProcessors(), figures), file);
        return null;
    }

    /** Go's benchmark output to figures: per benchmark and GOMAXPROCS, the median over the repetitions. */
    static List<GoResults.Figure> parse(String output) {
        Map<String, List<Double>> samples = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            Matcher matcher = LINE.matcher(line.strip());
            if (matcher.find() && Benchmark.mirrorOf(matcher.group(1)).isPresent()) {
                String threads = matcher.group(2) == null ? "1" : matcher.group(2);
                samples.computeIfAbsent(matcher.group(1) + "@" + threads, k -> new ArrayList<>())
                        .add(Double.parseDouble(matcher.group(3)));
            }
        }
        List<GoResults.Figure> figures = new ArrayList<>();
        samples.forEach((key, values) -> {
            String name = key.substring(0, key.indexOf('@'));
            List<Double> sorted = values.stream().sorted().toList();
            double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                    : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
            figures.add(new GoResults.Figure(name, Benchmark.mirrorOf(name).orElseThrow().method(),
                    Integer.parseInt(key.substring(key.indexOf('@') + 1)), median, sorted.get(0),
                    sorted.get(sorted.size() - 1), sorted.size()));
        });
        return figures;
    }

    private record Output(int status, String text) {
    }

    /** Runs a command under a bound; null when it could not start or did not finish. */
    private static Output exec(List<String> command, long minutes) throws IOException, InterruptedException {
        Path log = Files.createTempFile("wg-go-", ".log");
        try {
            Process process;
            try {
                process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            } catch (IOException notFound) {
                return null;
            }
            if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                return null;
            }
            return new Output(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
