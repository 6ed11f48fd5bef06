package dev.waitgroup.harness;

import dev.waitgroup.harness.run.Journal;
import java.util.Map;

/**
 * Sees who calls {@code System.exit} in a test JVM. A shutdown hook runs while the exiting thread is
 * still blocked in {@code Runtime.exit}; its stack names the caller, which becomes the evidence of
 * the check that was running ("System.exit called from com.acme.MyWaitGroup.add(MyWaitGroup.java:12)").
 * The runner's own code ends the JVM through {@link #exitNormally(int)}, which the hook ignores. The
 * hook also journals that the shutdown hooks ran: a JVM that ended without them, with an exit status
 * no signal gives, was halted ({@code Runtime.halt}), which the harness never does.
 */
public final class ExitWitness {
    private static volatile boolean expected;

    private ExitWitness() {
    }

    /**
     * Installs the hook; from then on an exit this JVM did not plan is written to the journal and stderr,
     * and every end that runs the shutdown hooks is journaled as such, so that an end without them
     * ({@code Runtime.halt}) can be told from it.
     */
    public static void install(Journal journal) {
        if (journal != null) {
            journal.witness();
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (journal != null) {
                journal.shutdown();
            }
            if (expected) {
                return;
            }
            String caller = exitingCaller();
            if (caller == null) {
                return; // not System.exit: the end of main, or a signal
            }
            System.err.println("wg-lab: System.exit was called from code under test:\n" + caller);
            if (journal != null) {
                journal.exit(caller);
            }
        }, "wg-exit-witness"));
    }

    /**
     * Ends this JVM once its main thread has ended, whatever threads the code under test left running:
     * for a JVM whose main method is not the harness's own (a jcstress forked VM), where a non-daemon
     * thread that a WaitGroup started in its constructor would otherwise keep the JVM alive after its
     * work is done. Idempotent.
     */
    public static synchronized void endWhenMainEnds() {
        if (mainWatcher != null) {
            return;
        }
        Thread main = mainThread();
        if (main == null) {
            return;
        }
        mainWatcher = new Thread(() -> {
            try {
                main.join();
            } catch (InterruptedException e) {
                return;
            }
            exitNormally(0);
        }, "wg-end-with-main");
        mainWatcher.setDaemon(true);
        mainWatcher.start();
    }

    private static Thread mainWatcher;

    /** The JVM's main thread, if it is still alive. */
    private static Thread mainThread() {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals("main") && thread.getThreadGroup() != null
                    && thread.getThreadGroup().getName().equals("main")) {
                return thread;
            }
        }
        return null;
    }

    /** Ends this JVM on the runner's own terms. */
    public static void exitNormally(int status) {
        expected = true;
        System.exit(status);
    }

    /** The frames of the thread blocked in Runtime.exit, from its caller on; null if none is. */
    static String exitingCaller() {
        for (Map.Entry<Thread, StackTraceElement[]> thread : Thread.getAllStackTraces().entrySet()) {
            StackTraceElement[] frames = thread.getValue();
            for (int i = 0; i < frames.length; i++) {
                if (frames[i].getClassName().equals("java.lang.Runtime") && frames[i].getMethodName().equals("exit")) {
                    StringBuilder text = new StringBuilder("thread \"").append(thread.getKey().getName()).append("\"\n");
                    int first = i + 1 < frames.length && frames[i + 1].getClassName().equals("java.lang.System") ? i + 2 : i + 1;
                    for (int j = first; j < Math.min(frames.length, first + 12); j++) {
                        text.append("\tat ").append(ThreadDumps.frame(frames[j])).append('\n');
                    }
                    return text.toString();
                }
            }
        }
        return null;
    }
}
