package dev.waitgroup.lincheck;

import dev.waitgroup.Implementation;
import dev.waitgroup.WaitGroup;
import java.util.concurrent.atomic.AtomicReference;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;

/**
 * The object Lincheck drives: one fresh group of the implementation under check per execution.
 *
 * <p>Random scenarios use only the {@link Operation}s: {@code add} with small deltas of both signs,
 * {@code done} and {@code count}. The blocking operations ({@code await}, and running a task handed
 * over by {@code go}) are used only in hand-built scenarios whose counter always reaches zero:
 * in a random scenario a correct {@code await()} may block forever, which Lincheck reports as a hang.
 */
@Param(name = "delta", gen = IntGen.class, conf = "-2:2")
public class WaitGroupUnderTest {
    private static volatile Implementation subject;

    private final WaitGroup group = subject.create();
    private final AtomicReference<Runnable> handedOver = new AtomicReference<>();

    /** Which implementation the next executions create; Lincheck runs one check at a time. */
    static void check(Implementation implementation) {
        subject = implementation;
    }

    @Operation
    public void add(@Param(name = "delta") int delta) {
        group.add(delta);
    }

    @Operation
    public void done() {
        group.done();
    }

    @Operation
    public int count() {
        return group.count();
    }

    public void await() throws InterruptedException {
        group.await();
    }

    /** {@code go(executor, task)} with an executor that hands the task to another thread. */
    public void goHandOff() {
        group.go(handedOver::set, () -> { });
    }

    /** The other thread: waits until a task is handed over, then runs it. */
    public void runHandedOff() {
        Runnable task;
        while ((task = handedOver.get()) == null) {
            Thread.onSpinWait();
        }
        task.run();
    }
}
