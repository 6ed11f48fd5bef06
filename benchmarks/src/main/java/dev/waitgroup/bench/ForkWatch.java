package dev.waitgroup.bench;

import dev.waitgroup.harness.ThreadDumps;
import dev.waitgroup.record.BenchmarkRun;
import dev.waitgroup.settings.Property;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.format.OutputFormat;

/**
 * Bounds JMH's forked VMs: JMH's own iteration timeout only interrupts the benchmark threads, so a
 * WaitGroup that waits again after an interrupt (or ignores it) keeps a fork, and the run, forever.
 *
 * <p>Sits between JMH's runner and its console output, so that it sees every benchmark start and
 * every iteration end. A watchdog thread checks twice a second: when the running benchmark has
 * finished no iteration for longer than the bound, it dumps the threads of the forked VM (the
 * evidence: where the implementation's threads were), ends the fork, and records the benchmark as
 * hung. JMH then sees a fork that died, reports it, and goes on with the next benchmark (the run is
 * made with {@code failOnError(false)}). A benchmark that ends without figures otherwise is recorded
 * as failed. Invariant: a fork is never older than the bound without progress, so one hang costs the
 * run at most the bound.
 */
final class ForkWatch implements OutputFormat {
    private static final long POLL_MILLIS = 500;
    private static final long DUMP_BOUND_MILLIS = 10_000;

    private final OutputFormat console;
    private final long boundNanos;
    private final Function<String, String> classOf;
    private final List<BenchmarkRun.Problem> problems = new ArrayList<>();
    private final Thread watchdog;

    private BenchmarkParams running;
    private long lastProgress;
    private boolean progressed;
    private boolean endedByUs;

    /**
     * @param console where JMH's output goes on to
     * @param bound   how long a benchmark may go without finishing an iteration
     * @param classOf the class name of an implementation, by its name in the {@code impl} parameter,
     *                so that the evidence keeps the threads that run its code
     */
    ForkWatch(OutputFormat console, Duration bound, Function<String, String> classOf) {
        this.console = console;
        this.boundNanos = bound.toNanos();
        this.classOf = classOf;
        this.watchdog = new Thread(this::watch, "wg-bench-watchdog");
        this.watchdog.setDaemon(true);
        this.watchdog.start();
    }

    /** The benchmarks that gave no figures, so far. */
    synchronized List<BenchmarkRun.Problem> problems() {
        return List.copyOf(problems);
    }

    /** Stops watching. */
    void stop() {
        watchdog.interrupt();
    }

    private void watch() {
        try {
            while (true) {
                TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
                BenchmarkParams stuck;
                synchronized (this) {
                    stuck = running != null && !endedByUs && System.nanoTime() - lastProgress > boundNanos ? running : null;
                    if (stuck != null) {
                        endedByUs = true;
                    }
                }
                if (stuck != null) {
                    end(stuck);
                }
            }
        } catch (InterruptedException stopped) {
            // the run is over
        }
    }

    /** Dumps the threads of the forked VMs, ends them, and records the benchmark as hung. */
    private void end(BenchmarkParams stuck) {
        String implementation = implementationOf(stuck);
        StringBuilder dump = new StringBuilder();
        List<ProcessHandle> forks = new ArrayList<>();
        ProcessHandle.current().children().forEach(forks::add);
        for (ProcessHandle fork : forks) {
            String threads = ThreadDumps.ofProcess(fork.pid(), DUMP_BOUND_MILLIS);
            if (threads != null) {
                dump.append(ThreadDumps.relevantBlocks(threads, List.of(classOf.apply(implementation),
                        "dev.waitgroup.bench")));
            }
        }
        for (ProcessHandle fork : forks) {
            fork.descendants().forEach(ProcessHandle::destroyForcibly);
            fork.destroyForcibly();
        }
        String message = "the benchmark " + benchmarkName(stuck) + " at " + stuck.getThreads() + (stuck.getThreads() == 1 ? " thread" : " threads")
                + " on " + implementation + " finished no iteration for " + TimeUnit.NANOSECONDS.toSeconds(boundNanos)
                + " s (" + Property.BENCH_BOUND.key() + "): its forked VM was ended";
        synchronized (this) {
            problems.add(new BenchmarkRun.Problem(benchmarkName(stuck), stuck.getThreads(), implementation,
                    BenchmarkRun.Kind.HUNG, message, dump.toString()));
        }
        console.println("benchmarks: " + message);
    }

    @Override
    public void startBenchmark(BenchmarkParams params) {
        synchronized (this) {
            running = params;
            lastProgress = System.nanoTime();
            progressed = false;
            endedByUs = false;
        }
        console.startBenchmark(params);
    }

    @Override
    public void iteration(BenchmarkParams params, IterationParams iteration, int index) {
        synchronized (this) {
            lastProgress = System.nanoTime();
        }
        console.iteration(params, iteration, index);
    }

    @Override
    public void iterationResult(BenchmarkParams params, IterationParams iteration, int index, IterationResult result) {
        synchronized (this) {
            lastProgress = System.nanoTime();
            progressed = true;
        }
        console.iterationResult(params, iteration, index, result);
    }

    @Override
    public void endBenchmark(BenchmarkResult result) {
        synchronized (this) {
            if (running != null && !endedByUs && (result == null || !progressed)) {
                problems.add(new BenchmarkRun.Problem(benchmarkName(running), running.getThreads(),
                        implementationOf(running), BenchmarkRun.Kind.FAILED, "the benchmark " + benchmarkName(running) + " at "
                        + running.getThreads() + " threads on " + implementationOf(running) + " gave no figures:"
                        + " the benchmark threw, or its forked VM ended early (JMH's output above says which)", ""));
            }
            running = null;
        }
        console.endBenchmark(result);
    }

    private static String benchmarkName(BenchmarkParams params) {
        String full = params.getBenchmark();
        return full.substring(full.lastIndexOf('.') + 1);
    }

    private static String implementationOf(BenchmarkParams params) {
        String impl = params.getParam("impl");
        return impl != null ? impl : params.getBenchmark().substring(0, params.getBenchmark().lastIndexOf('.'));
    }

    // ---- the rest goes to the console as it is ----

    @Override
    public void startRun() {
        console.startRun();
    }

    @Override
    public void endRun(Collection<RunResult> result) {
        console.endRun(result);
    }

    @Override
    public void print(String s) {
        console.print(s);
    }

    @Override
    public void println(String s) {
        console.println(s);
    }

    @Override
    public void flush() {
        console.flush();
    }

    @Override
    public void close() {
        console.close();
    }

    @Override
    public void verbosePrintln(String s) {
        console.verbosePrintln(s);
    }

    @Override
    public void write(int b) {
        console.write(b);
    }

    @Override
    public void write(byte[] b) throws IOException {
        console.write(b);
    }
}
