package dev.waitgroup.harness;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Tells a call that did not return from a JVM that was merely slow: the evidence a {@code timeout}
 * verdict needs.
 *
 * <p>A call into the implementation is a thread whose stack holds a frame of the implementation
 * called from a frame outside it that is not the JDK's: the check, or its engine (Lincheck, jcstress,
 * JMH), made the call. A thread the implementation runs on its own (a reporter or cleaner thread its
 * constructor started) is no call: its bottom frames are the JDK's and the implementation's only. A
 * call is stuck when it shows the same frames, from the top down to the caller, in every one of
 * {@value #SAMPLES} samples taken {@value #APART_MILLIS} ms apart: a call that returns and is made
 * again from the same place would have to be caught at the same line each time. A check that outran
 * its bound with no stuck call did not find a hang: it ran out of time (a slow or overloaded JVM), and
 * must not be reported as one.
 */
public final class StuckCalls {
    /** How many samples a stuck call must look the same in. */
    public static final int SAMPLES = 3;
    /** How far apart the samples are taken. */
    public static final long APART_MILLIS = 1_000;

    /** One thread in one sample: its name and id, its state, and its frames, top first. */
    record Sample(String name, long id, String state, List<String> frames) {
    }

    private StuckCalls() {
    }

    /**
     * Samples this JVM's threads that {@code relevant} keeps {@value #SAMPLES} times, {@value #APART_MILLIS}
     * ms apart, and returns the stuck calls into the classes under {@code implementationPrefix}, one
     * line each ("\"wg-check x\" is WAITING in com.acme.X.await(X.java:31), called from ..."); empty if none.
     */
    public static List<String> inThisJvm(Predicate<ThreadInfo> relevant, String implementationPrefix) {
        List<List<Sample>> samples = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            if (i > 0) {
                try {
                    TimeUnit.MILLISECONDS.sleep(APART_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return List.of();
                }
            }
            samples.add(sampleThisJvm(relevant));
        }
        return across(samples, implementationPrefix);
    }

    /** The stuck calls across {@code jcmd Thread.print} dumps of one JVM, taken some time apart. */
    public static List<String> acrossDumps(List<String> dumps, String implementationPrefix) {
        List<List<Sample>> samples = new ArrayList<>();
        for (String dump : dumps) {
            if (dump != null) {
                samples.add(parse(dump));
            }
        }
        return samples.size() < 2 ? List.of() : across(samples, implementationPrefix);
    }

    static List<String> across(List<List<Sample>> samples, String implementationPrefix) {
        List<Map<Long, Sample>> earlier = new ArrayList<>();
        for (List<Sample> sample : samples.subList(0, samples.size() - 1)) {
            Map<Long, Sample> byId = new HashMap<>();
            sample.forEach(thread -> byId.put(thread.id(), thread));
            earlier.add(byId);
        }
        List<String> stuck = new ArrayList<>();
        for (Sample last : samples.get(samples.size() - 1)) {
            List<String> call = callFrames(last, implementationPrefix);
            if (call == null) {
                continue;
            }
            boolean same = true;
            for (Map<Long, Sample> sample : earlier) {
                Sample then = sample.get(last.id());
                same &= then != null && then.name().equals(last.name())
                        && call.equals(callFrames(then, implementationPrefix));
            }
            if (same) {
                stuck.add("\"" + last.name() + "\" is " + last.state() + " in " + last.frames().get(firstFrameOf(
                        last.frames(), implementationPrefix)) + ", called from " + call.get(call.size() - 1));
            }
        }
        return stuck;
    }

    /** A thread's frames from the top down to the caller of the implementation; null if it is in no call. */
    private static List<String> callFrames(Sample thread, String implementationPrefix) {
        int call = callInto(thread.frames(), implementationPrefix);
        return call < 0 ? null : thread.frames().subList(0, call + 2);
    }

    /**
     * The index of the implementation frame that a frame outside the implementation and outside the
     * JDK called (the deepest entry into the implementation); -1 if the stack holds no such call.
     */
    static int callInto(List<String> frames, String implementationPrefix) {
        for (int i = frames.size() - 2; i >= 0; i--) {
            String frame = frames.get(i);
            String caller = frames.get(i + 1);
            if (inImplementation(frame, implementationPrefix) && !inImplementation(caller, implementationPrefix)
                    && !isJdk(caller)) {
                return i;
            }
        }
        return -1;
    }

    private static int firstFrameOf(List<String> frames, String implementationPrefix) {
        for (int i = 0; i < frames.size(); i++) {
            if (inImplementation(frames.get(i), implementationPrefix)) {
                return i;
            }
        }
        return 0;
    }

    /** Whether a frame ("com.acme.X$Node.park(X.java:12)") runs code of the class or its nested classes. */
    private static boolean inImplementation(String frame, String implementationClass) {
        return frame.startsWith(implementationClass + ".") || frame.startsWith(implementationClass + "$");
    }

    private static boolean isJdk(String frame) {
        return frame.startsWith("java.") || frame.startsWith("javax.") || frame.startsWith("jdk.")
                || frame.startsWith("sun.") || frame.startsWith("com.sun.");
    }

    private static List<Sample> sampleThisJvm(Predicate<ThreadInfo> relevant) {
        List<Sample> samples = new ArrayList<>();
        for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(false, false)) {
            if (info == null || !relevant.test(info)) {
                continue;
            }
            List<String> frames = new ArrayList<>();
            for (StackTraceElement frame : info.getStackTrace()) {
                frames.add(ThreadDumps.frame(frame));
            }
            samples.add(new Sample(info.getThreadName(), info.getThreadId(), info.getThreadState().name(), frames));
        }
        return samples;
    }

    /** The threads of a {@code jcmd Thread.print} dump. */
    static List<Sample> parse(String dump) {
        List<Sample> samples = new ArrayList<>();
        for (String block : dump.split("\n\n")) {
            String text = block.strip();
            if (!text.startsWith("\"")) {
                continue;
            }
            String[] lines = text.split("\n");
            int nameEnd = lines[0].indexOf('"', 1);
            if (nameEnd < 0) {
                continue;
            }
            String name = lines[0].substring(1, nameEnd);
            long id = idOf(lines[0]);
            String state = "";
            List<String> frames = new ArrayList<>();
            for (String line : lines) {
                String trimmed = line.strip();
                if (trimmed.startsWith("java.lang.Thread.State: ")) {
                    state = trimmed.substring("java.lang.Thread.State: ".length()).split(" ")[0];
                } else if (trimmed.startsWith("at ")) {
                    frames.add(withoutModule(trimmed.substring(3)));
                }
            }
            samples.add(new Sample(name, id, state, frames));
        }
        return samples;
    }

    /** The thread's number ({@code #14}) in a dump's header line; -1 if it has none. */
    private static long idOf(String header) {
        int hash = header.indexOf(" #");
        if (hash < 0) {
            return -1;
        }
        int end = hash + 2;
        while (end < header.length() && Character.isDigit(header.charAt(end))) {
            end++;
        }
        return end == hash + 2 ? -1 : Long.parseLong(header.substring(hash + 2, end));
    }

    /** "java.lang.Object.wait(java.base@17.0.15/Native Method)" as {@link ThreadDumps#frame} writes it. */
    private static String withoutModule(String frame) {
        int open = frame.indexOf('(');
        int slash = frame.indexOf('/', open);
        return open >= 0 && slash > open && frame.indexOf('@', open) < slash
                ? frame.substring(0, open + 1) + frame.substring(slash + 1) : frame;
    }
}
