package dev.waitgroup.examples.course;

import dev.waitgroup.WaitGroup;
import dev.waitgroup.impl.CasSpinWaitGroup;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Exercise 2: workers that sleep for different times, then one summary, printed only after the
 * slowest worker woke up. The classic mistake is the summary printed too early (no wait), or a
 * worker that returns early without {@code done()} (a hang): {@code go} rules both out.
 */
public final class SleepingWorkers {
    private SleepingWorkers() {
    }

    /** The summary the program prints. */
    public record Summary(int workers, Duration longest, Duration elapsed) {
    }

    public static Summary run(int workers, Duration step, PrintStream out) throws InterruptedException {
        WaitGroup group = new CasSpinWaitGroup();
        AtomicLong longestMillis = new AtomicLong();
        long start = System.nanoTime();
        for (int id = 1; id <= workers; id++) {
            int worker = id;
            Duration sleep = step.multipliedBy(worker);
            group.go(() -> {
                try {
                    Thread.sleep(sleep.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                longestMillis.accumulateAndGet(sleep.toMillis(), Math::max);
                out.println("worker " + worker + " woke up after " + sleep.toMillis() + " ms");
            });
        }
        group.await();
        Summary summary = new Summary(workers, Duration.ofMillis(longestMillis.get()),
                Duration.ofNanos(System.nanoTime() - start));
        out.println("summary: " + summary.workers() + " workers, the longest slept " + summary.longest().toMillis()
                + " ms, all done after " + summary.elapsed().toMillis() + " ms");
        return summary;
    }

    public static void main(String[] args) throws InterruptedException {
        run(args.length > 0 ? Integer.parseInt(args[0]) : 5, Duration.ofMillis(20), System.out);
    }
}
