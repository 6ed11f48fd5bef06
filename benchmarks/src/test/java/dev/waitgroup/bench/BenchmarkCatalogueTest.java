package dev.waitgroup.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.waitgroup.catalogue.Baseline;
import dev.waitgroup.catalogue.Benchmark;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks held to the catalogue ({@link Benchmark}, {@link Baseline}), both ways: every
 * {@code @Benchmark} method of this module is declared there, once, and every declaration has its
 * method. Adding a benchmark without declaring it fails the build here, naming it.
 */
class BenchmarkCatalogueTest {

    @Test
    void everyBenchmarkMethodIsDeclaredOnceAndEveryDeclarationHasItsMethod() throws Exception {
        Map<String, Set<String>> found = benchmarkMethods();
        assertTrue(found.containsKey(WaitGroupBenchmarks.class.getSimpleName()), "found " + found);
        List<String> problems = new ArrayList<>();
        found.forEach((className, methods) -> {
            Optional<Baseline> baseline = Baseline.ofClass(className);
            if (baseline.isEmpty() && !className.equals(WaitGroupBenchmarks.class.getSimpleName())) {
                problems.add(className + " has @Benchmark methods " + methods + " but is neither WaitGroupBenchmarks"
                        + " nor a baseline: declare it in dev.waitgroup.catalogue.Baseline");
                return;
            }
            for (String method : methods) {
                List<Benchmark> entries = Stream.of(Benchmark.values()).filter(b -> b.method().equals(method)).toList();
                if (entries.size() != 1) {
                    problems.add(className + "." + method + " is a @Benchmark with " + entries.size() + " entries in"
                            + " dev.waitgroup.catalogue.Benchmark: declare it there once, with what it measures");
                } else if (baseline.isPresent() && !entries.get(0).baselines().contains(baseline.get())) {
                    problems.add(className + "." + method + " is a @Benchmark, but the catalogue's " + entries.get(0)
                            + " does not name " + baseline.get() + " among its baselines");
                }
            }
        });
        for (Benchmark benchmark : Benchmark.values()) {
            if (!found.getOrDefault(WaitGroupBenchmarks.class.getSimpleName(), Set.of()).contains(benchmark.method())) {
                problems.add("the catalogue's " + benchmark + " has no @Benchmark method WaitGroupBenchmarks."
                        + benchmark.method());
            }
            for (Baseline baseline : benchmark.baselines()) {
                if (!found.getOrDefault(baseline.className(), Set.of()).contains(benchmark.method())) {
                    problems.add("the catalogue's " + benchmark + " names the baseline " + baseline + ", but "
                            + baseline.className() + "." + benchmark.method() + " is no @Benchmark method");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    /** BenchmarkRunner runs at 1 and at 2 threads: a benchmark declared at other counts would never run. */
    @Test
    void everyBenchmarkRunsAtThreadCountsTheRunnerRuns() {
        for (Benchmark benchmark : Benchmark.values()) {
            assertTrue(Set.of(1, 2).containsAll(benchmark.threads()), benchmark + " runs at " + benchmark.threads());
            String name = "dev.waitgroup.bench.WaitGroupBenchmarks." + benchmark.method();
            for (int threads : List.of(1, 2)) {
                assertEquals(benchmark.threads().contains(threads),
                        Pattern.compile(BenchmarkRunner.includedAt(threads)).matcher(name).find(),
                        benchmark + " at " + threads + " thread(s)");
            }
        }
        assertTrue(Pattern.compile(BenchmarkRunner.includedAt(2)).matcher("dev.waitgroup.bench.PhaserBaseline.handOff")
                .find(), "a baseline runs with the benchmark of its name");
        assertTrue(!Pattern.compile(BenchmarkRunner.includedAt(1)).matcher("dev.waitgroup.bench.WaitGroupBenchmarks.awaitWorkX")
                .find(), "a name is matched whole");
    }

    /**
     * Every class of this module's package (the JMH-generated ones aside) with its {@code @Benchmark}
     * methods, by simple name; nested classes count for their own name.
     */
    private static Map<String, Set<String>> benchmarkMethods() throws IOException, URISyntaxException,
            ClassNotFoundException {
        Path classes = Path.of(WaitGroupBenchmarks.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String packageName = WaitGroupBenchmarks.class.getPackageName();
        Path folder = classes.resolve(packageName.replace('.', '/'));
        List<String> names;
        try (Stream<Path> files = Files.list(folder)) {
            names = files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".class"))
                    .map(name -> name.substring(0, name.length() - ".class".length())).sorted().toList();
        }
        Map<String, Set<String>> found = new TreeMap<>();
        for (String name : names) {
            Class<?> type = Class.forName(packageName + "." + name, false, BenchmarkCatalogueTest.class.getClassLoader());
            for (Method method : type.getDeclaredMethods()) {
                if (method.isAnnotationPresent(org.openjdk.jmh.annotations.Benchmark.class)) {
                    found.computeIfAbsent(type.getSimpleName(), k -> new TreeSet<>()).add(method.getName());
                }
            }
        }
        return found;
    }
}
