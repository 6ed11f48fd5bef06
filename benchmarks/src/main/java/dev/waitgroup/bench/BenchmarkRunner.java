package dev.waitgroup.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.waitgroup.catalogue.Benchmark;
import dev.waitgroup.catalogue.ImplementationKind;
import dev.waitgroup.harness.Implementation;
import dev.waitgroup.harness.Implementations;
import dev.waitgroup.record.BenchmarkRun;
import dev.waitgroup.record.GoResults;
import dev.waitgroup.record.RunOutputs;
import dev.waitgroup.settings.CannotStart;
import dev.waitgroup.settings.ExitStatus;
import dev.waitgroup.settings.Property;
import dev.waitgroup.settings.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the benchmarks over the {@code wg.impl} selection (specimens are not worth timing) and writes
 * JMH's JSON results to one file, {@code jmh.json} in the results folder.
 *
 * <p>Each benchmark runs at the thread counts the catalogue gives it ({@link Benchmark#threads()}):
 * Go's six benchmarks and the hand-off at 1 and at 2 threads, as Go's {@code -cpu 1,2}; the fork-join
 * round at 1. Go's own benchmarks then run on the same machine ({@link GoBenchmarks}). Presets ({@code bench.preset}):
 * <ul>
 *   <li>{@code short} (in {@code mvn verify -Pstress}): 1 fork, 2 x 0.5 s warm-up, 3 x 0.5 s
 *       measurement (JMH gives no error below 3): about 6 minutes on 2 cores, wide error bars, right
 *       order of magnitude;</li>
 *   <li>{@code full}: 2 forks, 3 x 1 s warm-up, 5 x 1 s measurement: the figures to quote.</li>
 * </ul>
 */
public final class BenchmarkRunner {
    private static final String PACKAGE = "dev\\.waitgroup\\.bench\\.";

    private BenchmarkRunner() {
    }

    /** Exits 0 when it ran (whatever the benchmarks did: benchmarks.json says), 2 when it could not start. */
    public static void main(String[] args) throws Exception {
        System.exit(ExitStatus.of("benchmarks", BenchmarkRunner::run));
    }

    private static int run() throws IOException, InterruptedException {
        Settings settings = Settings.fromSystemProperties();
        List<Implementation> implementations = new ArrayList<>();
        for (Implementation entry : Implementations.select(settings.selection, settings.classpath)) {
            if (entry.kind() != ImplementationKind.SPECIMEN) {
                implementations.add(entry);
            }
        }
        if (implementations.isEmpty()) {
            throw new CannotStart("the selection holds only specimens; nothing worth timing");
        }
        if (settings.shard.index() != 1) {
            System.out.println("benchmarks: shard " + settings.shard + ": the benchmarks run in shard 1 only, on one"
                    + " machine, so that their figures compare");
            return ExitStatus.RAN;
        }
        Path results = settings.resultsDir.resolve(RunOutputs.SPEED);
        Files.createDirectories(results.toAbsolutePath().getParent());
        BenchmarkSettings bench = BenchmarkSettings.of(settings);
        BenchmarkLog log = new BenchmarkLog(settings, bench, results.resolveSibling(BenchmarkRun.FILE));
        try {
            measure(bench, settings.classpath, implementations, results, log);
            log.finish();
        } catch (RuntimeException | RunnerException | IOException | Error e) {
            // the report and the gate must still be written: what went wrong is recorded, not thrown
            e.printStackTrace();
            log.stoppedBy(e);
        }
        return ExitStatus.RAN;
    }

    private static void measure(BenchmarkSettings settings, String classpath, List<Implementation> implementations,
                                Path results, BenchmarkLog log) throws RunnerException, IOException, InterruptedException {
        String preset = settings.preset;
        String include = settings.include;
        List<String> names = implementations.stream().map(Implementation::selector).toList();
        Map<String, String> classOf = new HashMap<>();
        implementations.forEach(i -> classOf.put(i.selector(), i.type().getName()));
        Path oneThread = results.resolveSibling(RunOutputs.SPEED_1_THREAD);
        Path twoThreads = results.resolveSibling(RunOutputs.SPEED_2_THREADS);
        // JMH runs a benchmark that matches any include: bench.include replaces the default sets
        run(options(preset, names, classpath, 1, oneThread).include(include.isEmpty() ? includedAt(1) : include),
                settings, classOf, log);
        run(options(preset, names, classpath, 2, twoThreads).include(include.isEmpty() ? includedAt(2) : include),
                settings, classOf, log);
        merge(List.of(oneThread, twoThreads), results);
        System.out.println("benchmarks: JMH results in " + results.toAbsolutePath());
        Path go = results.resolveSibling(GoResults.FILE);
        String noGo = GoBenchmarks.run(settings.goCommand, preset.equals("full") ? 5 : 3, go);
        System.out.println("benchmarks: " + (noGo == null ? "Go's own benchmarks, same machine, same run, in "
                + go.toAbsolutePath() : noGo + " (the report shows no ratio to Go)"));
    }

    /**
     * The default set at {@code threads} threads, as JMH's include pattern: every benchmark the
     * catalogue runs at that many threads ({@link Benchmark#threads()}), with the baselines of the
     * same name.
     */
    static String includedAt(int threads) {
        return PACKAGE + "\\w+\\.(" + Arrays.stream(Benchmark.values())
                .filter(benchmark -> benchmark.threads().contains(threads)).map(Benchmark::method)
                .collect(Collectors.joining("|")) + ")$";
    }

    /** @param classpath the plug-in classpath with every entry absolute ({@code Settings.classpath}) */
    static ChainedOptionsBuilder options(String preset, List<String> implementations, String classpath, int threads,
                                         Path resultFile) {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .param("impl", implementations.toArray(new String[0]))
                .threads(threads)
                // a benchmark whose fork hangs or dies is recorded (ForkWatch), and the others go on
                .shouldFailOnError(false)
                .jvmArgsAppend("-Xmx1g", Property.CLASSPATH.option(classpath),
                        // as many carriers for virtual threads as the run has threads, as go test -cpu N
                        // sets GOMAXPROCS=N (Java 17 ignores the property)
                        "-Djdk.virtualThreadScheduler.parallelism=" + threads)
                .resultFormat(ResultFormatType.JSON)
                .result(resultFile.toString());
        switch (preset) {
            case "short":
                return options.forks(1)
                        .warmupIterations(2).warmupTime(TimeValue.milliseconds(500))
                        .measurementIterations(3).measurementTime(TimeValue.milliseconds(500))
                        .timeout(TimeValue.seconds(30));
            case "full":
                return options.forks(2)
                        .warmupIterations(3).warmupTime(TimeValue.seconds(1))
                        .measurementIterations(5).measurementTime(TimeValue.seconds(1))
                        .timeout(TimeValue.seconds(60));
            default:
                throw new IllegalArgumentException(Property.BENCH_PRESET.key() + ": unknown preset '" + preset
                        + "'; expected short or full");
        }
    }

    /** One JMH run, every fork of it bounded by {@code bench.bound}. */
    private static void run(ChainedOptionsBuilder options, BenchmarkSettings settings, Map<String, String> classOf,
                            BenchmarkLog log) throws RunnerException {
        ForkWatch watch = new ForkWatch(OutputFormatFactory.createFormatInstance(System.out, VerboseMode.NORMAL),
                settings.bound, name -> classOf.getOrDefault(name, name));
        try {
            new Runner(options.timeUnit(TimeUnit.MICROSECONDS).build(), watch).run();
        } finally {
            watch.stop();
            log.add(watch.problems());
        }
    }

    /** JMH writes one JSON array per run; the report reads one file holding both. */
    private static void merge(List<Path> parts, Path target) throws IOException {
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ArrayNode all = mapper.createArrayNode();
        for (Path part : parts) {
            if (Files.isRegularFile(part)) {
                JsonNode runs = mapper.readTree(part.toFile());
                runs.forEach(all::add);
            }
        }
        mapper.writerWithDefaultPrettyPrinter().writeValue(target.toFile(), all);
    }
}
