package dev.waitgroup.harness;

import dev.waitgroup.record.RunOutputs;
import dev.waitgroup.settings.ExitStatus;
import dev.waitgroup.settings.Property;
import dev.waitgroup.settings.Settings;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The start of a run, as the build makes it before any suite: checks the settings and the selection
 * as every suite will (a bad property, an unknown class, a class that is no WaitGroup, a constructor
 * that throws, hangs or exits: exit status 2, one message naming it, and nothing removed or written),
 * then removes what an earlier run left in the results folder and the report's folder, so that a
 * build that fails or is cut short later can never show an earlier run's "Gate passed".
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
            List<Implementation> selection = Implementations.select(settings.selection, settings.classpath);
            SuiteRun.probe(settings, selection, "run-start");
            boolean runsNoSuite = args.length > 1 && Boolean.parseBoolean(args[1]);
            if (!runsNoSuite) { // building the jars is no run: it says nothing of a selection
                System.out.println("wg-lab: " + Property.IMPL.key() + "=" + settings.selection + " selects "
                        + selection.stream().map(Implementation::name).collect(Collectors.joining(", ")));
            }
            if (args.length > 0 && !runsNoSuite) {
                RunOutputs.clearResults(settings.resultsDir);
                RunOutputs.clearReport(Path.of(args[0]));
            }
            return ExitStatus.RAN;
        }));
    }
}
