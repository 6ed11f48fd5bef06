package dev.waitgroup.examples.course;

import dev.waitgroup.WaitGroup;
import dev.waitgroup.impl.CasSpinWaitGroup;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Exercise 3: N workers fed jobs through a {@link BlockingQueue}; the WaitGroup counts the workers,
 * not the jobs. The producer puts the jobs, then one "no more jobs" marker per worker; each worker
 * ends when it takes its marker, and {@code await} says when the last worker has.
 */
public final class WorkerPool {
    private static final Integer NO_MORE_JOBS = Integer.MIN_VALUE;

    private WorkerPool() {
    }

    /** The results: the sum of the squares of the jobs, and how many jobs each worker did. */
    public record Result(long sumOfSquares, Map<Integer, Integer> jobsPerWorker) {
    }

    public static Result run(int workers, int jobs, PrintStream out) throws InterruptedException {
        BlockingQueue<Integer> queue = new ArrayBlockingQueue<>(16);
        WaitGroup group = new CasSpinWaitGroup();
        AtomicLong sum = new AtomicLong();
        Map<Integer, Integer> perWorker = new ConcurrentHashMap<>();
        for (int id = 1; id <= workers; id++) {
            int worker = id;
            group.go(() -> {
                try {
                    for (Integer job; !(job = queue.take()).equals(NO_MORE_JOBS); ) {
                        sum.addAndGet((long) job * job);
                        perWorker.merge(worker, 1, Integer::sum);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        for (int job = 1; job <= jobs; job++) {
            queue.put(job);
        }
        for (int i = 0; i < workers; i++) {
            queue.put(NO_MORE_JOBS);
        }
        group.await();
        out.println(jobs + " jobs done by " + workers + " workers " + perWorker + "; sum of squares " + sum.get());
        return new Result(sum.get(), Map.copyOf(perWorker));
    }

    public static void main(String[] args) throws InterruptedException {
        run(args.length > 0 ? Integer.parseInt(args[0]) : 4, args.length > 1 ? Integer.parseInt(args[1]) : 1000,
                System.out);
    }
}
