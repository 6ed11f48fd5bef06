package dev.waitgroup.examples;

import dev.waitgroup.ErrorGroup;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * An ErrorGroup that fails fast: several downloads start together; one fails, which cancels the
 * others at once (their threads are interrupted) instead of letting them run to the end, and
 * {@code await} reports the failure that caused it.
 */
public final class FailFast {
    private FailFast() {
    }

    /**
     * What became of each download: a download whose task the group had not started when the failure
     * cancelled it is never started (an ErrorGroup starts no task once cancelled), which a busy machine
     * makes likely for the last ones.
     */
    public enum Fate { COMPLETED, FAILED, CANCELLED, NOT_STARTED }

    /**
     * Downloads every name; {@code broken} fails after {@code failAfter}, the others would take
     * {@code takes}.
     */
    public static Map<String, Fate> download(List<String> names, String broken, Duration failAfter, Duration takes,
                                             PrintStream out) throws InterruptedException {
        ErrorGroup group = new ErrorGroup();
        Map<String, Fate> fates = new ConcurrentHashMap<>();
        for (String name : names) {
            group.go(() -> {
                try {
                    if (name.equals(broken)) {
                        Thread.sleep(failAfter.toMillis());
                        fates.put(name, Fate.FAILED);
                        throw new IOException("download of " + name + " failed: connection reset");
                    }
                    Thread.sleep(takes.toMillis());      // a blocking call: answers the interrupt
                    fates.put(name, Fate.COMPLETED);
                } catch (InterruptedException cancelled) {
                    fates.put(name, Fate.CANCELLED);
                    throw cancelled;                     // the answer to cancellation, not a failure
                }
            });
        }
        try {
            group.await();
            out.println("all downloads completed");
        } catch (ExecutionException e) {
            out.println("failed fast: " + e.getCause().getMessage());
        }
        for (String name : names) {
            fates.putIfAbsent(name, Fate.NOT_STARTED);
        }
        out.println(fates);
        return Map.copyOf(fates);
    }

    public static void main(String[] args) throws InterruptedException {
        download(List.of("a.zip", "b.zip", "c.zip", "d.zip"), "b.zip", Duration.ofMillis(50), Duration.ofSeconds(10),
                System.out);
    }
}
