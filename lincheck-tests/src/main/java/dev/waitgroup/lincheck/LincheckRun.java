package dev.waitgroup.lincheck;

import dev.waitgroup.catalogue.Check;
import dev.waitgroup.harness.Implementation;
import dev.waitgroup.harness.junit.Observation;
import dev.waitgroup.record.Evidence;
import dev.waitgroup.record.Verdict;
import dev.waitgroup.settings.Settings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jetbrains.lincheck.LincheckAssertionError;
import org.jetbrains.lincheck.datastructures.Options;

/**
 * Runs one Lincheck check on one implementation and says what it found, keeping Lincheck's own
 * failures apart from the implementation's: a report that Lincheck itself marks as a bug in Lincheck,
 * or any other exception out of Lincheck, is a harness error, never "not linearizable"; one out of
 * Lincheck's restore of the state the group reaches, a limit measured on groups that keep a thread of
 * their own ({@link #SNAPSHOT_LIMIT}), is not-run with that reason.
 *
 * <p>A failure's full report (the scenario, the interleaving, the detailed trace) is saved under the
 * run's work folder; the evidence keeps it up to the detailed trace. Lincheck draws its scenarios
 * and explores interleavings from a fixed seed, so the same options on the same code find the same
 * failure again: the reproduce command reruns exactly this check.
 */
final class LincheckRun {
    /** How Lincheck marks a report about an error of its own: it offers no API to tell. */
    private static final String LINCHECK_OWN_BUG = "caught a bug in Lincheck";

    /** Where Lincheck 3.7 saves and restores, between invocations, the state the code under test reaches. */
    private static final String SNAPSHOT_TRACKER = "org.jetbrains.kotlinx.lincheck.strategy.managed.SnapshotTracker";
    /**
     * Why a failure inside that restore is no verdict (measured on a correct group whose timed wait asks a
     * static ScheduledThreadPoolExecutor to wake it: Lincheck's restore walked from the pool into the JDK's
     * own objects and threw InaccessibleObjectException, which it reports as a bug of its own; with
     * java.base opened to it, a NullPointerException or ConcurrentModificationException instead, as the
     * pool's worker, a thread Lincheck does not run, changed them).
     */
    static final String SNAPSHOT_LIMIT = "Lincheck 3.7 failed inside its restore of the state the group reaches"
            + " between invocations: it cannot check a group whose shared state (a static pool or timer) a thread"
            + " of the group's own changes, so this proves nothing either way";

    /** What a check found. {@code report} is Lincheck's report when it failed. */
    record Found(boolean failed, String report) {
    }

    private LincheckRun() {
    }

    /** Lincheck's budgets in this test JVM. */
    static LincheckSettings settings() {
        return LincheckSettings.ofThisJvm();
    }

    /**
     * Runs {@code options} on {@code underTest}. A harness error is recorded on {@code observed}
     * (verdict and evidence) and reported as not failed, so that the caller records it as it stands.
     */
    static Found run(Implementation implementation, Check check, Options<?, ?> options, Observation observed,
                     Class<?> underTest) {
        try {
            options.check(underTest);
            return new Found(false, null);
        } catch (LincheckAssertionError failure) {
            String report = String.valueOf(failure.getMessage());
            Path saved = save(implementation, check, report);
            if (report.contains(LINCHECK_OWN_BUG) && report.contains(SNAPSHOT_TRACKER)) {
                observed.verdict(Verdict.NOT_RUN, "not run: " + SNAPSHOT_LIMIT + " (" + firstLine(report) + ");"
                        + " full report: " + saved);
                observed.evidence(Evidence.Kind.OUTPUT, "Lincheck's report of its own error", firstLines(report, 40));
                return new Found(false, null);
            }
            if (report.contains(LINCHECK_OWN_BUG)) {
                observed.verdict(Verdict.HARNESS_ERROR, "Lincheck itself failed (it reports a bug in Lincheck),"
                        + " so this says nothing about " + implementation.name() + "; full report: " + saved);
                observed.evidence(Evidence.Kind.OUTPUT, "Lincheck's report of its own error", firstLines(report, 40));
                return new Found(false, null);
            }
            observed.detail("report", saved.toString());
            observed.evidence(Evidence.Kind.INTERLEAVING, "the scenario and the interleaving Lincheck found",
                    withoutDetailedTrace(report, saved));
            return new Found(true, report);
        } catch (RuntimeException | Error harness) {
            StringWriter trace = new StringWriter();
            harness.printStackTrace(new PrintWriter(trace));
            if (trace.toString().contains(SNAPSHOT_TRACKER)) {
                observed.verdict(Verdict.NOT_RUN, "not run: " + SNAPSHOT_LIMIT + " (" + harness + ")");
            } else {
                observed.verdict(Verdict.HARNESS_ERROR, "Lincheck could not run the check: " + harness);
            }
            observed.evidence(Evidence.Kind.STACK_TRACE, "what Lincheck threw", firstLines(trace.toString(), 30));
            return new Found(false, null);
        }
    }

    /** The report up to its detailed trace, which names every step of every thread: kept in the saved file. */
    private static String withoutDetailedTrace(String report, Path saved) {
        int detailed = report.indexOf("Detailed trace:");
        return detailed < 0 ? report : report.substring(0, detailed).stripTrailing()
                + "\n\n(The detailed trace, every step of every thread, is in " + saved + ")";
    }

    private static Path save(Implementation implementation, Check check, String report) {
        Path file = Settings.fromSystemProperties().resultsDir.toAbsolutePath().resolve("work").resolve("lincheck")
                .resolve(implementation.name()).resolve(check.id() + ".txt");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** The first line of Lincheck's report that names an exception, for a one-line message. */
    private static String firstLine(String report) {
        return report.lines().map(String::trim).filter(line -> line.matches("[a-z][\\w.$]*\\.\\w*(Exception|Error)\\b.*"))
                .findFirst().orElse("see the report");
    }

    static String firstLines(String text, int lines) {
        String[] all = text.split("\n");
        StringBuilder kept = new StringBuilder();
        for (int i = 0; i < Math.min(lines, all.length); i++) {
            kept.append(all[i]).append('\n');
        }
        return kept.toString();
    }
}
