package dev.waitgroup.lincheck;

import dev.waitgroup.WaitGroup;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Whether a WaitGroup waits in {@code Object.wait(timeout)}: what Lincheck 3.7's model checker cannot
 * run. There a timed {@code Object.wait} returns at once without releasing the monitor, so the thread
 * that would release the waiter can never enter it, and a correct WaitGroup built on a monitor looks
 * hung ("livelock") in any scenario where such a wait has to wait: its timed {@code await}, and its
 * {@code await()} too when that is a timed wait with a timeout that cannot expire.
 *
 * <p>Looked at on real threads, before Lincheck runs: a group with a counter of 1, a thread calling the
 * {@link Wait} on it, sampled until it is seen blocked in {@code Object.wait} with a timeout (yes), or
 * blocked anywhere else in a row of samples, or returned, or spinning (it used
 * {@link #SPIN_CPU_MILLIS} of processor time without blocking), or still running after
 * {@link #LOOK_MILLIS} (no: Lincheck decides). Then the group is released and the waiter joined; a waiter that stays is
 * interrupted and left (a daemon).
 */
final class TimedMonitorWait {
    /**
     * How long the waiter is watched for at most: generous, so that a loaded machine that is slow to
     * schedule it does not hide a monitor wait (and with it let a false "hung" verdict through).
     */
    static final long LOOK_MILLIS = 2_000;
    /** Processor time after which a waiter that never blocked is taken to spin: it waits on no monitor. */
    private static final long SPIN_CPU_MILLIS = 100;
    private static final long SAMPLE_MILLIS = 2;
    /** Samples in a row that must see the waiter blocked elsewhere before it counts as not waiting on a monitor. */
    private static final int BLOCKED_ELSEWHERE = 5;
    private static final long JOIN_MILLIS = 1_000;

    /** The wait looked at. */
    enum Wait {
        UNTIMED("await()"),
        HUGE_TIMEOUT("await(Long.MAX_VALUE, NANOSECONDS)");

        private final String call;

        Wait(String call) {
            this.call = call;
        }

        /** The call, as the code under check is called. */
        String call() {
            return call;
        }

        void on(WaitGroup group) throws InterruptedException {
            if (this == UNTIMED) {
                group.await();
            } else {
                group.await(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
            }
        }
    }

    private TimedMonitorWait() {
    }

    /**
     * Where a new group's {@code wait} on a counter of 1 waits in a timed {@code Object.wait} (the first
     * frame outside the JDK), or empty if it does not.
     */
    static Optional<String> of(Supplier<WaitGroup> groups, Wait wait) throws InterruptedException {
        WaitGroup group = groups.get();
        group.add(1);
        Thread waiter = new Thread(() -> {
            try {
                wait.on(group);
            } catch (InterruptedException | RuntimeException ignored) {
                // what the wait does is Lincheck's to judge; only where it waits counts here
            }
        }, "wg-timed-monitor-wait-probe");
        waiter.setDaemon(true);
        waiter.start();
        try {
            return watch(waiter);
        } finally {
            release(group, waiter);
        }
    }

    private static Optional<String> watch(Thread waiter) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LOOK_MILLIS);
        int blockedElsewhere = 0;
        while (waiter.isAlive() && System.nanoTime() - deadline < 0 && !spinning(waiter)) {
            Thread.State before = waiter.getState();
            StackTraceElement[] frames = waiter.getStackTrace();
            Thread.State after = waiter.getState();
            Optional<String> caller = timedMonitorWait(before, frames, after);
            if (caller.isPresent()) {
                return caller;
            }
            boolean blocked = (before == Thread.State.WAITING || before == Thread.State.TIMED_WAITING)
                    && before == after;
            blockedElsewhere = blocked ? blockedElsewhere + 1 : 0;
            if (blockedElsewhere == BLOCKED_ELSEWHERE) {
                return Optional.empty();
            }
            Thread.sleep(SAMPLE_MILLIS);
        }
        return Optional.empty();
    }

    /** Whether the waiter has run on a processor for {@link #SPIN_CPU_MILLIS} without blocking: it spins. */
    private static boolean spinning(Thread waiter) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isThreadCpuTimeSupported() || !threads.isThreadCpuTimeEnabled()) {
            return false; // then only the wall-clock bound ends the look
        }
        return threads.getThreadCpuTime(waiter.getId()) > TimeUnit.MILLISECONDS.toNanos(SPIN_CPU_MILLIS);
    }

    /**
     * Where the thread waits in a timed {@code Object.wait}, if it was in a timed wait there on both sides
     * of taking its frames: its first frame outside {@code java.*} (its caller in the JDK otherwise). An
     * untimed {@code wait()} is {@code WAITING}: Lincheck models that one.
     */
    static Optional<String> timedMonitorWait(Thread.State before, StackTraceElement[] frames, Thread.State after) {
        if (before != Thread.State.TIMED_WAITING || after != Thread.State.TIMED_WAITING || frames.length == 0
                || !isObjectWait(frames[0])) {
            return Optional.empty();
        }
        StackTraceElement caller = frames[0];
        for (StackTraceElement frame : frames) {
            if (!frame.getClassName().startsWith("java.")) {
                return Optional.of(where(frame));
            }
            if (caller == frames[0] && !frame.getClassName().equals("java.lang.Object")) {
                caller = frame;
            }
        }
        return Optional.of(where(caller));
    }

    /** {@code class.method(File.java:line)}, without the class loader and module that {@code toString()} adds. */
    private static String where(StackTraceElement frame) {
        return frame.getClassName() + "." + frame.getMethodName() + "(" + frame.getFileName() + ":"
                + frame.getLineNumber() + ")";
    }

    private static boolean isObjectWait(StackTraceElement frame) {
        return frame.getClassName().equals("java.lang.Object") && frame.getMethodName().startsWith("wait");
    }

    private static void release(WaitGroup group, Thread waiter) throws InterruptedException {
        try {
            group.done();
        } catch (RuntimeException ignored) {
            // a group that refuses its own release: the waiter is interrupted below
        }
        waiter.join(JOIN_MILLIS);
        if (waiter.isAlive()) {
            waiter.interrupt();
        }
    }
}
