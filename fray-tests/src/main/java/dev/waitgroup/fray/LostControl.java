package dev.waitgroup.fray;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the thread dump of a Fray child JVM that stopped making progress, and tells Fray's own hang
 * from the WaitGroup's.
 *
 * <p>Under Fray, exactly one thread of the scenario runs at a time; the others wait inside Fray's
 * scheduler ({@code org.pastalab.fray.core} on their stacks). If the WaitGroup spins (a loop on a plain
 * field has no scheduling point), the running thread is RUNNABLE in its code: the WaitGroup's hang. If
 * instead a scenario thread sleeps in the JDK's own {@code park} or {@code wait} with no Fray frame on
 * its stack, Fray let it block where its scheduler cannot wake it, and waits for it forever: Fray lost
 * control (seen in 0.9.2 with {@code Semaphore.release(n)} racing two acquirers, and with an interrupt
 * sent to a thread in {@code Condition.awaitUninterruptibly()}). That is the engine's failure, not the
 * WaitGroup's.
 */
final class LostControl {
    private LostControl() {
    }

    /**
     * The scenario's threads (those running scenario code) that block outside Fray's control, one
     * line each ({@code name: first frame above the park}), or an empty list if there are none.
     *
     * @param dump a {@code jstack} dump of the child JVM
     */
    static List<String> threadsOutsideFray(String dump) {
        List<String> lost = new ArrayList<>();
        for (String block : dump.split("\n\n")) {
            if (!block.contains("dev.waitgroup.fray.scenario.")) {
                continue;
            }
            String header = block.lines().findFirst().orElse("");
            String name = header.startsWith("\"") ? header.substring(1, Math.max(1, header.indexOf('"', 1))) : header;
            boolean parked = block.contains("Thread.State: WAITING") || block.contains("Thread.State: TIMED_WAITING");
            boolean inFray = block.contains("org.pastalab.fray.core.");
            if (parked && !inFray) {
                lost.add(name + ": " + firstAppFrame(block));
            }
        }
        return lost;
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
