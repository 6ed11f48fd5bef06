package dev.waitgroup.fray;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the thread dump of a Fray child JVM that stopped making progress, and tells Fray's own hang
 * from the WaitGroup's.
 *
 * <p>Under Fray exactly one thread of the scenario runs at a time; the others wait inside Fray's
 * scheduler ({@code org.pastalab.fray.core} frames). If the WaitGroup spins (a loop on a plain field
 * has no scheduling point), a thread running scenario or WaitGroup code is RUNNABLE outside Fray: the
 * WaitGroup's hang. Otherwise Fray itself is stuck: it let a scenario thread block in the JDK's own
 * {@code park} or {@code wait} where its scheduler cannot wake it (seen in 0.9.2 with
 * {@code Semaphore.release(n)} racing two acquirers, and with an interrupt sent to a thread in
 * {@code Condition.awaitUninterruptibly()}), or its own loop spins (seen in
 * {@code waitForAllThreadsToFinish} after its Semaphore model lost a permit). That is the engine's
 * failure, not the WaitGroup's.
 *
 * <p>A third way: the group keeps a thread of its own (a pool's or a timer's worker, started on first
 * use) that parks in JDK code outside Fray's scheduler, while Fray waits for it, in the scenario or at
 * the end of the schedule for every thread started in it to end ({@code waitForAllThreadsToFinish}):
 * no schedule of such a group can end ({@link FrayFacts#THREADS_OUTLIVE_SCHEDULE}).
 */
final class LostControl {
    /** Threads of the JVM's own, by name: never the code under test's. */
    private static final Set<String> JVM_THREADS = Set.of("Reference Handler", "Finalizer", "Signal Dispatcher",
            "Service Thread", "Monitor Deflation Thread", "Common-Cleaner", "Notification Thread", "Attach Listener",
            "Monitor Ctrl-Break");
    private static final String FRAY_WAITS_FOR_ALL = "RunContext.waitForAllThreadsToFinish";

    private LostControl() {
    }

    /** True for a thread the JVM itself runs (reference handling, signals, compilers, the attach listener). */
    static boolean isTheJvms(String threadName) {
        return JVM_THREADS.contains(threadName) || threadName.startsWith("C1 CompilerThread")
                || threadName.startsWith("C2 CompilerThread");
    }

    /**
     * Why the stall is Fray's, ending with what was measured about Fray that explains it, or empty if a
     * thread runs the WaitGroup's or the scenario's code (the WaitGroup's hang) or the dump shows neither
     * a thread of the scenario nor Fray waiting for the schedule's threads to end.
     *
     * @param dump a {@code jstack} dump of the child JVM
     */
    static Optional<String> frayStuck(String dump) {
        List<String> outside = new ArrayList<>();
        boolean scenarioSeen = false;
        for (String block : dump.split("\n\n")) {
            if (!block.contains("dev.waitgroup.")) {
                continue;
            }
            String name = threadName(block);
            String top = firstFrame(block);
            boolean runnable = block.contains("Thread.State: RUNNABLE");
            boolean inFray = block.contains("org.pastalab.fray.core.");
            if (block.contains("dev.waitgroup.fray.scenario.")) {
                scenarioSeen = true;
            }
            if (runnable && !top.startsWith("org.pastalab.fray.")) {
                return Optional.empty(); // running its own code: the WaitGroup's hang
            }
            boolean parked = block.contains("Thread.State: WAITING") || block.contains("Thread.State: TIMED_WAITING");
            if (parked && !inFray) {
                outside.add(name + ": " + firstAppFrame(block));
            }
        }
        List<String> own = groupsOwnThreads(dump);
        if (!own.isEmpty() && (scenarioSeen || dump.contains(FRAY_WAITS_FOR_ALL))) {
            return Optional.of("Fray is stuck while " + String.join(", ", own) + (own.size() == 1 ? ", a thread"
                    : ", threads") + " the group started and keeps, " + (own.size() == 1 ? "is" : "are") + " parked"
                    + " where Fray does not schedule " + (own.size() == 1 ? "it" : "them") + "; "
                    + FrayFacts.THREADS_OUTLIVE_SCHEDULE);
        }
        if (!scenarioSeen) {
            return Optional.empty();
        }
        return Optional.of((outside.isEmpty()
                ? "every scenario thread waits in Fray's scheduler and none runs its own code: Fray is stuck"
                : String.join("; ", outside) + " blocks in JDK code Fray does not schedule, while Fray waits for it")
                + "; " + FrayFacts.LOST_CONTROL);
    }

    /**
     * True if Fray is stuck because the group keeps a thread of its own: no later unit of the check could
     * end its first schedule either, and none is tried.
     */
    static boolean groupKeepsAThread(String dump) {
        return frayStuck(dump).isPresent() && !groupsOwnThreads(dump).isEmpty();
    }

    /**
     * The Java threads of the dump that are neither the JVM's, Fray's nor the harness's: the ones the
     * code under test started, each with its first frame outside the JDK's parking.
     */
    private static List<String> groupsOwnThreads(String dump) {
        List<String> own = new ArrayList<>();
        for (String block : dump.split("\n\n")) {
            if (!block.startsWith("\"") || !block.contains(" #") || firstFrame(block).isEmpty()) {
                continue; // not a Java thread, or one with no Java frames
            }
            String name = threadName(block);
            if (isTheJvms(name) || block.contains("org.pastalab.fray.") || block.contains("dev.waitgroup.")) {
                continue;
            }
            own.add("\"" + name + "\" (in " + firstAppFrame(block).replaceFirst("\\(java\\.base@[^/]*/", "(") + ")");
        }
        return own;
    }

    private static String threadName(String block) {
        String header = block.lines().findFirst().orElse("");
        return header.startsWith("\"") ? header.substring(1, Math.max(1, header.indexOf('"', 1))) : header;
    }

    private static String firstFrame(String block) {
        for (String line : block.split("\n")) {
            String frame = line.trim();
            if (frame.startsWith("at ")) {
                return frame.substring(3);
            }
        }
        return "";
    }

    private static String firstAppFrame(String block) {
        for (String line : block.split("\n")) {
            String frame = line.trim();
            if (frame.startsWith("at ") && !frame.contains("jdk.internal.misc.Unsafe.park")
                    && !frame.contains("java.util.concurrent.locks.LockSupport")) {
                return frame.substring(3);
            }
        }
        return "(no frame)";
    }
}
