package dev.waitgroup;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A task started by {@link WaitGroup#go}: it counts itself down exactly once, whether it runs
 * (in a {@code finally}) or is withdrawn because the executor refused it.
 *
 * <p>The claim flag settles the race between the two: an executor that runs the task inline and then
 * rethrows its exception, or that queues it and then throws, must not count it down twice.
 */
final class CountedTask implements Runnable {
    private final WaitGroup group;
    private final Runnable task;
    private final AtomicBoolean claimed = new AtomicBoolean();

    CountedTask(WaitGroup group, Runnable task) {
        this.group = group;
        this.task = task;
    }

    @Override
    public void run() {
        if (!claimed.compareAndSet(false, true)) {
            return; // withdrawn after a rejection: it was never counted as running
        }
        try {
            task.run();
        } finally {
            group.done();
        }
    }

    /** Counts the task down if it has not started; called when the executor threw. */
    void withdraw() {
        if (claimed.compareAndSet(false, true)) {
            group.done();
        }
    }

    @Override
    public String toString() {
        return "counted " + task;
    }
}
