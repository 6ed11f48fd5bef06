package dev.waitgroup.model;

import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * One call in a history: what a thread asked the group (or, for the last few kinds, what a thread of
 * the run did around it). Operations are values; the {@link Event} that carries one says when it ran
 * and what came of it.
 *
 * <p>The kinds follow the {@code dev.waitgroup.WaitGroup} interface: {@link Add} and {@link Done}
 * change the counter, {@link Count} reads it, {@link Await} and {@link TimedAwait} wait for it to be
 * zero, {@link Go} counts a task and hands it to an executor, and {@link RunTask} is the run of such a
 * task (which calls {@code done()} when it ends). {@link SelfInterrupt} and {@link Schedule} are not
 * calls on the group: they record what the driver did to itself and what it set in motion, so that
 * the printed history reads as the run happened.
 */
public sealed interface Operation {

    /** How the operation is printed: as it was called, e.g. {@code add(-2)} or {@code await(1, MILLISECONDS)}. */
    String text();

    /** True for the operations that may block: {@code await()} and {@code await(timeout, unit)}. */
    default boolean isAwait() {
        return false;
    }

    /** {@code add(delta)}, Go's {@code Add}: any int, including the extremes. */
    record Add(int delta) implements Operation {
        @Override
        public String text() {
            return "add(" + Describe.integer(delta) + ")";
        }
    }

    /** {@code done()}, Go's {@code Done}: the same as {@code add(-1)}. */
    record Done() implements Operation {
        @Override
        public String text() {
            return "done()";
        }
    }

    /** {@code count()}: the counter at some instant of the call. */
    record Count() implements Operation {
        @Override
        public String text() {
            return "count()";
        }
    }

    /** {@code await()}, Go's {@code Wait}. */
    record Await() implements Operation {
        @Override
        public String text() {
            return "await()";
        }

        @Override
        public boolean isAwait() {
            return true;
        }
    }

    /** {@code await(timeout, unit)}: any long in any unit; what counts is {@link #nanos()}. */
    record TimedAwait(long timeout, TimeUnit unit) implements Operation {
        public TimedAwait {
            Objects.requireNonNull(unit, "unit");
        }

        /** The timeout as the JDK converts it: {@code unit.toNanos(timeout)}, saturated at the long range. */
        public long nanos() {
            return unit.toNanos(timeout);
        }

        @Override
        public String text() {
            return "await(" + Describe.integer(timeout) + ", " + unit + ")";
        }

        @Override
        public boolean isAwait() {
            return true;
        }
    }

    /**
     * {@code go(executor, task)}: the group counts the task ({@code add(1)}) before the executor gets it,
     * and the task calls {@code done()} when it ends. {@code task} numbers the task in its history, so
     * that a later {@link RunTask} can name it.
     */
    record Go(int task, Executors executor, long delayMillis) implements Operation {
        public Go {
            Objects.requireNonNull(executor, "executor");
        }

        @Override
        public String text() {
            return "go(" + executor.text(delayMillis) + ", task " + task + ")";
        }
    }

    /** The run of a task handed to a deferring executor by {@link Go}: it ends with the task's {@code done()}. */
    record RunTask(int task) implements Operation {
        @Override
        public String text() {
            return "run task " + task + " (its done())";
        }
    }

    /** The driver sets its own interrupt status, {@code Thread.currentThread().interrupt()}. */
    record SelfInterrupt() implements Operation {
        @Override
        public String text() {
            return "Thread.currentThread().interrupt()";
        }
    }

    /** The driver starts a helper action (e.g. "H1 calls done() in 100 ms"); not a call on the group. */
    record Schedule(String description) implements Operation {
        public Schedule {
            Objects.requireNonNull(description, "description");
        }

        @Override
        public String text() {
            return "schedule: " + description;
        }
    }

    /** The executors a {@link Go} may hand its task to. */
    enum Executors {
        /** Runs the task in {@code execute}, on the calling thread. */
        INLINE,
        /** Runs the task in {@code execute}, and the task throws: {@code go} must pass the exception on. */
        INLINE_FAILING,
        /** Throws {@code RejectedExecutionException}: {@code go} must restore the count and rethrow. */
        REJECTING,
        /** Runs the task later on a thread of its own, after a delay. */
        DEFERRED_THREAD,
        /** Keeps the task until the driver runs it in a later step ({@link RunTask}). */
        DEFERRED_STEP;

        String text(long delayMillis) {
            switch (this) {
                case INLINE:
                    return "inline executor";
                case INLINE_FAILING:
                    return "inline executor, task throws";
                case REJECTING:
                    return "rejecting executor";
                case DEFERRED_THREAD:
                    return "executor that runs it on another thread in " + delayMillis + " ms";
                default:
                    return "executor that keeps it for a later step";
            }
        }
    }
}
