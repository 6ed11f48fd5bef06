package dev.waitgroup.record;

import dev.waitgroup.catalogue.Suite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a run writes, declared once, so that a new run can remove what an earlier one left: a build
 * that fails or is interrupted must not leave an earlier run's results, report, Markdown or JUnit XML
 * (and its "Gate passed") where this run's would be.
 *
 * <p>Only the files and folders named here are removed: a results folder may be any folder a user
 * names ({@code wg.results.dir}), and what else it holds is not the run's to delete.
 */
public final class RunOutputs {
    /** JMH's figures, in JMH's own JSON format. */
    public static final String SPEED = "jmh.json";
    /** JMH's figures of one thread count, before the two are merged into {@link #SPEED}. */
    public static final String SPEED_1_THREAD = "results-1-thread.json";
    public static final String SPEED_2_THREADS = "results-2-threads.json";
    /** The child JVMs' working folders, logs and journals. */
    public static final String WORK = "work";
    /** What the report writes under its output folder, besides {@code java-N/} per JDK of a merge. */
    public static final List<String> REPORT = List.of("site", "junit");

    private RunOutputs() {
    }

    /** Every file and folder a run writes into its results folder. */
    public static List<String> results() {
        List<String> names = new ArrayList<>();
        for (Suite suite : Suite.values()) {
            names.add(suite.id() + ".json");
        }
        names.addAll(List.of(SPEED, SPEED_1_THREAD, SPEED_2_THREADS, GoResults.FILE, BenchmarkRun.FILE,
                MutationResults.FILE, WORK));
        return names;
    }

    /** Removes what a run wrote into {@code folder}, and nothing else. */
    public static void clearResults(Path folder) throws IOException {
        for (String name : results()) {
            Folders.delete(folder.resolve(name));
        }
    }

    /** Removes what a report wrote under {@code out}: its page, Markdown, JUnit XML, and each JDK's report. */
    public static void clearReport(Path out) throws IOException {
        for (String name : REPORT) {
            Folders.delete(out.resolve(name));
        }
        if (Files.isDirectory(out)) {
            try (Stream<Path> entries = Files.list(out)) {
                for (Path run : entries.filter(p -> p.getFileName().toString().matches("java-\\d+")).toList()) {
                    Folders.delete(run);
                }
            }
        }
    }
}
