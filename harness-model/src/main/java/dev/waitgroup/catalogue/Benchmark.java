package dev.waitgroup.catalogue;

import static dev.waitgroup.catalogue.Baseline.ATOMIC_INTEGER;
import static dev.waitgroup.catalogue.Baseline.COUNT_DOWN_LATCH;
import static dev.waitgroup.catalogue.Baseline.PHASER;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The benchmark catalogue: every JMH benchmark of the {@code benchmarks} module, declared once.
 *
 * <p>A benchmark is a method of {@code WaitGroupBenchmarks}, run over every selected implementation.
 * Each has its method's name ({@link #method()}: the name results files, the README and the report
 * know it by), what it measures in a sentence or two that a reader of the report reads, the Go
 * benchmark it mirrors (from Go's {@code src/sync/waitgroup_test.go}), if any, the thread counts the
 * main job runs it at, and the JDK {@link Baseline}s that run the same method beside it. The report
 * shows benchmarks in the order declared here; {@code BenchmarkRunner} runs them at their thread
 * counts; the {@code benchmarks} module's own test holds its {@code @Benchmark} methods to this list,
 * both ways. Adding a benchmark is one constant here and its method in {@code WaitGroupBenchmarks}
 * (and in the class of each baseline it names).
 *
 * <p>Go's figures (the stored reference, and Go's own benchmarks run beside JMH) are filed under the
 * name of the benchmark that mirrors Go's exactly ({@link #mirrorOf}); a benchmark that is a variant
 * of a Go benchmark is compared with the same Go figure ({@link #goFiguresUnder()}).
 */
public enum Benchmark {
    UNCONTENDED("uncontended", mirrors("BenchmarkWaitGroupUncontended"), List.of(1, 2),
            "Go's Uncontended: each thread its own group: add(1), done(), await().",
            ATOMIC_INTEGER),
    ADD_DONE("addDone", mirrors("BenchmarkWaitGroupAddDone"), List.of(1, 2),
            "Go's AddDone: one group shared by all threads: add(1), done(); the contended path at 2 threads.",
            ATOMIC_INTEGER, PHASER),
    ADD_DONE_WORK("addDoneWork", mirrors("BenchmarkWaitGroupAddDoneWork"), List.of(1, 2),
            "Go's AddDoneWork: add(1), 100 rounds of local work, done().",
            ATOMIC_INTEGER),
    AWAIT("await", mirrors("BenchmarkWaitGroupWait"), List.of(1, 2),
            "Go's Wait: await() on a shared group whose counter is already zero.",
            ATOMIC_INTEGER, COUNT_DOWN_LATCH),
    AWAIT_WORK("awaitWork", mirrors("BenchmarkWaitGroupWaitWork"), List.of(1, 2),
            "Go's WaitWork: await() on a zero counter, then local work."),
    ACTUALLY_WAIT("actuallyWait", mirrors("BenchmarkWaitGroupActuallyWait"), List.of(1, 2),
            "Go's ActuallyWait: each round starts a task with go(task) (a virtual thread on Java 21+) and waits"
                    + " for it; the waiter is the benchmark's platform thread, woken by the operating system.",
            COUNT_DOWN_LATCH),
    ACTUALLY_WAIT_VIRTUAL("actuallyWaitVirtual", variantOf("BenchmarkWaitGroupActuallyWait"), List.of(1, 2),
            "Go's ActuallyWait with the waiter a virtual thread too, as Go's is a goroutine: the wake-up goes"
                    + " through the virtual-thread scheduler, with as many carriers as threads (Go's GOMAXPROCS)."
                    + " On Java 17, the same as actuallyWait.",
            COUNT_DOWN_LATCH),
    HAND_OFF("handOff", null, List.of(1, 2),
            "Not Go's: add(1), a pre-started helper thread calls done(), await(): the hand-off and wake-up alone,"
                    + " nothing started.",
            COUNT_DOWN_LATCH, PHASER),
    FORK_JOIN("forkJoin", null, List.of(1),
            "Not Go's: the round users write: N tasks on a pool with go(pool, task), then await().");

    /**
     * The Go benchmark a benchmark mirrors.
     *
     * @param name  Go's name for it, as {@code go test -bench} prints it: {@code BenchmarkWaitGroupAddDone}
     * @param exact true when the benchmark mirrors Go's as Go wrote it; false for a variant of it
     *              ({@code actuallyWaitVirtual}), which is compared with the same Go figure
     */
    public record GoCounterpart(String name, boolean exact) {
    }

    private final String method;
    private final GoCounterpart go;
    private final List<Integer> threads;
    private final String measures;
    private final Set<Baseline> baselines;

    Benchmark(String method, GoCounterpart go, List<Integer> threads, String measures, Baseline... baselines) {
        this.method = method;
        this.go = go;
        this.threads = List.copyOf(threads);
        this.measures = measures;
        EnumSet<Baseline> set = EnumSet.noneOf(Baseline.class);
        Collections.addAll(set, baselines);
        this.baselines = Collections.unmodifiableSet(set);
    }

    private static GoCounterpart mirrors(String goName) {
        return new GoCounterpart(goName, true);
    }

    private static GoCounterpart variantOf(String goName) {
        return new GoCounterpart(goName, false);
    }

    /** The JMH method's name, in {@code WaitGroupBenchmarks} and in each of its baselines: {@code addDone}. */
    public String method() {
        return method;
    }

    /** What this benchmark measures, in a sentence or two: the text the report shows beside its figures. */
    public String measures() {
        return measures;
    }

    /** The Go benchmark this one mirrors, exactly or as a variant; empty when it is not Go's. */
    public Optional<GoCounterpart> goCounterpart() {
        return Optional.ofNullable(go);
    }

    /**
     * The benchmark under whose name Go's figures for this one's Go counterpart are filed: this one
     * when it mirrors Go's exactly, the exact mirror when it is a variant; empty when it is not Go's.
     */
    public Optional<Benchmark> goFiguresUnder() {
        return goCounterpart().flatMap(counterpart -> mirrorOf(counterpart.name()));
    }

    /**
     * The thread counts the main job runs this benchmark at, ascending: 1 and 2, as Go's
     * {@code -cpu 1,2}, or 1 alone for a benchmark that already uses every core.
     */
    public List<Integer> threads() {
        return threads;
    }

    /** The JDK baselines that run this benchmark's method beside it in the same run; possibly none. */
    public Set<Baseline> baselines() {
        return baselines;
    }

    /** The benchmark whose JMH method is named {@code method}; empty for any other name. */
    public static Optional<Benchmark> of(String method) {
        for (Benchmark benchmark : values()) {
            if (benchmark.method.equals(method)) {
                return Optional.of(benchmark);
            }
        }
        return Optional.empty();
    }

    /**
     * The benchmark that mirrors Go's benchmark {@code goName} exactly: the name Go's figures for it
     * are filed under. Empty for a Go benchmark that nothing here mirrors exactly.
     */
    public static Optional<Benchmark> mirrorOf(String goName) {
        for (Benchmark benchmark : values()) {
            if (benchmark.go != null && benchmark.go.exact() && benchmark.go.name().equals(goName)) {
                return Optional.of(benchmark);
            }
        }
        return Optional.empty();
    }
}
