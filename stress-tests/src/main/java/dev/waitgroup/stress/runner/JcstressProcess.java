package dev.waitgroup.stress.runner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One jcstress run in its own process and working folder, under a watchdog. jcstress forks a VM per
 * test, and a test VM whose actor blocks forever hangs the whole run without a word; so past its
 * bound the watchdog kills the whole process tree (descendants first, they outlive a killed parent)
 * and reports the run as timed out. The output goes to {@code jcstress.log} in the working folder;
 * the time at which each test's result line appears gives its approximate wall time.
 */
final class JcstressProcess {
    private static final Pattern RESULT_LINE = Pattern.compile("\\[(OK|FAILED|ERROR|[A-Z_ ]+)\\]\\s+(\\S+)");

    /** How the run ended, and how long each test took (summed over its configurations). */
    static final class Ended {
        final int exitCode;
        final boolean killed;
        final Duration wall;
        final Map<String, Long> testMillis;
        final Path log;

        Ended(int exitCode, boolean killed, Duration wall, Map<String, Long> testMillis, Path log) {
            this.exitCode = exitCode;
            this.killed = killed;
            this.wall = wall;
            this.testMillis = testMillis;
            this.log = log;
        }
    }

    private JcstressProcess() {
    }

    static Ended run(List<String> command, Path workdir, Duration bound, PrintStream echo, String label)
            throws IOException, InterruptedException {
        Files.createDirectories(workdir);
        Path log = workdir.resolve("jcstress.log");
        Map<String, Long> testMillis = new LinkedHashMap<>();
        long start = System.nanoTime();

        Process process = new ProcessBuilder(command).directory(workdir.toFile()).redirectErrorStream(true).start();
        Thread pump = new Thread(() -> pump(process, log, testMillis, start, echo, label), "jcstress-output-" + label);
        pump.setDaemon(true);
        pump.start();

        boolean finished = process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            killTree(process);
        }
        pump.join(TimeUnit.SECONDS.toMillis(10));
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        synchronized (testMillis) {
            return new Ended(finished ? process.exitValue() : -1, !finished, wall, Map.copyOf(testMillis), log);
        }
    }

    private static void killTree(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        process.descendants().forEach(ProcessHandle::destroyForcibly);
    }

    private static void pump(Process process, Path log, Map<String, Long> testMillis, long start, PrintStream echo,
                             String label) {
        long previous = start;
        boolean finalReport = false; // after "RUN RESULTS", jcstress repeats the results: not timed
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            for (String line; (line = lines.readLine()) != null; ) {
                out.write(line);
                out.write('\n');
                Matcher result = RESULT_LINE.matcher(line);
                if (result.find() && line.startsWith(".") && !finalReport) {
                    long now = System.nanoTime();
                    boolean first;
                    synchronized (testMillis) {
                        first = !testMillis.containsKey(result.group(2));
                        testMillis.merge(result.group(2), TimeUnit.NANOSECONDS.toMillis(now - previous), Long::sum);
                    }
                    previous = now;
                    if (first && !"OK".equals(result.group(1))) {
                        echo.println("  [" + label + "] " + line.replaceFirst("^\\.+\\s*", ""));
                    }
                }
                finalReport |= line.startsWith("RUN RESULTS");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
