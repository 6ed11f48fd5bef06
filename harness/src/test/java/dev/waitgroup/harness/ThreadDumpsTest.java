package dev.waitgroup.harness;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * A thread dump says how a thread waits, in the words of the mechanism: a thread in {@code Object.wait}
 * has let go of the monitor it waits on, a parked thread waits for an unpark; neither is blocked.
 */
class ThreadDumpsTest {
    private final Object monitor = new Object();

    @Test
    void aThreadInObjectWaitIsInWaitOnTheMonitorNotParked() throws Exception {
        Thread waiter = new Thread(() -> {
            synchronized (monitor) {
                try {
                    monitor.wait();
                } catch (InterruptedException e) {
                    // asked to end
                }
            }
        }, "in-wait");
        String line = firstLineOnceWaiting(waiter);
        assertTrue(line.startsWith("\"in-wait\" WAITING, in wait() on the monitor of java.lang.Object@"), line);
        assertTrue(line.endsWith(", which no thread holds"), line);
    }

    @Test
    void aParkedThreadIsParkedOnItsBlocker() throws Exception {
        Thread parked = new Thread(() -> LockSupport.park(monitor), "parked");
        String line = firstLineOnceWaiting(parked);
        assertTrue(line.startsWith("\"parked\" WAITING, parked on java.lang.Object@"), line);
    }

    private static String firstLineOnceWaiting(Thread thread) throws InterruptedException {
        thread.setDaemon(true);
        thread.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try {
            while (thread.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            ThreadInfo info = ManagementFactory.getThreadMXBean().getThreadInfo(new long[] {thread.getId()}, true, true)[0];
            return ThreadDumps.format(info).lines().findFirst().orElseThrow();
        } finally {
            thread.interrupt();
            LockSupport.unpark(thread);
        }
    }
}
