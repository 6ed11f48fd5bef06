package dev.waitgroup.bench;

import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A raw {@link Phaser} used as a WaitGroup: a task is a party ({@code register}, then
 * {@code arriveAndDeregister}); one extra party keeps the shared phaser from terminating.
 *
 * <p>Declared in the catalogue as {@link dev.waitgroup.catalogue.Baseline#PHASER}: its methods are the
 * benchmarks there that name it ({@link dev.waitgroup.catalogue.Benchmark#baselines()}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class PhaserBaseline {
    private final Phaser shared = new Phaser(1);

    @State(Scope.Thread)
    public static class Own {
        Handoff arriveOnAnotherThread;

        @Setup(Level.Trial)
        public void startHelper() {
            arriveOnAnotherThread = new Handoff("phaser-helper", item -> ((Phaser) item).arriveAndDeregister());
        }

        @TearDown(Level.Trial)
        public void stopHelper() throws InterruptedException {
            arriveOnAnotherThread.close();
        }
    }

    @Benchmark
    public int addDone() {
        shared.register();
        return shared.arriveAndDeregister();
    }

    @Benchmark
    public int handOff(Own own) {
        Phaser phaser = new Phaser(2);
        own.arriveOnAnotherThread.handOff(phaser);
        return phaser.arriveAndAwaitAdvance();
    }
}
