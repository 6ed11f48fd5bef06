package dev.waitgroup.fray;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A process that cannot outlive its bound: it runs with its output (stdout and stderr together) going
 * to a log file, and if it has not ended when the bound elapses, it is killed together with every
 * process it started, descendants first (they outlive a killed parent).
 *
 * <p>Invariant: {@link #run} returns within {@code bound} plus a few seconds for the kill, whatever the
 * process does; nothing it started is left running once the process was killed.
 */
public final class BoundedProcess {
    private static final long KILL_WAIT_SECONDS = 10;

    /**
     * How a process ended.
     *
     * @param exitCode   its exit status; -1 if it was killed or could not be reaped
     * @param timedOut   true if the bound elapsed and the process tree was killed
     * @param wall       how long it ran
     * @param log        its output
     */
    public record Ended(int exitCode, boolean timedOut, Duration wall, Path log) {
        /** The last {@code lines} lines of the output, for a message. */
        public String tail(int lines) {
            return BoundedProcess.tail(log, lines);
        }
    }

    private BoundedProcess() {
    }

    /**
     * Runs {@code command} in {@code workdir} for at most {@code bound}.
     *
     * @throws IOException if the process cannot be started (no such executable, say) or the log not written
     * @throws InterruptedException if this thread is interrupted while waiting; the process tree is then killed
     */
    public static Ended run(List<String> command, Path workdir, Path log, Duration bound)
            throws IOException, InterruptedException {
        Files.createDirectories(workdir);
        Files.createDirectories(log.toAbsolutePath().getParent());
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).directory(workdir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended;
        try {
            ended = process.waitFor(bound.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            killTree(process);
            throw e;
        }
        if (!ended) {
            killTree(process);
        }
        int exit = process.isAlive() ? -1 : ended ? process.exitValue() : -1;
        return new Ended(exit, !ended, Duration.ofNanos(System.nanoTime() - start), log);
    }

    /** Kills the process and everything it started, children first. */
    static void killTree(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(KILL_WAIT_SECONDS, TimeUnit.SECONDS);
        process.descendants().forEach(ProcessHandle::destroyForcibly);
    }

    /** The last {@code lines} lines of a text file; empty if it cannot be read. */
    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
