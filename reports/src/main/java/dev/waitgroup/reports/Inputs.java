package dev.waitgroup.reports;

import dev.waitgroup.catalogue.Suite;
import dev.waitgroup.record.ResultsFiles;
import dev.waitgroup.record.SuiteResults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * The results folder of one run, as the suites left it: a file per suite ({@code contract.json},
 * {@code jcstress.json}, {@code lincheck.json}) and the speed measurements. A missing or unreadable
 * file is recorded as a problem, not thrown: the report shows it and the gate fails on it.
 */
final class Inputs {
    static final String SPEED_FILE = "jmh.json";

    final Path folder;
    final Map<Suite, SuiteResults> suites = new EnumMap<>(Suite.class);
    final Map<Suite, String> problems = new EnumMap<>(Suite.class);
    final JmhResults speed;
    final String speedProblem;

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
