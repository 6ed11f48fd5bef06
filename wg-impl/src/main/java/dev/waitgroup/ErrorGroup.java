package dev.waitgroup;

import dev.waitgroup.impl.CasSpinWaitGroup;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A group of tasks that may fail, with Go's {@code golang.org/x/sync/errgroup} semantics: a
 * {@link WaitGroup} that also says what happened.
 *
 * <pre>{@code
 * ErrorGroup group = new ErrorGroup();
 * for (URI uri : uris) {
 *     group.go(() -> fetch(uri));          // may throw; the first failure cancels the others
 * }
 * group.await();                           // throws ExecutionException with the first failure
 * }</pre>
 *
 * <ul>
 *   <li>{@link #go} counts the task before it starts (never "add inside the task") and counts it down
 *       when it ends, however it ends.</li>
 *   <li>{@link #await()} waits for every task, then throws {@link ExecutionException} whose cause is
 *       the first failure, with later failures attached as suppressed exceptions; or returns normally
 *       if none failed.</li>
 *   <li>The first failure cancels the group: {@link #isCancelled()} turns true (tasks can poll it)
 *       and every unfinished task's thread is interrupted. {@link #cancel()} does the same from
 *       outside. Exceptions that merely answer the cancellation ({@code InterruptedException},
 *       {@code CancellationException}) are not failures. Tasks handed to {@code go} after the
 *       group was cancelled are not started.</li>
 *   <li>{@link #setLimit}: at most n tasks run at once; {@code go} blocks for a slot, {@link #tryGo}
 *       starts a task only if a slot is free. Changing the limit while tasks are running is refused,
 *       as errgroup panics.</li>
 * </ul>
 *
 * <p>Compared with errgroup: Java has no {@code context.Context}; the cancellation signal is
 * {@link #isCancelled()} plus thread interruption, the idiom blocking JDK calls already answer.
 * Compared with {@code StructuredTaskScope} (final in JDK 25): that API also confines task lifetimes
 * to a block and returns each subtask's result; this one runs on Java 17, on any {@link Executor}
 * (a new thread per task by default, virtual on 21+), and on any WaitGroup implementation.
 *
 * <p>Memory consistency effects: actions in a task <i>happen-before</i> actions following the
 * return of an {@code await} that waited for it, whether it returns normally or throws
 * {@code ExecutionException} or {@code CancellationException}.
 */
public final class ErrorGroup {
    /*
     * Implementation notes.
     *
     * group counts the tasks for await; go() counts a task before handing it to the executor, and
     * the task counts itself down last, after its failure (if any) is recorded, so everything a task
     * did, its failure included, happens-before the return of group.await().
     *
     * A task runs at most once: the claimed flag settles the race between the executor running it
     * and go() undoing it after the executor threw (an executor may run a task inline and then
     * throw, or queue it and then throw), so its slot and its count in active are given back once.
     * WaitGroup.go settles the same race for the group's count.
     *
     * Cancellation and the running set: a task adds its thread to running, and checks cancelled,
     * under the set's lock; cancel() sets cancelled and interrupts the set's threads under the same
     * lock. So either cancel() interrupts the task, or the task sees cancelled and does not run. A
     * thread that leaves the set after a cancellation clears its interrupt status, which belonged to
     * this group and must not leak into a pooled thread's next task.
     *
     * Failures: the first is recorded (CAS on firstFailure) before the failing task calls cancel(),
     * so throwOutcome reads cancelled first and firstFailure second. Read the other way round, a
     * group cancelled by a failure not yet visible would be taken for one cancelled from outside.
     */

    /** A task that may fail: errgroup's {@code func() error}. */
    @FunctionalInterface
    public interface Task {
        void run() throws Exception;
    }

    private final Executor executor;
    private final WaitGroup group;
    private final AtomicReference<Throwable> firstFailure = new AtomicReference<>();
    private final List<Throwable> laterFailures = new ArrayList<>(); // guarded by itself
    /** The threads running a task now: the ones cancellation interrupts. Guarded by itself. */
    private final Set<Thread> running = new HashSet<>();
    private final AtomicInteger active = new AtomicInteger();
    private volatile boolean cancelled;
    private volatile Semaphore slots; // null: no limit

    /** Tasks each on a new thread (virtual on Java 21+), counted by a {@link CasSpinWaitGroup}. */
    public ErrorGroup() {
        this(TaskThreads.executor());
    }

    public ErrorGroup(Executor executor) {
        this(executor, new CasSpinWaitGroup());
    }

    /** Tasks on {@code executor}, counted by {@code group}, which must be new (zero) and not shared. */
    public ErrorGroup(Executor executor, WaitGroup group) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.group = Objects.requireNonNull(group, "group");
        if (group.count() != 0) {
            throw new IllegalArgumentException("an ErrorGroup needs a new WaitGroup, but its counter is "
                    + group.count());
        }
    }

    /**
     * Starts {@code task}, waiting for a free slot if a limit is set. Not started if the group has
     * been cancelled.
     *
     * @throws InterruptedException if interrupted while waiting for a slot; the task is not started
     * @throws RejectedExecutionException if the executor refused the task; it is not counted
     */
    public void go(Task task) throws InterruptedException {
        Objects.requireNonNull(task, "task");
        Semaphore limit = slots;
        if (limit != null) {
            limit.acquire();
        }
        start(task, limit);
    }

    /**
     * Starts {@code task} only if a slot is free (always, without a limit).
     *
     * @return whether the task was started (false also once the group is cancelled)
     */
    public boolean tryGo(Task task) {
        Objects.requireNonNull(task, "task");
        Semaphore limit = slots;
        if (limit != null && !limit.tryAcquire()) {
            return false;
        }
        return start(task, limit);
    }

    private boolean start(Task task, Semaphore limit) {
        if (cancelled) {
            release(limit);
            return false;
        }
        active.incrementAndGet();
        AtomicBoolean claimed = new AtomicBoolean();
        try {
            group.go(executor, () -> {
                if (claimed.compareAndSet(false, true)) {
                    runCounted(task, limit);
                }
            });
            return true;
        } catch (RuntimeException | Error rejected) {
            if (claimed.compareAndSet(false, true)) { // the task will never run: undo its slot and count
                active.decrementAndGet();
                release(limit);
            }
            throw rejected;
        }
    }

    private void runCounted(Task task, Semaphore limit) {
        Thread self = Thread.currentThread();
        try {
            synchronized (running) {
                if (cancelled) {
                    return; // cancelled between go() and the start: do not run it
                }
                running.add(self);
            }
            task.run();
        } catch (Throwable failure) {
            fail(failure);
        } finally {
            synchronized (running) {
                if (running.remove(self) && cancelled) {
                    Thread.interrupted(); // the group's interrupt must not leak into a pooled thread
                }
            }
            active.decrementAndGet();
            release(limit);
        }
    }

    private void fail(Throwable failure) {
        if (cancelled && answersCancellation(failure)) {
            return;
        }
        if (!firstFailure.compareAndSet(null, failure)) {
            synchronized (laterFailures) {
                laterFailures.add(failure);
            }
        }
        cancel();
    }

    private static boolean answersCancellation(Throwable failure) {
        return failure instanceof InterruptedException || failure instanceof CancellationException;
    }

    private static void release(Semaphore limit) {
        if (limit != null) {
            limit.release();
        }
    }

    /**
     * Cancels the group: sets the signal and interrupts every unfinished task. Idempotent; the
     * first failure does this by itself.
     */
    public void cancel() {
        synchronized (running) {
            cancelled = true;
            for (Thread thread : running) {
                thread.interrupt();
            }
        }
    }

    /** The cancellation signal: true once a task failed or {@link #cancel()} was called. */
    public boolean isCancelled() {
        return cancelled;
    }

    /**
     * At most {@code limit} tasks at once; a negative value removes the limit.
     *
     * @throws IllegalArgumentException for 0, which would block every task forever
     * @throws IllegalStateException while tasks are running (errgroup panics likewise)
     */
    public void setLimit(int limit) {
        if (limit == 0) {
            throw new IllegalArgumentException("limit 0 would block every task; use a negative limit for none");
        }
        int now = active.get();
        if (now != 0) {
            throw new IllegalStateException("errgroup: modify limit while " + now
                    + " tasks in the group are still active");
        }
        slots = limit < 0 ? null : new Semaphore(limit);
    }

    /**
     * Waits for every started task.
     *
     * @throws ExecutionException with the first failure as its cause and later ones suppressed
     * @throws CancellationException if {@link #cancel()} was called and no task failed
     */
    public void await() throws InterruptedException, ExecutionException {
        group.await();
        throwOutcome();
    }

    /**
     * Waits at most the given time for every started task.
     *
     * @throws TimeoutException if tasks are still running when the time elapses
     */
    public void await(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        if (!group.await(timeout, unit)) {
            throw new TimeoutException(group.count() + " tasks still running after " + timeout + " "
                    + unit.toString().toLowerCase(java.util.Locale.ROOT));
        }
        throwOutcome();
    }

    private void throwOutcome() throws ExecutionException {
        // The signal first, then the failure: see the notes on failures.
        boolean wasCancelled = cancelled;
        Throwable first = firstFailure.get();
        if (first != null) {
            ExecutionException failed = new ExecutionException("a task of the group failed: " + first, first);
            synchronized (laterFailures) {
                laterFailures.forEach(failed::addSuppressed);
            }
            throw failed;
        }
        if (wasCancelled) {
            throw new CancellationException("the group was cancelled");
        }
    }

    /** Tasks started and not yet finished. */
    public int running() {
        return group.count();
    }
}
