package dev.waitgroup.fray;

import dev.waitgroup.catalogue.Suite;
import dev.waitgroup.harness.ChildJvm;
import dev.waitgroup.harness.junit.JUnitSuite;
import dev.waitgroup.settings.ExitStatus;
import dev.waitgroup.settings.Property;
import dev.waitgroup.settings.Settings;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the Fray suite: {@code java -jar fray-tests/target/fray-suite.jar}, with the selection, budgets
 * and seed as system properties ({@code -Dwg.impl=cas -Dfray.seed=7}). The build runs it in
 * {@code integration-test}; verdicts go to the run's {@code fray.json}.
 *
 * <p>It first finds a JDK 25 and builds (or reuses) Fray's instrumented image, once, so that the test
 * JVMs find it ready; the checks ({@link FrayChecks}) then run in plain test JVMs, each starting Fray
 * child JVMs on the image. Without a JDK 25 (or with {@code -Dfray.jdk=none}) every verdict is
 * not-run, with the reason. A replay ({@code -Dfray.replay=<recording>}, what a verdict's reproduce
 * command adds) runs one recorded failing schedule again instead of exploring.
 */
public final class FraySuite {
    /** Set for the test JVMs when the image could not be built: why, so that no check tries again. */
    static final String IMAGE_FAILED = "fray.image.failed";

    private FraySuite() {
    }

    /** Exits 0 when the suite ran (whatever its verdicts), 2 when it could not start. */
    public static void main(String[] args) throws Exception {
        System.exit(ExitStatus.of("fray suite", () -> {
            Settings settings = Settings.fromSystemProperties();
            FrayEngine.Preparation ready = FrayEngine.ofThisBuild(settings.resultsDir.resolve("work").resolve("fray"))
                    .prepare();
            // the project folder, which a verdict's replay path is written relative to, as the runner sees it
            List<String> options = new ArrayList<>(List.of("-Xmx256m", ChildJvm.C1_ONLY,
                    Property.ROOT.option(settings.root)));
            if (ready.ready()) {
                System.out.printf("fray suite: instrumented JDK %s, %s in %.1f s%n", ready.image().home(),
                        ready.image().built() ? "built" : "cached", ready.image().took().toMillis() / 1000.0);
            } else {
                System.out.println("fray suite: " + ready.reason());
                if (ready.broken()) {
                    options.add("-D" + IMAGE_FAILED + "=" + ready.reason().replace('\n', ' '));
                }
            }
            // three test JVMs at a time, seven WaitGroups each: a test JVM only starts and reads the Fray child
            // JVMs, which do the work, one schedule at a time on one core; the built-in 21 run as three batches
            // that end about together, where two at a time left the last batch alone on the machine
            JUnitSuite.run(Suite.FRAY, FraySuite.class, List.of(FrayChecks.class), options,
                    run -> FraySettings.of(run).bounds(), 3, 7);
            return ExitStatus.RAN;
        }));
    }
}
