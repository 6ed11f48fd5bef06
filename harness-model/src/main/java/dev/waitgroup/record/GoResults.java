package dev.waitgroup.record;

import java.util.List;

/**
 * Go's own WaitGroup benchmarks, run in the same run and on the same machine as the JMH mirrors
 * ({@code <results>/go.json}): the only Go figures a ratio may be computed from.
 *
 * @param formatVersion {@value ResultsFiles#FORMAT_VERSION}
 * @param goVersion     what {@code go version} printed
 * @param command       the command that produced the figures, as typed
 * @param measuredAt    ISO-8601 instant
 * @param cores         the cores the JVM saw on this machine
 * @param figures       one per benchmark and thread count
 */
public record GoResults(int formatVersion, String goVersion, String command, String measuredAt, int cores,
                        List<Figure> figures) {

    /** The file's name in the results folder. */
    public static final String FILE = "go.json";

    public GoResults {
        figures = figures == null ? List.of() : List.copyOf(figures);
    }

    /**
     * One Go benchmark at one {@code -cpu} value, over its repetitions ({@code -count}).
     *
     * @param goName    Go's name, e.g. {@code BenchmarkWaitGroupAddDone}
     * @param benchmark the JMH mirror's name, e.g. {@code addDone}
     * @param threads   GOMAXPROCS ({@code -cpu}): goroutines running {@code b.RunParallel}'s body at once
     * @param nsPerOp   the median over the repetitions, wall time over the operations of all goroutines
     * @param min       the fastest repetition
     * @param max       the slowest repetition
     * @param samples   how many repetitions
     */
    public record Figure(String goName, String benchmark, int threads, double nsPerOp, double min, double max,
                         int samples) {
    }
}
