package dev.waitgroup.contract;

import dev.waitgroup.harness.junit.HangDetected;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A call that may block, run on its own daemon thread so that the test can watch it with a bound.
 * A call that never returns leaves a parked daemon thread behind and a {@link HangDetected} failure,
 * never a hung build.
 */
final class BlockingCall<T> {
    private final String description;
    private final CompletableFuture<T> outcome = new CompletableFuture<>();
    private final Thread thread;
    /** When {@link #interrupt()} was called ({@code System.nanoTime()}), or 0 if it was not. */
    private volatile long interruptedAt;

    private BlockingCall(String description, Callable<T> call) {
        this.description = description;
        this.thread = new Thread(() -> {
            try {
                outcome.complete(call.call());
            } catch (Throwable t) {
                outcome.completeExceptionally(t);
            }
        }, "wg-contract: " + description);
        thread.setDaemon(true);
    }

    /** Starts {@code call} on a new thread. */
    static <T> BlockingCall<T> start(String description, Callable<T> call) {
        BlockingCall<T> blockingCall = new BlockingCall<>(description, call);
        blockingCall.thread.start();
        return blockingCall;
    }

    /** Starts a call that returns nothing, such as {@code await()}. */
    static BlockingCall<Void> run(String description, ThrowingRunnable call) {
        return start(description, () -> {
            call.run();
            return null;
        });
    }

    /**
     * {@code group.await(amount, unit)}, itself bounded: an implementation that ignores its own
     * timeout is reported as a hang, not waited for.
     */
    static boolean timedAwait(dev.waitgroup.WaitGroup group, long amount, TimeUnit unit) throws Exception {
        return start("await(" + amount + " " + unit.toString().toLowerCase(java.util.Locale.ROOT) + ")",
                () -> group.await(amount, unit))
                .result(Duration.ofNanos(Math.max(0, unit.toNanos(amount))).plus(Bounds.MUST_RETURN));
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }

    /**
     * Waits, at most {@link Bounds#PARKS}, until the thread is parked (or has finished). Spinning
     * implementations may never show as parked; the bound then simply elapses.
     */
    BlockingCall<T> whenParked() throws InterruptedException {
        long deadline = System.nanoTime() + Bounds.PARKS.toNanos();
        while (!outcome.isDone() && System.nanoTime() < deadline) {
            Thread.State state = thread.getState();
            if (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING) {
                return this;
            }
            Thread.sleep(1);
        }
        return this;
    }

    /**
     * Like {@link #whenParked()}, but spinning instead of sleeping between looks: for a check that must
     * act within microseconds of the thread parking, before it may move on.
     */
    BlockingCall<T> asSoonAsParked() {
        long deadline = System.nanoTime() + Bounds.PARKS.toNanos();
        while (!outcome.isDone() && System.nanoTime() < deadline) {
            Thread.State state = thread.getState();
            if (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING) {
                return this;
            }
            Thread.onSpinWait();
        }
        return this;
    }

    /** The call's result; a hang past {@code bound} fails with {@link HangDetected}. */
    T result(Duration bound) throws Exception {
        try {
            return outcome.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new HangDetected(hang(bound));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception) {
                throw (Exception) cause;
            }
            throw (Error) cause;
        }
    }

    /** The exception the call threw; fails if it returned normally or hung past {@code bound}. */
    Throwable thrown(Duration bound) throws InterruptedException {
        T value;
        try {
            value = outcome.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new HangDetected(hang(bound));
        } catch (ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError(description + " returned " + value + " instead of throwing");
    }

    /** True if the call is still running after {@code interval}: it neither returned nor threw. */
    boolean stillBlockedAfter(Duration interval) throws InterruptedException {
        try {
            outcome.get(interval.toMillis(), TimeUnit.MILLISECONDS);
            return false;
        } catch (TimeoutException e) {
            return true;
        } catch (ExecutionException e) {
            return false;
        }
    }

    boolean finished() {
        return outcome.isDone();
    }

    /** The thread making the call. */
    Thread thread() {
        return thread;
    }

    void interrupt() {
        interruptedAt = System.nanoTime();
        thread.interrupt();
    }

    /** What a hang past {@code bound} says: the call, and the interrupt it was sent and did not answer. */
    private String hang(Duration bound) {
        long sent = interruptedAt;
        return description + " did not return within " + bound.toMillis() + " ms" + (sent == 0 ? ""
                : ", although its thread was interrupted while it waited and "
                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent) + " ms have passed since: an interrupted"
                + " await must throw InterruptedException");
    }

    @Override
    public String toString() {
        return description;
    }
}
