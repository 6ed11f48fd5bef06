package dev.waitgroup.reports;

import dev.waitgroup.catalogue.Suite;
import dev.waitgroup.record.BenchmarkRun;
import dev.waitgroup.record.GoResults;
import dev.waitgroup.record.MutationResults;
import dev.waitgroup.record.ResultsFiles;
import dev.waitgroup.record.RunOutputs;
import dev.waitgroup.record.SuiteResults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * The results folder of one run, as the suites left it: a file per suite ({@code contract.json},
 * {@code jcstress.json}, {@code lincheck.json}), the speed measurements and the mutation scores. A missing or unreadable
 * file is recorded as a problem, not thrown: the report shows it and the gate fails on it.
 */
final class Inputs {
    static final String SPEED_FILE = RunOutputs.SPEED;

    final Path folder;
    final Map<Suite, SuiteResults> suites = new EnumMap<>(Suite.class);
    final Map<Suite, String> problems = new EnumMap<>(Suite.class);
    final JmhResults speed;
    final String speedProblem;
    /** Go's own benchmarks, measured in the same run beside JMH; null when no Go toolchain ran them. */
    GoResults go;
    String goProblem;
    /** What the benchmark run did besides measuring (benchmarks that hung or failed); null when none ran. */
    BenchmarkRun benchmarks;
    String benchmarksProblem;
    /** The mutation run's scores, when one ran ({@code -Pmutation}); null otherwise. */
    MutationResults mutation;
    String mutationProblem;

    private Inputs(Path folder, JmhResults speed, String speedProblem) {
        this.folder = folder;
        this.speed = speed;
        this.speedProblem = speedProblem;
    }

    static Inputs read(Path folder) {
        Path speedFile = folder.resolve(SPEED_FILE);
        JmhResults speed = null;
        String speedProblem = null;
        if (Files.isRegularFile(speedFile)) {
            try {
                speed = JmhResults.read(speedFile);
            } catch (RuntimeException e) {
                speedProblem = "unreadable " + speedFile + ": " + e.getMessage();
            }
        }
        Inputs inputs = new Inputs(folder, speed, speedProblem);
        Path goFile = folder.resolve(GoResults.FILE);
        if (Files.isRegularFile(goFile)) {
            try {
                inputs.go = ResultsFiles.readGo(goFile);
            } catch (IllegalArgumentException e) {
                inputs.goProblem = e.getMessage();
            }
        }
        Path benchmarksFile = folder.resolve(BenchmarkRun.FILE);
        if (Files.isRegularFile(benchmarksFile)) {
            try {
                inputs.benchmarks = ResultsFiles.readBenchmarkRun(benchmarksFile);
            } catch (IllegalArgumentException e) {
                inputs.benchmarksProblem = e.getMessage();
            }
        }
        Path mutationFile = folder.resolve(MutationResults.FILE);
        if (Files.isRegularFile(mutationFile)) {
            try {
                inputs.mutation = ResultsFiles.readMutation(mutationFile);
            } catch (IllegalArgumentException e) {
                inputs.mutationProblem = e.getMessage();
            }
        }
        for (Suite suite : Suite.values()) {
            Path file = ResultsFiles.of(folder, suite);
            if (!Files.isRegularFile(file)) {
                inputs.problems.put(suite, "no results file " + file.getFileName() + " in " + folder + ": the "
                        + suite.id() + " suite did not run, or wrote nothing");
                continue;
            }
            try {
                inputs.suites.put(suite, ResultsFiles.read(file));
            } catch (IllegalArgumentException e) {
                inputs.problems.put(suite, e.getMessage());
            }
        }
        return inputs;
    }
}
