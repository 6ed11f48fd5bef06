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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
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
 *
 * <p>Interrupts ({@link InterruptAndTimeChecks}): {@link #awaitInterruptibly()} publishes its thread
 * and awaits; {@link #interruptWaiter()}, on another scenario thread, waits until a waiter is
 * published, interrupts it and records that it did. Whatever {@code await} did, the waiter then waits
 * until the interrupt was surely sent before it reads its status, so that its result never depends on
 * an interrupt landing after the operation: it throws {@code InterruptedException} (its status then
 * clear) or returns whether its status is still set, clearing it. Lincheck 3.7 neither models nor
 * resets a thread's interrupt status, and an execution it abandons (a hang, the replay of a spin
 * cycle) can leave the status set on its pooled thread: the next execution would then see another
 * result ("Non-determinism found"), or an {@code await} of a later check would throw. So every
 * operation starts by clearing it ({@link #clearLeftoverInterrupt()}); a scenario's own interrupts are
 * sent later, by {@link #interruptWaiter()} or by {@link #selfInterruptedAwait()} itself.
 */
@Param(name = "delta", gen = IntGen.class, conf = "-2:2")
public class WaitGroupUnderCheck {
    private static volatile Implementation subject;
    private static volatile Path thrownNotes;

    private final WaitGroup group = subject.create();
    private final AtomicReference<Runnable> handedOver = new AtomicReference<>();
    /** The thread of {@link #awaitInterruptibly()}, once it is about to await. */
    private final AtomicReference<Thread> waiter = new AtomicReference<>();
    /** Set by {@link #interruptWaiter()} once the interrupt was sent. */
    private volatile boolean interruptSent;
    /** Never written: read as a switch point, see {@link #switchPoint()}. */
    private volatile int landing;

    /**
     * What the results of this class's interrupt operations mean, for a reader of Lincheck's
     * interleaving, which shows only {@code true} or {@code false}: the operation as Lincheck prints it,
     * and the meaning.
     */
    private static final Map<String, String> RESULTS = Map.of(
            "awaitInterruptibly()", "awaitInterruptibly(): true means await() returned normally with the interrupt"
                    + " status still set (kept for the caller), false that it returned with the interrupt lost",
            "selfInterruptedAwait()", "selfInterruptedAwait(): await() was entered with the interrupt status set; true"
                    + " means it returned normally with the status still set, false that it returned with it lost",
            "StatusLeftSet", "StatusLeftSet: await() threw InterruptedException and left the interrupt status set");

    /** The meaning of each of this class's results that {@code report} shows, a line each; empty when none. */
    static String legend(String report) {
        return RESULTS.entrySet().stream().filter(result -> report.contains(result.getKey()))
                .map(Map.Entry::getValue).sorted().collect(Collectors.joining("\n"));
    }

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
        clearLeftoverInterrupt();
        try {
            group.add(delta);
        } catch (IllegalStateException e) {
            throw noted(e);
        }
    }

    /** The group's own {@code done()}, which a plug-in may implement otherwise than {@code add(-1)}. */
    @Operation
    public void done() {
        clearLeftoverInterrupt();
        try {
            group.done();
        } catch (IllegalStateException e) {
            throw noted(e);
        }
    }

    @Operation
    public int count() {
        clearLeftoverInterrupt();
        return group.count();
    }

    /** {@code await(0, NANOSECONDS)}: never blocks; true when the counter is zero. */
    @Operation
    public boolean awaitNow() throws InterruptedException {
        clearLeftoverInterrupt();
        return group.await(0, TimeUnit.NANOSECONDS);
    }

    public void await() throws InterruptedException {
        clearLeftoverInterrupt();
        try {
            group.await();
        } catch (IllegalStateException e) {
            throw noted(e);
        }
    }

    /** {@code go(executor, task)} with an executor that hands the task to another thread. */
    public void goHandOff() {
        clearLeftoverInterrupt();
        group.go(handedOver::set, () -> { });
    }

    /** The other thread: waits until a task is handed over, then runs it. */
    public void runHandedOff() {
        clearLeftoverInterrupt();
        Runnable task;
        while ((task = handedOver.get()) == null) {
            Thread.onSpinWait();
        }
        task.run();
    }

    /**
     * {@code await(Long.MAX_VALUE, NANOSECONDS)}: a timeout that cannot expire, so an untimed wait that
     * must return {@code true} once released, never {@code false}.
     */
    public boolean awaitWithHugeTimeout() throws InterruptedException {
        clearLeftoverInterrupt();
        return group.await(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
    }

    /**
     * {@code await()} that {@link #interruptWaiter()} interrupts. Throws {@code InterruptedException},
     * or returns {@code true} when it returned normally with the interrupt still set (noticed too late,
     * kept for the caller) and {@code false} when it returned with the interrupt lost. An
     * {@code InterruptedException} that leaves the status set is {@link StatusLeftSet}.
     */
    public boolean awaitInterruptibly() throws InterruptedException {
        clearLeftoverInterrupt();
        waiter.set(Thread.currentThread());
        switchPoint();
        try {
            group.await();
        } catch (InterruptedException e) {
            awaitInterruptSent();
            if (Thread.interrupted()) {
                throw new StatusLeftSet();
            }
            throw e;
        }
        awaitInterruptSent();
        return Thread.interrupted();
    }

    /** Waits until {@link #awaitInterruptibly()} published its thread, then interrupts it. */
    public void interruptWaiter() {
        clearLeftoverInterrupt();
        Thread target;
        while ((target = waiter.get()) == null) {
            Thread.onSpinWait();
        }
        target.interrupt();
        interruptSent = true;
    }

    /** {@code done()} once {@link #awaitInterruptibly()} began: the release never comes before the waiter. */
    public void doneAfterWaiterPublished() {
        clearLeftoverInterrupt();
        while (waiter.get() == null) {
            Thread.onSpinWait();
        }
        done();
    }

    /**
     * {@code await()} entered with the thread's own interrupt status set. Throws
     * {@code InterruptedException} (status clear), or returns whether the status is still set after a
     * normal return; {@link StatusLeftSet} as in {@link #awaitInterruptibly()}.
     */
    public boolean selfInterruptedAwait() throws InterruptedException {
        clearLeftoverInterrupt();
        Thread.currentThread().interrupt();
        try {
            group.await();
        } catch (InterruptedException e) {
            if (Thread.interrupted()) {
                throw new StatusLeftSet();
            }
            throw e;
        }
        return Thread.interrupted();
    }

    /**
     * A volatile read, so a point where Lincheck may switch threads, between publishing the waiter and
     * calling {@code await}: Lincheck 3.7 does not treat the interrupt status as shared memory, so
     * without it neither the interrupt nor the release could land just before {@code await} reads the
     * status on entry.
     */
    private void switchPoint() {
        if (landing != 0) {
            throw new IllegalStateException("never written");
        }
    }

    private void awaitInterruptSent() {
        while (!interruptSent) {
            Thread.onSpinWait();
        }
    }

    /** Clears an interrupt status left on this pooled thread by an execution Lincheck abandoned. */
    static void clearLeftoverInterrupt() {
        Thread.interrupted();
    }

    /** Thrown by a waiter that got {@code InterruptedException} with its status still set: the contract says cleared. */
    public static final class StatusLeftSet extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StatusLeftSet() {
            super("InterruptedException thrown with the interrupt status still set", null, false, false);
        }
    }
}
