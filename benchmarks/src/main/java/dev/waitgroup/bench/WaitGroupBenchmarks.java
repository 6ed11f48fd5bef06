package dev.waitgroup.bench;

import dev.waitgroup.WaitGroup;
import dev.waitgroup.harness.ExitWitness;
import dev.waitgroup.harness.Implementation;
import dev.waitgroup.harness.Implementations;
import dev.waitgroup.settings.Property;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Go's WaitGroup benchmarks (src/sync/waitgroup_test.go), mirrored for every implementation, plus
 * the fork-join round users actually write.
 *
 * <p>Go runs them with {@code b.RunParallel} and reports wall time divided by the operations of all
 * goroutines together; JMH's throughput with N threads is likewise the sum over threads, so the
 * report converts it to ns/op for a like-with-like comparison. The {@code impl} parameter takes any
 * {@code wg.impl} value; BenchmarkRunner sets it to the run's selection.
 *
 * <p>Every {@code @Benchmark} method here is declared in the catalogue,
 * {@link dev.waitgroup.catalogue.Benchmark}, under its name: what it measures (the text the report
 * shows), its Go counterpart, the thread counts it runs at and its baselines. A method without a
 * declaration, or a declaration without a method, fails this module's build (BenchmarkCatalogueTest).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class WaitGroupBenchmarks {
    /** Go's "local work": 100 rounds of a multiply and a divide. */
    static final int LOCAL_WORK = 100;
    /** Rounds per invocation of {@link #actuallyWaitVirtual}. */
    static final int ROUNDS = 1_000;

    @Param({"aqs", "phaser", "lock", "cas", "go"})
    public String impl;

    Implementation implementation;
    /** One group shared by all threads (AddDone, Wait). */
    WaitGroup shared;

    @Setup(Level.Trial)
    public void createSharedGroup() {
        ExitWitness.endWhenMainEnds(); // a thread the WaitGroup started must not keep a finished fork alive
        implementation = Implementations.select(impl, System.getProperty(Property.CLASSPATH.key(), ""))
                .get(0);
        shared = implementation.create();
    }

    /** Each thread's own group, for Uncontended, ActuallyWait and the hand-off. */
    @State(Scope.Thread)
    public static class Own {
        WaitGroup group;
        int work = 1;

        @Setup(Level.Trial)
        public void createOwnGroup(WaitGroupBenchmarks benchmark) {
            group = benchmark.implementation.create();
        }
    }

    /** Each thread's helper, the other party of the hand-off. */
    @State(Scope.Thread)
    public static class Helper {
        Handoff doneOnAnotherThread;

        @Setup(Level.Trial)
        public void start() {
            doneOnAnotherThread = new Handoff("hand-off-helper", item -> ((WaitGroup) item).done());
        }

        @TearDown(Level.Trial)
        public void stop() throws InterruptedException {
            doneOnAnotherThread.close();
        }
    }

    /** The pool for the fork-join round: as many workers as cores. */
    @State(Scope.Benchmark)
    public static class Pool {
        @Param({"1", "8", "64"})
        public int tasks;

        ForkJoinPool pool;

        @Setup(Level.Trial)
        public void start() {
            pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
        }

        @TearDown(Level.Trial)
        public void stop() {
            pool.shutdownNow();
        }
    }

    /** Go: each goroutine its own (padded) group: Add(1); Done(); Wait(). */
    @Benchmark
    public void uncontended(Own own) throws InterruptedException {
        own.group.add(1);
        own.group.done();
        own.group.await();
    }

    /** Go: one group shared by all goroutines: Add(1); Done(). */
    @Benchmark
    public void addDone() {
        shared.add(1);
        shared.done();
    }

    /** Go: Add(1); 100 rounds of local work; Done(). */
    @Benchmark
    public int addDoneWork(Own own) {
        shared.add(1);
        int work = localWork(own.work);
        shared.done();
        return work;
    }

    /** Go: Wait() on a group whose counter is already zero. */
    @Benchmark
    public void await() throws InterruptedException {
        shared.await();
    }

    /** Go: Wait() on a zero counter, then local work. */
    @Benchmark
    public int awaitWork(Own own) throws InterruptedException {
        shared.await();
        return localWork(own.work);
    }

    /**
     * Go's ActuallyWait, mirrored exactly: each round starts a new task that calls done(), and the
     * waiter really blocks until it ran. {@code go(task)} starts a virtual thread on Java 21+ (a
     * platform thread on 17), as Go starts a goroutine.
     */
    @Benchmark
    public void actuallyWait(Own own) throws InterruptedException {
        WaitGroup group = own.group;
        group.go(WaitGroupBenchmarks::nothing);
        group.await();
    }

    /**
     * Go's ActuallyWait with both sides as Go has them: the waiter is a virtual thread too (Java 21+),
     * so the task's done() wakes it through the virtual-thread scheduler, not the operating system.
     * One invocation runs {@value #ROUNDS} rounds in one new virtual thread and joins it (the join is
     * a thousandth of the figure). BenchmarkRunner gives the scheduler as many carriers as the run has
     * threads, as Go's -cpu sets GOMAXPROCS. On Java 17 the rounds run on a platform thread: the
     * same as {@link #actuallyWait}.
     */
    @Benchmark
    @OperationsPerInvocation(ROUNDS)
    public void actuallyWaitVirtual(Own own) throws InterruptedException {
        WaitGroup group = own.group;
        NewTask.start(() -> {
            try {
                for (int round = 0; round < ROUNDS; round++) {
                    group.go(WaitGroupBenchmarks::nothing);
                    group.await();
                }
            } catch (InterruptedException e) {
                throw new IllegalStateException("a benchmark round was interrupted", e);
            }
        }).join();
    }

    /**
     * Not Go's: add(1), hand the group to a pre-started helper thread that calls done(), await. It
     * measures the hand-off and the wake-up alone, without starting anything.
     */
    @Benchmark
    public void handOff(Own own, Helper helper) throws InterruptedException {
        WaitGroup group = own.group;
        group.add(1);
        helper.doneOnAnotherThread.handOff(group);
        group.await();
    }

    /** The shape users write: start N tasks with go(pool, task), then await them all. */
    @Benchmark
    public void forkJoin(Pool pool, Blackhole blackhole) throws InterruptedException {
        WaitGroup group = implementation.create();
        for (int i = 0; i < pool.tasks; i++) {
            group.go(pool.pool, () -> Blackhole.consumeCPU(50));
        }
        group.await();
        blackhole.consume(group);
    }

    static int localWork(int seed) {
        int foo = seed;
        for (int i = 0; i < LOCAL_WORK; i++) {
            foo *= 2;
            foo /= 2;
        }
        return foo;
    }

    private static void nothing() {
    }
}
