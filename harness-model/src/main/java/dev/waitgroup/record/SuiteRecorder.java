package dev.waitgroup.record;

import dev.waitgroup.catalogue.Suite;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the records of one suite run, from any thread, and writes its results file. Every
 * {@link #write()} rewrites the whole file atomically, so a reader (or a crash) sees the run as it
 * stood at the last write: with {@code complete} false until {@link #finish()}.
 *
 * <p>A verdict recorded twice for the same implementation and check keeps the later one: a run
 * resumed after a crash records the crashed check, then may record it again if it reran.
 */
public final class SuiteRecorder {
    private final Suite suite;
    private final RunInfo run;
    private final Path file;
    private final Instant started = Instant.now();
    private final Map<String, ImplementationInfo> implementations = new LinkedHashMap<>();
    private final List<Expected> expected = new ArrayList<>();
    private final Map<Expected, CheckResult> results = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private boolean complete;

    public SuiteRecorder(Suite suite, RunInfo run, Path file) {
        this.suite = suite;
        this.run = run;
        this.file = file;
    }

    public synchronized void implementation(ImplementationInfo info) {
        implementations.putIfAbsent(info.name(), info);
    }

    public synchronized void expect(Collection<Expected> promised) {
        for (Expected entry : promised) {
            if (!expected.contains(entry)) {
                expected.add(entry);
            }
        }
    }

    public synchronized void record(CheckResult result) {
        results.remove(result.key());
        results.put(result.key(), result);
    }

    public synchronized boolean has(Expected key) {
        return results.containsKey(key);
    }

    public synchronized void note(String note) {
        if (!notes.contains(note)) {
            notes.add(note);
        }
    }

    public synchronized List<CheckResult> results() {
        return List.copyOf(results.values());
    }

    public synchronized SuiteResults snapshot() {
        return new SuiteResults(suite, ResultsFiles.FORMAT_VERSION, run, started.toString(),
                Duration.between(started, Instant.now()).toMillis(), complete, List.copyOf(implementations.values()),
                expected, List.copyOf(results.values()), notes);
    }

    public synchronized void write() {
        ResultsFiles.write(snapshot(), file);
    }

    /** Marks the run complete and writes it. */
    public synchronized void finish() {
        complete = true;
        write();
    }

    public Path file() {
        return file;
    }
}
