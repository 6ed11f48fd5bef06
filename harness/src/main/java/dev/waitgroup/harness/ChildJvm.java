package dev.waitgroup.harness;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A JVM the harness starts to run code under test, under a watchdog. Whatever the code does (exits,
 * never returns, exhausts its heap), the runner that started it survives and decides what happened:
 * the watchdog asks {@link Watch} every half second whether to go on; when it says stop, dumps of
 * every thread of the JVM and of its own children (jcstress forks) are taken, a few of them a second
 * apart so that a call that did not return can be told from a slow one ({@link StuckCalls}), then
 * the whole process tree is killed, descendants first (they outlive a killed parent).
 */
public final class ChildJvm {
    private static final long POLL_MILLIS = 500;
    private static final long DUMP_BOUND_MILLIS = 10_000;

    /** What to run. Output (stdout and stderr together) goes to {@code log}. */
    public record Spec(List<String> jvmOptions, List<String> classpath, String mainClass, List<String> arguments,
                       Path workdir, Path log) {
        public Spec {
            jvmOptions = List.copyOf(jvmOptions);
            classpath = List.copyOf(classpath);
            arguments = List.copyOf(arguments);
        }

        /** The command line, as a user could type it. */
        public List<String> command() {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.add("-cp");
            command.add(String.join(File.pathSeparator, classpath));
            command.add(mainClass);
            command.addAll(arguments);
            return command;
        }
    }

    /** Asked while the JVM runs: empty to go on, or why to stop it. */
    @FunctionalInterface
    public interface Watch {
        Optional<String> stopBecause(Duration elapsed);
    }

    /**
     * How it ended. {@code killedBecause} is null when the JVM exited by itself; {@code threadDumps} are
     * the samples taken before it was killed ({@link StuckCalls#SAMPLES}, {@link StuckCalls#APART_MILLIS}
     * apart), empty when it was not or no dump could be taken.
     */
    public record Outcome(int exitCode, String killedBecause, Duration wall, List<String> threadDumps, Path log) {
        public Outcome {
            threadDumps = List.copyOf(threadDumps);
        }

        public boolean killed() {
            return killedBecause != null;
        }

        /** The first dump taken before the kill; null if none. */
        public String threadDump() {
            return threadDumps.isEmpty() ? null : threadDumps.get(0);
        }

        /** The calls into the classes under {@code implementationClass} that stood still in every dump. */
        public List<String> stuckCalls(String implementationClass) {
            return StuckCalls.acrossDumps(threadDumps, implementationClass);
        }

        /** The last lines of the output, for a message. */
        public String tail(int lines) {
            try {
                List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
                return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
            } catch (IOException e) {
                return "";
            }
        }
    }

    private ChildJvm() {
    }

    public static Outcome run(Spec spec, Watch watch) throws IOException, InterruptedException {
        Files.createDirectories(spec.workdir());
        Files.createDirectories(spec.log().toAbsolutePath().getParent());
        long start = System.nanoTime();
        Process process = new ProcessBuilder(spec.command()).directory(spec.workdir().toFile())
                .redirectErrorStream(true).redirectOutput(spec.log().toFile()).start();
        String killedBecause = null;
        List<String> dumps = new ArrayList<>();
        while (!process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
            Optional<String> stop = watch.stopBecause(Duration.ofNanos(System.nanoTime() - start));
            if (stop.isPresent()) {
                killedBecause = stop.get();
                for (int sample = 0; sample < StuckCalls.SAMPLES && process.isAlive(); sample++) {
                    if (sample > 0) {
                        TimeUnit.MILLISECONDS.sleep(StuckCalls.APART_MILLIS);
                    }
                    String dump = dumpTree(process);
                    if (dump != null) {
                        dumps.add(dump);
                    }
                }
                killTree(process);
                break;
            }
        }
        process.waitFor(10, TimeUnit.SECONDS);
        int exit = process.isAlive() ? -1 : process.exitValue();
        return new Outcome(exit, killedBecause, Duration.ofNanos(System.nanoTime() - start), dumps, spec.log());
    }

    private static String dumpTree(Process process) {
        StringBuilder text = new StringBuilder();
        List<ProcessHandle> jvms = new ArrayList<>();
        jvms.add(process.toHandle());
        process.descendants().forEach(jvms::add);
        for (ProcessHandle jvm : jvms) {
            String dump = ThreadDumps.ofProcess(jvm.pid(), DUMP_BOUND_MILLIS);
            if (dump != null) {
                text.append("=== process ").append(jvm.pid()).append(" ===\n").append(dump).append('\n');
            }
        }
        return text.length() == 0 ? null : text.toString();
    }

    /** Kills the process and everything it started; children first, since they outlive a killed parent. */
    public static void killTree(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        process.descendants().forEach(ProcessHandle::destroyForcibly);
    }
}
