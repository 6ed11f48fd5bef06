package dev.waitgroup.lincheck;

import dev.waitgroup.ErrorGroup;
import dev.waitgroup.harness.Implementation;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;

/**
 * An ErrorGroup on the WaitGroup under check, driven by Lincheck. Tasks run in the calling thread
 * (an inline executor), so that every operation completes by itself: {@code fail(id)} starts a task
 * that fails with failure number {@code id}, {@code succeed()} one that succeeds, {@code first()}
 * awaits the group and names the first failure (0: none).
 */
@Param(name = "id", gen = IntGen.class, conf = "1:3")
public class ErrorGroupUnderCheck {
    private static volatile Implementation subject;

    private final ErrorGroup group = new ErrorGroup(Runnable::run, subject.create());

    static void check(Implementation implementation) {
        subject = implementation;
    }

    /** A failure that carries its number. */
    static final class Numbered extends Exception {
        private static final long serialVersionUID = 1L;
        final int id;

        Numbered(int id) {
            super("failure " + id, null, false, false);
            this.id = id;
        }
    }

    @Operation
    public void fail(@Param(name = "id") int id) throws InterruptedException {
        group.go(() -> {
            throw new Numbered(id);
        });
    }

    @Operation
    public void succeed() throws InterruptedException {
        group.go(() -> { });
    }

    @Operation
    public boolean cancelled() {
        return group.isCancelled();
    }

    @Operation
    public int first() throws InterruptedException {
        try {
            group.await();
            return 0;
        } catch (ExecutionException e) {
            return ((Numbered) e.getCause()).id;
        } catch (CancellationException e) {
            return -1;
        }
    }
}
