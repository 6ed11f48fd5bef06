package dev.waitgroup.lincheck;

import dev.waitgroup.Implementation;
import dev.waitgroup.harness.Observation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jetbrains.lincheck.LincheckAssertionError;
import org.jetbrains.lincheck.datastructures.Options;

/**
 * Runs one Lincheck check on one implementation. A failure's full report (the failing scenario and
 * the step-by-step interleaving) is saved to {@code target/lincheck/<implementation>/<check>.txt},
 * becomes the check's evidence in the results, and fails the check with its first lines.
 */
final class LincheckRun {
    private static final int SUMMARY_LINES = 12;

    private LincheckRun() {
    }

    /** The budget properties, set by the build (-Pstress raises them). */
    static int iterations() {
        return Integer.getInteger("lincheck.iterations", 6);
    }

    static int modelCheckingInvocations() {
        return Integer.getInteger("lincheck.mc.invocations", 300);
    }

    static int stressInvocations() {
        return Integer.getInteger("lincheck.stress.invocations", 500);
    }

    /**
     * A hand-built scenario is small (two or three threads, a few operations each), so model
     * checking covers its interleavings with fewer invocations than a random one needs.
     */
    static int scenarioInvocations() {
        return Math.max(100, modelCheckingInvocations() / 2);
    }

    /**
     * The misuse scenarios are gated: Go's detection must be found on every JDK. It needs one switch
     * at one exact point, and how many invocations the model checker takes to reach it depends on
     * the JDK's own code under the WaitGroup (measured: at most 150 on JDK 17, 151 to 300 on JDK 25),
     * so these scenarios get a budget with a wide margin over both.
     */
    static int misuseInvocations() {
        return Integer.getInteger("lincheck.misuse.invocations", 1_000);
    }

    static void check(Implementation implementation, String check, Options<?, ?> options, Observation observed) {
        WaitGroupUnderTest.check(implementation);
        check(implementation, check, options, observed, WaitGroupUnderTest.class);
    }

    static void check(Implementation implementation, String check, Options<?, ?> options, Observation observed,
                      Class<?> underTest) {
        try {
            options.check(underTest);
        } catch (LincheckAssertionError failure) {
            String report = failure.getMessage();
            Path saved = save(implementation, check, report);
            observed.evidence(report);
            observed.detail("report", saved.toString());
            throw new AssertionError("Lincheck found an execution no sequential WaitGroup explains (full report: "
                    + saved + ")\n" + firstLines(report), failure);
        }
    }

    private static Path save(Implementation implementation, String check, String report) {
        Path file = Path.of(System.getProperty("lincheck.reports.dir", "target/lincheck"), implementation.name(),
                check + ".txt");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static String firstLines(String report) {
        String[] lines = report.split("\n");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(SUMMARY_LINES, lines.length); i++) {
            text.append(lines[i]).append('\n');
        }
        return text.toString();
    }
}
