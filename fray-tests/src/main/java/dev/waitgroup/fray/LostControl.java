package dev.waitgroup.fray;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
 */
final class LostControl {
    private LostControl() {
    }

    /**
     * Why the stall is Fray's, or empty if a thread runs the WaitGroup's or the scenario's code (the
     * WaitGroup's hang) or the dump shows no thread of the scenario.
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
        if (!scenarioSeen) {
            return Optional.empty();
        }
        return Optional.of(outside.isEmpty()
                ? "every scenario thread waits in Fray's scheduler and none runs its own code: Fray is stuck"
                : String.join("; ", outside) + " blocks in JDK code Fray does not schedule, while Fray waits for it");
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
