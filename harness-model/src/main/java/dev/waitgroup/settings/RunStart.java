package dev.waitgroup.settings;

import dev.waitgroup.record.RunOutputs;
import java.nio.file.Path;

/**
 * The start of a run, as the build makes it in its first module: checks every setting (a bad one
 * stops the build here, before any suite runs, with exit status 2 and a message naming it), then
 * removes what an earlier run left in the results folder and in the report's folder, so that a run
 * that fails or is cut short can never show an earlier run's "Gate passed".
 *
 * <p>Arguments: the report's output folder ({@code reports/target}), and {@code true} when the build
 * runs no suite ({@code -DskipTests}: building the jars is no run, and keeps the last report).
 */
public final class RunStart {
    private RunStart() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(ExitStatus.of("wg-lab", () -> {
            Settings settings = Settings.fromSystemProperties();
            boolean runsNoSuite = args.length > 1 && Boolean.parseBoolean(args[1]);
            if (args.length > 0 && !runsNoSuite) {
                RunOutputs.clearResults(settings.resultsDir);
                RunOutputs.clearReport(Path.of(args[0]));
            }
            return ExitStatus.RAN;
        }));
    }
}
