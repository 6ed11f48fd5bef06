package dev.waitgroup.examples.course;

import dev.waitgroup.WaitGroup;
import dev.waitgroup.impl.CasSpinWaitGroup;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Exercise 1: five tasks print 1 to 5, and the program ends only after all of them.
 *
 * <p>Without the WaitGroup, {@code main} may return before any task printed. The numbers come out
 * in whatever order the tasks run: waiting says when, not in which order.
 */
public final class FiveTasks {
    private FiveTasks() {
    }

    /** Runs the five tasks; returns the numbers in the order they were printed. */
    public static List<Integer> run(PrintStream out) throws InterruptedException {
        WaitGroup group = new CasSpinWaitGroup();
        ConcurrentLinkedQueue<Integer> printed = new ConcurrentLinkedQueue<>();
        for (int i = 1; i <= 5; i++) {
            int number = i;
            group.go(() -> {                       // counted before the task starts
                out.println("task prints " + number);
                printed.add(number);
            });
        }
        group.await();
        out.println("all 5 tasks done");
        return List.copyOf(printed);
    }

    public static void main(String[] args) throws InterruptedException {
        run(System.out);
    }
}
