package dev.waitgroup.examples;

import dev.waitgroup.WaitGroup;
import dev.waitgroup.impl.CasSpinWaitGroup;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Parallel file processing: count the lines and words of every file under a folder, one task per
 * file on a fixed pool, and aggregate after the wait. The results are written to a concurrent map;
 * reading them after {@code await()} needs nothing more, since every task's writes happen-before
 * the return of the {@code await} that its {@code done()} released.
 *
 * <p>Run: {@code java -cp examples/target/examples.jar dev.waitgroup.examples.ParallelFileProcessing
 * wg-impl/src .java}
 */
public final class ParallelFileProcessing {
    private ParallelFileProcessing() {
    }

    /** Lines and words of one file. */
    public record Count(long lines, long words) {
        Count plus(Count other) {
            return new Count(lines + other.lines, words + other.words);
        }
    }

    /** Counts every regular file under {@code root} whose name ends with {@code suffix}. */
    public static Map<Path, Count> count(Path root, String suffix, int threads) throws IOException, InterruptedException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(suffix))
                    .collect(Collectors.toList());
        }
        Map<Path, Count> counts = new ConcurrentHashMap<>();
        WaitGroup group = new CasSpinWaitGroup();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (Path file : files) {
                group.go(pool, () -> counts.put(file, countOne(file)));
            }
            group.await();
        } finally {
            pool.shutdown();
        }
        return counts;
    }

    private static Count countOne(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            long words = 0;
            for (String line : lines) {
                String trimmed = line.trim();
                if (!trimmed.isEmpty()) {
                    words += trimmed.split("\\s+").length;
                }
            }
            return new Count(lines.size(), words);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reaches the pool thread's handler; the task still counts down
        }
    }

    static Count total(Map<Path, Count> counts) {
        return counts.values().stream().reduce(new Count(0, 0), Count::plus);
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        String suffix = args.length > 1 ? args[1] : ".java";
        PrintStream out = System.out;
        Map<Path, Count> counts = count(root, suffix, Runtime.getRuntime().availableProcessors());
        Count total = total(counts);
        out.printf("%d %s files under %s: %,d lines, %,d words%n", counts.size(), suffix, root, total.lines(),
                total.words());
        counts.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue().lines(), a.getValue().lines()))
                .limit(5)
                .forEach(e -> out.printf("  %,7d lines  %s%n", e.getValue().lines(), root.relativize(e.getKey())));
    }
}
