package dev.waitgroup.bench;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The JDK's one-shot answer, where its shape fits: a fresh latch per round (it cannot be reused) for
 * ActuallyWait and the hand-off, and await() on a latch already at zero. Its ActuallyWait (and the
 * variant whose waiter is a virtual thread too) is the floor of Go's round in Java: start a task on a
 * new thread (virtual on 21+), wait for it.
 *
 * <p>Declared in the catalogue as {@link dev.waitgroup.catalogue.Baseline#COUNT_DOWN_LATCH}: its methods are the
 * benchmarks there that name it ({@link dev.waitgroup.catalogue.Benchmark#baselines()}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class CountDownLatchBaseline {
    private final CountDownLatch open = new CountDownLatch(0);

    @State(Scope.Thread)
    public static class Own {
        Handoff countDownOnAnotherThread;

        @Setup(Level.Trial)
        public void startHelper() {
            countDownOnAnotherThread = new Handoff("latch-helper", item -> ((CountDownLatch) item).countDown());
        }

        @TearDown(Level.Trial)
        public void stopHelper() throws InterruptedException {
            countDownOnAnotherThread.close();
        }
    }

    @Benchmark
    public void await() throws InterruptedException {
        open.await();
    }

    @Benchmark
    public void handOff(Own own) throws InterruptedException {
        CountDownLatch latch = new CountDownLatch(1);
        own.countDownOnAnotherThread.handOff(latch);
        latch.await();
    }

    @Benchmark
    public void actuallyWait() throws InterruptedException {
        CountDownLatch latch = new CountDownLatch(1);
        NewTask.start(latch::countDown);
        latch.await();
    }

    /** The floor of {@link WaitGroupBenchmarks#actuallyWaitVirtual}: the same rounds with a latch each. */
    @Benchmark
    @OperationsPerInvocation(WaitGroupBenchmarks.ROUNDS)
    public void actuallyWaitVirtual() throws InterruptedException {
        NewTask.start(() -> {
            try {
                for (int round = 0; round < WaitGroupBenchmarks.ROUNDS; round++) {
                    CountDownLatch latch = new CountDownLatch(1);
                    NewTask.start(latch::countDown);
                    latch.await();
                }
            } catch (InterruptedException e) {
                throw new IllegalStateException("a benchmark round was interrupted", e);
            }
        }).join();
    }
}
