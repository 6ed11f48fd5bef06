package dev.waitgroup.harness;

import java.util.Map;

/**
 * How many threads this JVM has, and how many of them run the implementation's own code: the evidence
 * when a check ran out of time without a stuck call (a WaitGroup that starts a thread per instance
 * fills a JVM that creates thousands of groups).
 */
public final class ThreadCensus {
    private ThreadCensus() {
    }

    /** "12,345 live threads, 12,000 of them in com.acme.X's own code". */
    public static String of(String implementationPrefix) {
        int live = 0;
        int own = 0;
        for (Map.Entry<Thread, StackTraceElement[]> thread : Thread.getAllStackTraces().entrySet()) {
            live++;
            for (StackTraceElement frame : thread.getValue()) {
                if (frame.getClassName().startsWith(implementationPrefix)) {
                    own++;
                    break;
                }
            }
        }
        return String.format("%,d live threads, %,d of them in %s's own code", live, own, implementationPrefix);
    }
}
