package dev.waitgroup;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A Go-style {@code sync.WaitGroup}: a counter of outstanding tasks that threads can wait on.
 *
 * <p>A coordinator {@linkplain #add adds} the number of tasks before it starts them, each task calls
 * {@link #done()} when it ends, and {@link #await()} blocks until the counter is zero. The
 * {@link #go(Runnable)} methods do all three steps in the right order, so the two classic mistakes
 * (calling {@code add} inside the started task, forgetting {@code done}) cannot be written with them.
 *
 * <h2>Contract</h2>
 * Every implementation checked by wg-lab's harness promises:
 * <ul>
 *   <li>{@code add(delta)} changes the counter by {@code delta} atomically. If the counter would become
 *       negative it throws {@link IllegalStateException} ("negative WaitGroup counter"); if it would
 *       pass {@link Integer#MAX_VALUE} it throws {@code IllegalStateException}. In both cases the
 *       counter is unchanged.</li>
 *   <li>When the counter reaches zero, every thread blocked in {@code await} returns.</li>
 *   <li>Memory consistency effects (Go: "a call to Done synchronizes before the return of any Wait
 *       call that it unblocks"): actions in a thread prior to calling {@code done()}, or {@code add}
 *       with a negative delta, <i>happen-before</i> actions following the return of every
 *       {@code await} in another thread that this release unblocks, and of every {@code await} that
 *       observes the counter at zero after it.</li>
 *   <li>{@code await} on a zero counter returns at once. It is interruptible, as
 *       {@link java.util.concurrent.CountDownLatch#await()} is: a thread that enters it with its
 *       interrupt status set, whatever the counter, or that is interrupted while waiting, gets
 *       {@link InterruptedException} (its status cleared), and the counter is unchanged; an interrupt
 *       is never swallowed. A waiter that gave up (interrupted, or timed out) leaves nothing behind:
 *       it no longer counts as a waiter and no wake-up is left for a later one. The timed form returns
 *       {@code false} when the time elapses first, at once for a zero or negative timeout, and
 *       accepts any timeout, from a nanosecond to {@code Long.MAX_VALUE} of any unit.</li>
 *   <li>A group may be reused once every {@code await} of the previous round has returned. Adding to
 *       it before then is <i>misuse</i>; each implementation documents what it then does: finish the
 *       old round correctly (generation-safe), detect it and throw (as Go panics), or silently wait
 *       for the new round.</li>
 * </ul>
 *
 * <p>Only {@link #add}, {@link #await()}, {@link #await(long, TimeUnit)} and {@link #count()} are
 * abstract: any class that implements those four is a WaitGroup and can be checked by the harness.
 */
public interface WaitGroup {

    /**
     * Adds {@code delta}, which may be negative, to the counter (Go's {@code Add}). When the counter
     * becomes zero, every thread blocked in {@link #await()} is released.
     *
     * <p>A positive delta that starts a round (counter zero) must happen before the {@code await} it
     * is meant to hold back: call it before starting the task, never inside it.
     *
     * @throws IllegalStateException if the counter would become negative or exceed
     *         {@link Integer#MAX_VALUE}; the counter is then unchanged
     */
    void add(int delta);

    /** Decrements the counter by one (Go's {@code Done}); the same as {@code add(-1)}. */
    default void done() {
        add(-1);
    }

    /**
     * Blocks until the counter is zero (Go's {@code Wait}); returns at once if it is zero now.
     *
     * @throws InterruptedException if the thread was interrupted on entry or while waiting; the counter
     *         is unchanged
     */
    void await() throws InterruptedException;

    /**
     * Blocks until the counter is zero or the timeout elapses. A round that ends just before the
     * deadline, while this thread has not yet run again, may still give {@code false}: as with
     * {@link java.util.concurrent.CountDownLatch#await(long, TimeUnit)}, whose waiter queued behind
     * another gives up at its deadline without looking at the count ({@code AqsWaitGroup} is built on
     * the same queue). The harness's reference model accepts it within its slack.
     *
     * @return {@code true} if the counter reached zero, {@code false} if the time elapsed first
     * @throws InterruptedException if the thread was interrupted on entry or while waiting; the counter
     *         is unchanged
     */
    boolean await(long timeout, TimeUnit unit) throws InterruptedException;

    /** The counter now: a snapshot for checks and monitoring, stale as soon as it returns. */
    int count();

    /**
     * Runs {@code task} on a new thread, counted by this group (Go 1.25's {@code WaitGroup.Go}).
     * The task is counted before it starts and counted down in a {@code finally}, even if it throws;
     * its exception then reaches the thread's uncaught-exception handler. On Java 21 and later the
     * thread is a virtual thread, on Java 17 a platform daemon thread.
     */
    default void go(Runnable task) {
        go(TaskThreads.executor(), task);
    }

    /**
     * Runs {@code task} on {@code executor}, counted by this group. The task is counted before it is
     * handed to the executor and counted down in a {@code finally}; if the executor rejects it, the
     * count is restored and the rejection rethrown.
     *
     * @throws RejectedExecutionException (or whatever the executor throws) if the task was not accepted
     */
    default void go(Executor executor, Runnable task) {
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(task, "task");
        CountedTask counted = new CountedTask(this, task);
        add(1);
        try {
            executor.execute(counted);
        } catch (RuntimeException | Error rejected) {
            counted.withdraw();
            throw rejected;
        }
    }
}
