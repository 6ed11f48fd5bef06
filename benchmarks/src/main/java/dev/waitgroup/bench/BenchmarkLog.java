package dev.waitgroup.bench;

import dev.waitgroup.record.BenchmarkRun;
import dev.waitgroup.record.ResultsFiles;
import dev.waitgroup.record.RunInfo;
import dev.waitgroup.settings.Settings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark run's own record ({@link BenchmarkRun}), written when the run starts (incomplete), after
 * every JMH run, and when it ends: a run that was killed, or stopped by an error of the harness, leaves
 * a file that says so, and the report says it too.
 */
final class BenchmarkLog {
    private final Path file;
    private final RunInfo run;
    private final long boundMillis;
    private final List<BenchmarkRun.Problem> problems = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    BenchmarkLog(Settings settings, BenchmarkSettings bench, Path file) {
        this.file = file;
        this.run = new RunInfo(settings.runId, settings.mode, settings.selection, settings.checkFilter, settings.shard,
                RunInfo.thisJvm(), Runtime.version().feature());
        this.boundMillis = bench.bound.toMillis();
        notes.add("preset " + bench.preset + (bench.include.isEmpty() ? "" : ", benchmarks matching " + bench.include));
        write(false);
    }

    void add(List<BenchmarkRun.Problem> found) {
        problems.addAll(found);
        write(false);
    }

    void finish() {
        write(true);
    }

    /** The run was stopped by something other than a benchmark: an error of the harness itself. */
    void stoppedBy(Throwable error) {
        notes.add("stopped by an error of the harness: " + error);
        write(false);
    }

    private void write(boolean complete) {
        ResultsFiles.write(new BenchmarkRun(ResultsFiles.FORMAT_VERSION, run, boundMillis, complete, problems, notes),
                file);
    }
}
