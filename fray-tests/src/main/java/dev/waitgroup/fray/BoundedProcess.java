package dev.waitgroup.fray;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A process that cannot outlive its bound: it runs with its output (stdout and stderr together) going
 * to a log file; a watch is asked twice a second whether to stop it, and when it says so, or the bound
 * elapses, the process is killed together with every process it started, descendants first (they
 * outlive a killed parent), after an optional thread dump.
 *
 * <p>Invariant: {@link #run} returns within {@code bound} plus the dump and kill time (under 30 s),
 * whatever the process does; nothing it started is left running once it was killed, nor when this
 * JVM ends first (a shutdown hook kills the tree).
 */
public final class BoundedProcess {
    private static final long POLL_MILLIS = 500;
    private static final long KILL_WAIT_SECONDS = 10;
    private static final Duration DUMP_BOUND = Duration.ofSeconds(15);

    /**
     * How a process ended.
     *
     * @param exitCode     its exit status; -1 if it was killed
     * @param stoppedBecause why it was killed (the bound, or the watch's reason), or null if it exited
     * @param wall         how long it ran
     * @param log          its output
     * @param threadDump   the dump taken before the kill, or empty
     */
    public record Ended(int exitCode, String stoppedBecause, Duration wall, Path log, String threadDump) {
        public boolean timedOut() {
            return stoppedBecause != null;
        }

        /** The last {@code lines} lines of the output, for a message. */
        public String tail(int lines) {
            return BoundedProcess.tail(log, lines);
        }
    }

    private BoundedProcess() {
    }

    /** Runs {@code command} for at most {@code bound}, with no other watch and no dump. */
    public static Ended run(List<String> command, Path workdir, Path log, Duration bound)
            throws IOException, InterruptedException {
        return run(command, workdir, log, bound, process -> Optional.empty(), null);
    }

    /**
     * Runs {@code command} in {@code workdir} for at most {@code bound}, stopping it earlier when
     * {@code watch} returns a reason.
     *
     * @param jstack a {@code jstack} to dump the process's threads with before the kill, or null
     * @throws IOException if the process cannot be started (no such executable, say) or the log not written
     * @throws InterruptedException if this thread is interrupted while waiting; the process tree is then killed
     */
    public static Ended run(List<String> command, Path workdir, Path log, Duration bound,
                            Function<Process, Optional<String>> watch, Path jstack) throws IOException, InterruptedException {
        Files.createDirectories(workdir);
        Files.createDirectories(log.toAbsolutePath().getParent());
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).directory(workdir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        String stop = null;
        Thread killOnExit = new Thread(() -> {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }, "kill " + process.pid() + " on exit");
        Runtime.getRuntime().addShutdownHook(killOnExit); // this JVM killed or ended: the child goes too
        try {
            while (!process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                if (System.nanoTime() - start > bound.toNanos()) {
                    stop = "it did not finish within " + bound.toSeconds() + " s";
                } else {
                    stop = watch.apply(process).orElse(null);
                }
                if (stop != null) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            killTree(process);
            throw e;
        }
        String dump = "";
        if (stop != null) {
            dump = jstack == null ? "" : threadDump(jstack, process.pid(), workdir);
            killTree(process);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
        int exit = stop != null || process.isAlive() ? -1 : process.exitValue();
        return new Ended(exit, stop, Duration.ofNanos(System.nanoTime() - start), log, dump);
    }

    /** The process's thread dump by {@code jstack}, or a sentence why there is none. */
    static String threadDump(Path jstack, long pid, Path workdir) throws InterruptedException {
        try {
            Path out = Files.createTempFile(workdir, "jstack", ".txt");
            try {
                Process dumper = new ProcessBuilder(jstack.toString(), Long.toString(pid))
                        .redirectErrorStream(true).redirectOutput(out.toFile()).start();
                if (!dumper.waitFor(DUMP_BOUND.toSeconds(), TimeUnit.SECONDS)) {
                    killTree(dumper);
                    return "(jstack did not answer within " + DUMP_BOUND.toSeconds() + " s)";
                }
                return Files.readString(out, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            return "(no thread dump: " + e.getMessage() + ")";
        }
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
