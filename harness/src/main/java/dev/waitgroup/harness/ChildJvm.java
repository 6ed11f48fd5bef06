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
 *
 * <p>Invariant: nothing it started outlives it. The tree is killed when the watch says stop, when the
 * waiting thread is interrupted, and when this JVM ends while the child still runs.
 */
public final class ChildJvm {
    /**
     * The JVM option that compiles with C1 only, which every engine's child JVM uses: a child lives
     * seconds to a few minutes, and C2's compilations cost more CPU than they win back. Measured, each
     * suite alone with C2 and then C1 on the same jars, with the same verdicts: Lincheck (aqs, cas) 60
     * against 30 CPU-s; the contract suite (every implementation and specimen) 59 against 40, and
     * {@code unsynchronized-read}'s hoisted read still hangs its wait in 5 runs of 5; the exploration 74
     * against 44, the same failing (specimen, check) pairs; Fray half the CPU for its start and for 336
     * schedules. Not used where it gained nothing: the cross-examination's JVM (22.7 against 21.5 CPU-s).
     */
    public static final String C1_ONLY = "-XX:TieredStopAtLevel=1";

    private static final long POLL_MILLIS = 500;
    private static final long DUMP_BOUND_MILLIS = 10_000;

    /**
     * What to run: {@code launcher [jvmOptions] [-cp classpath] [mainClass] [arguments]}, in
     * {@code workdir}. Output (stdout and stderr together) goes to {@code log}.
     *
     * @param launcher  the program that starts the JVM: this JVM's {@code java} unless given; another
     *                  JDK's {@code java} (such as Fray's instrumented image), or a JDK tool that runs on a
     *                  JVM of its own ({@code jlink}, {@code java -version})
     * @param classpath left out of the command line when empty
     * @param mainClass left out when empty (a tool, or {@code -jar} among the options)
     */
    public record Spec(Path launcher, List<String> jvmOptions, List<String> classpath, String mainClass,
                       List<String> arguments, Path workdir, Path log) {
        public Spec {
            launcher = launcher == null ? Path.of(System.getProperty("java.home"), "bin", "java") : launcher;
            jvmOptions = List.copyOf(jvmOptions);
            classpath = List.copyOf(classpath);
            mainClass = mainClass == null ? "" : mainClass;
            arguments = List.copyOf(arguments);
        }

        /** A JVM on this JVM's own {@code java}. */
        public Spec(List<String> jvmOptions, List<String> classpath, String mainClass, List<String> arguments,
                    Path workdir, Path log) {
            this(null, jvmOptions, classpath, mainClass, arguments, workdir, log);
        }

        /** A JDK program (a tool, or {@code java} with options only) with these arguments. */
        public static Spec tool(Path launcher, List<String> arguments, Path workdir, Path log) {
            return new Spec(launcher, List.of(), List.of(), "", arguments, workdir, log);
        }

        /** The command line, as a user could type it. */
        public List<String> command() {
            List<String> command = new ArrayList<>();
            command.add(launcher.toString());
            command.addAll(jvmOptions);
            if (!classpath.isEmpty()) {
                command.add("-cp");
                command.add(String.join(File.pathSeparator, classpath));
            }
            if (!mainClass.isEmpty()) {
                command.add(mainClass);
            }
            command.addAll(arguments);
            return command;
        }
    }

    /** Asked while the JVM runs: empty to go on, or why to stop it. */
    @FunctionalInterface
    public interface Watch {
        Optional<String> stopBecause(Duration elapsed);

        /** A watch that stops the JVM once {@code bound} has elapsed, saying {@code why}. */
        static Watch after(Duration bound, String why) {
            return elapsed -> elapsed.compareTo(bound) > 0 ? Optional.of(why) : Optional.empty();
        }

        /** Stops the JVM when this watch or {@code other} says so, this one asked first. */
        default Watch or(Watch other) {
            return elapsed -> {
                Optional<String> mine = stopBecause(elapsed);
                return mine.isPresent() ? mine : other.stopBecause(elapsed);
            };
        }
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

    /**
     * Runs the JVM until it exits or {@code watch} says stop.
     *
     * @throws IOException          if it cannot be started (no such launcher, say)
     * @throws InterruptedException if this thread is interrupted while it waits; the tree is killed first
     */
    public static Outcome run(Spec spec, Watch watch) throws IOException, InterruptedException {
        Files.createDirectories(spec.workdir());
        Files.createDirectories(spec.log().toAbsolutePath().getParent());
        long start = System.nanoTime();
        Process process = new ProcessBuilder(spec.command()).directory(spec.workdir().toFile())
                .redirectErrorStream(true).redirectOutput(spec.log().toFile()).start();
        Thread killOnExit = new Thread(() -> {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }, "kill " + process.pid() + " on exit");
        Runtime.getRuntime().addShutdownHook(killOnExit); // this JVM ends first: the child goes with it
        String killedBecause = null;
        List<String> dumps = new ArrayList<>();
        try {
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
        } catch (InterruptedException e) {
            killTree(process);
            throw e;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(killOnExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
        }
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
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
        }
    }
}
