package dev.waitgroup.harness;

import java.io.IOException;
import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Where threads are when a bound fires: the evidence of a hang. In this JVM from the
 * {@code ThreadMXBean} (state, what each thread is parked on, which thread owns that lock, its
 * frames); in another JVM with {@code jcmd <pid> Thread.print -l}, before the runner kills it.
 */
public final class ThreadDumps {
    private static final int FRAMES = 24;

    private ThreadDumps() {
    }

    /** The threads of this JVM that {@code relevant} keeps, formatted one block each; "" if none. */
    public static String ofThisJvm(Predicate<ThreadInfo> relevant) {
        StringBuilder text = new StringBuilder();
        for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            if (info != null && relevant.test(info)) {
                text.append(format(info)).append('\n');
            }
        }
        return text.toString();
    }

    /** A thread that runs code of this class or package prefix somewhere on its stack. */
    public static Predicate<ThreadInfo> running(String classOrPackagePrefix) {
        return info -> {
            for (StackTraceElement frame : info.getStackTrace()) {
                if (frame.getClassName().startsWith(classOrPackagePrefix)) {
                    return true;
                }
            }
            return false;
        };
    }

    /**
     * The gist of a hang in one phrase: the first kept thread that is inside the implementation, where
     * it is and what it waits for ("\"wg-check x\" is WAITING in com.acme.X.add(X.java:16), parked on
     * com.acme.X@1a2b, which no thread holds"); null if no such thread.
     */
    public static String stuckIn(Predicate<ThreadInfo> relevant, String implementationPrefix) {
        for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            if (info == null || !relevant.test(info)) {
                continue;
            }
            for (StackTraceElement frame : info.getStackTrace()) {
                if (frame.getClassName().startsWith(implementationPrefix)) {
                    StringBuilder text = new StringBuilder("\"").append(info.getThreadName()).append("\" is ")
                            .append(info.getThreadState()).append(" in ").append(frame(frame));
                    LockInfo lock = info.getLockInfo();
                    if (lock != null) {
                        text.append(", ").append(info.getThreadState() == Thread.State.BLOCKED ? "blocked" : "parked")
                                .append(" on ").append(lock.getClassName()).append('@')
                                .append(Integer.toHexString(lock.getIdentityHashCode()))
                                .append(info.getLockOwnerName() == null ? ", which no thread holds"
                                        : ", held by \"" + info.getLockOwnerName() + "\"");
                    }
                    return text.toString();
                }
            }
        }
        return null;
    }

    /** Whether the thread waits in {@code Object.wait}, on a monitor it let go of, rather than parks. */
    private static boolean inObjectWait(ThreadInfo info) {
        StackTraceElement[] frames = info.getStackTrace();
        return frames.length > 0 && frames[0].getClassName().equals("java.lang.Object")
                && frames[0].getMethodName().startsWith("wait");
    }

    /** One thread: name, state, what it waits for and who holds it, then its frames. */
    public static String format(ThreadInfo info) {
        StringBuilder text = new StringBuilder();
        text.append('"').append(info.getThreadName()).append("\" ").append(info.getThreadState());
        LockInfo lock = info.getLockInfo();
        if (lock != null) {
            text.append(info.getThreadState() == Thread.State.BLOCKED ? ", blocked on "
                            : inObjectWait(info) ? ", in wait() on the monitor of " : ", parked on ")
                    .append(lock.getClassName()).append('@').append(Integer.toHexString(lock.getIdentityHashCode()));
            text.append(info.getLockOwnerName() == null ? ", which no thread holds"
                    : ", held by \"" + info.getLockOwnerName() + "\"");
        }
        text.append('\n');
        StackTraceElement[] frames = info.getStackTrace();
        MonitorInfo[] monitors = info.getLockedMonitors();
        for (int i = 0; i < Math.min(frames.length, FRAMES); i++) {
            text.append("\tat ").append(frame(frames[i])).append('\n');
            for (MonitorInfo monitor : monitors) {
                if (monitor.getLockedStackDepth() == i) {
                    text.append("\t- holds ").append(monitor.getClassName()).append('@')
                            .append(Integer.toHexString(monitor.getIdentityHashCode())).append('\n');
                }
            }
        }
        if (frames.length > FRAMES) {
            text.append("\t... ").append(frames.length - FRAMES).append(" more frames\n");
        }
        for (LockInfo synchronizer : info.getLockedSynchronizers()) {
            text.append("\t- holds ").append(synchronizer.getClassName()).append('@')
                    .append(Integer.toHexString(synchronizer.getIdentityHashCode())).append('\n');
        }
        return text.toString();
    }

    /** A frame as a reader wants it: class, method, file and line, without loader and module prefixes. */
    public static String frame(StackTraceElement frame) {
        String where = frame.isNativeMethod() ? "Native Method" : frame.getFileName() == null ? "Unknown Source"
                : frame.getLineNumber() >= 0 ? frame.getFileName() + ":" + frame.getLineNumber() : frame.getFileName();
        return frame.getClassName() + "." + frame.getMethodName() + "(" + where + ")";
    }

    /**
     * The thread dump of another JVM, taken with {@code jcmd}; null if jcmd is missing or failed.
     * Bounded: a JVM that does not answer within the bound gives no dump, not a hang.
     */
    public static String ofProcess(long pid, long boundMillis) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) {
            return null;
        }
        try {
            Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "Thread.print", "-l")
                    .redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readNBytes(4 << 20);
            if (!process.waitFor(boundMillis, TimeUnit.MILLISECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                return null;
            }
            return new String(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * The blocks of a {@code jcmd Thread.print} dump whose text mentions one of {@code needles} (class
     * or package names of the code under test), in order: the threads a reader needs.
     */
    public static String relevantBlocks(String dump, List<String> needles) {
        List<String> kept = new ArrayList<>();
        for (String block : dump.split("\n\n")) {
            if (!block.startsWith("\"")) {
                continue;
            }
            for (String needle : needles) {
                if (block.contains(needle)) {
                    kept.add(block.strip());
                    break;
                }
            }
        }
        return String.join("\n\n", kept);
    }
}
