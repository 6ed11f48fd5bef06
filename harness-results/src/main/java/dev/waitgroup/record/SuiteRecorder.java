package dev.waitgroup.record;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the records of one suite run from any thread and writes the results file. Each
 * {@link #write()} rewrites the whole file, so a suite may write after every check and a crash
 * loses at most the check that was running. A suite that runs in several JVMs one after another
 * (Surefire with one fork per test class) shares one file: a recorder whose run id matches the
 * file's continues it; any other file is a previous build's and is replaced.
 */
public final class SuiteRecorder {
    private final String suite;
    private final String mode;
    private final String selection;
    private final String runId;
    private final Path file;
    private Instant started = Instant.now();
    private final Map<String, ImplementationInfo> implementations = new LinkedHashMap<>();
    private final List<CheckResult> results = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public SuiteRecorder(String suite, String mode, String runId, String selection, Path file) {
        this.suite = suite;
        this.mode = mode;
        this.runId = runId;
        this.selection = selection;
        this.file = file;
        continueRunOf(file);
    }

    /** A recorder configured by system properties: {@code wg.mode}, {@code wg.run.id}, {@code wg.impl}. */
    public static SuiteRecorder forSuite(String suite, Path file) {
        return new SuiteRecorder(suite, modeFromSystemProperty(), System.getProperty("wg.run.id", ""),
                System.getProperty("wg.impl", "all"), file);
    }

    private void continueRunOf(Path existing) {
        if (runId.isEmpty() || !Files.isRegularFile(existing)) {
            return;
        }
        SuiteResults previous;
        try {
            previous = ResultsFiles.read(existing);
        } catch (RuntimeException unreadable) {
            return; // a half-written or foreign file: start afresh
        }
        if (runId.equals(previous.runId()) && suite.equals(previous.suite())) {
            started = Instant.parse(previous.startedAt());
            previous.implementations().forEach(info -> implementations.put(info.name(), info));
            results.addAll(previous.results());
            notes.addAll(previous.notes());
        }
    }

    /** The run's mode from the {@code wg.mode} system property: {@code default} or {@code stress}. */
    public static String modeFromSystemProperty() {
        String mode = System.getProperty("wg.mode", "default");
        return mode.isBlank() ? "default" : mode;
    }

    public synchronized void implementation(ImplementationInfo info) {
        implementations.putIfAbsent(info.name(), info);
    }

    public synchronized void record(CheckResult result) {
        results.add(result);
    }

    public synchronized void note(String note) {
        if (!notes.contains(note)) {
            notes.add(note);
        }
    }

    public synchronized List<CheckResult> results() {
        return List.copyOf(results);
    }

    public synchronized SuiteResults snapshot() {
        return new SuiteResults(suite, ResultsFiles.FORMAT_VERSION, mode, runId, selection, jvm(),
                started.toString(), Duration.between(started, Instant.now()).toMillis(),
                List.copyOf(implementations.values()), results, notes);
    }

    public synchronized void write() {
        ResultsFiles.write(snapshot(), file);
    }

    public Path file() {
        return file;
    }

    private static String jvm() {
        return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vm.vendor") + ")";
    }
}
