package dev.waitgroup.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The floor for add/done: the same counting with a bare {@link AtomicInteger}, no refusals, no
 * waiters. Method names match {@link WaitGroupBenchmarks} so that the report puts them side by side.
 *
 * <p>Declared in the catalogue as {@link dev.waitgroup.catalogue.Baseline#ATOMIC_INTEGER}: its methods are the
 * benchmarks there that name it ({@link dev.waitgroup.catalogue.Benchmark#baselines()}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class AtomicIntegerBaseline {
    private final AtomicInteger shared = new AtomicInteger();

    @State(Scope.Thread)
    public static class Own {
        final AtomicInteger counter = new AtomicInteger();
        int work = 1;
    }

    @Benchmark
    public int uncontended(Own own) {
        own.counter.incrementAndGet();
        own.counter.decrementAndGet();
        return own.counter.get();
    }

    @Benchmark
    public int addDone() {
        shared.incrementAndGet();
        return shared.decrementAndGet();
    }

    @Benchmark
    public int addDoneWork(Own own) {
        shared.incrementAndGet();
        int work = WaitGroupBenchmarks.localWork(own.work);
        shared.decrementAndGet();
        return work;
    }

    @Benchmark
    public int await() {
        return shared.get();
    }
}
