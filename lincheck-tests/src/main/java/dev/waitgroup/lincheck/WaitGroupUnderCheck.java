package dev.waitgroup.lincheck;

import dev.waitgroup.WaitGroup;
import dev.waitgroup.harness.Implementation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;

/**
 * The object Lincheck drives: one fresh group of the implementation under check per execution.
 *
 * <p>Random scenarios use only the {@link Operation}s: {@code add} with small deltas of both signs
 * (zero included), {@code done}, {@code count} and the non-blocking {@code awaitNow}
 * ({@code await(0, NANOSECONDS)}). The blocking operations ({@code await}, and running a task handed
 * over by {@code go}) are used only in hand-built scenarios whose counter always reaches zero: in a
 * random scenario a correct {@code await()} may block forever, which Lincheck reports as a hang.
 *
 * <p>Every {@code IllegalStateException} an operation throws is also noted ({@link #thrown()}): when
 * a misuse scenario fails, that is how the check tells an implementation that noticed the misuse
 * (and threw, as Go panics) from one that broke silently. The note goes to a file: Lincheck restores
 * the memory reachable from static fields between executions, which would erase a note kept there.
 */
@Param(name = "delta", gen = IntGen.class, conf = "-2:2")
public class WaitGroupUnderCheck {
    private static volatile Implementation subject;
    private static volatile Path thrownNotes;

    private final WaitGroup group = subject.create();
    private final AtomicReference<Runnable> handedOver = new AtomicReference<>();

    /** Which implementation the next executions create; Lincheck runs one check at a time. */
    static void check(Implementation implementation) {
        subject = implementation;
        try {
            thrownNotes = Files.createTempFile("wg-lincheck-thrown-", ".txt");
            thrownNotes.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The messages of the IllegalStateExceptions the operations threw since the check began. In the
     * misuse scenarios no sequential WaitGroup throws, so any of these made an execution fail.
     */
    static List<String> thrown() {
        try {
            return Files.readAllLines(thrownNotes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static IllegalStateException noted(IllegalStateException thrown) {
        try {
            Files.writeString(thrownNotes, String.valueOf(thrown.getMessage()).replace('\n', ' ') + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return thrown;
    }

    @Operation
    public void add(@Param(name = "delta") int delta) {
        try {
            group.add(delta);
        } catch (IllegalStateException e) {
            throw noted(e);
        }
    }

    @Operation
    public void done() {
        add(-1);
    }

    @Operation
    public int count() {
        return group.count();
    }

    /** {@code await(0, NANOSECONDS)}: never blocks; true when the counter is zero. */
    @Operation
    public boolean awaitNow() throws InterruptedException {
        return group.await(0, TimeUnit.NANOSECONDS);
    }

    public void await() throws InterruptedException {
        try {
            group.await();
        } catch (IllegalStateException e) {
            throw noted(e);
        }
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
