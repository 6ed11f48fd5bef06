package dev.waitgroup.reports;

import dev.waitgroup.record.ResultsFiles;
import dev.waitgroup.record.SuiteResults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The results files of one build, found where each suite writes them
 * ({@code <module>/target/wg-results/<suite>.json}, {@code benchmarks/target/jmh/results.json}).
 * A missing or unreadable file is recorded as a problem, not thrown: the report shows it and the
 * gate fails on it.
 */
final class Inputs {
    /** The suites every build runs, and the module that writes each one's results. */
    static final Map<String, String> SUITES = Map.of(
            "contract", "contract-tests",
            "jcstress", "stress-tests",
            "lincheck", "lincheck-tests");
    static final List<String> SUITE_ORDER = List.of("contract", "jcstress", "lincheck");
    static final String JMH_FILE = "benchmarks/target/jmh/results.json";

    final Path root;
    final Map<String, SuiteResults> suites = new LinkedHashMap<>();
    final Map<String, String> problems = new LinkedHashMap<>();
    final JmhResults jmh;

    private Inputs(Path root, JmhResults jmh) {
        this.root = root;
        this.jmh = jmh;
    }

    static Inputs read(Path root) {
        Path jmhFile = root.resolve(JMH_FILE);
        JmhResults jmh = null;
        String jmhProblem = null;
        if (Files.isRegularFile(jmhFile)) {
            try {
                jmh = JmhResults.read(jmhFile);
            } catch (RuntimeException e) {
                jmhProblem = "unreadable " + jmhFile + ": " + e.getMessage();
            }
        }
        Inputs inputs = new Inputs(root, jmh);
        if (jmhProblem != null) {
            inputs.problems.put("jmh", jmhProblem);
        }
        for (String suite : SUITE_ORDER) {
            Path file = resultsFile(root, suite);
            if (!Files.isRegularFile(file)) {
                inputs.problems.put(suite, "no results file " + root.relativize(file) + ": the " + suite
                        + " suite did not run or wrote nothing");
                continue;
            }
            try {
                inputs.suites.put(suite, ResultsFiles.read(file));
            } catch (RuntimeException e) {
                inputs.problems.put(suite, "unreadable " + root.relativize(file) + ": " + e.getMessage());
            }
        }
        return inputs;
    }

    static Path resultsFile(Path root, String suite) {
        return root.resolve(SUITES.get(suite)).resolve("target").resolve(ResultsFiles.FOLDER).resolve(suite + ".json");
    }
}
