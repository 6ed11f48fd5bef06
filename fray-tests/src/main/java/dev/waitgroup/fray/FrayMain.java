package dev.waitgroup.fray;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Fray's own tools, from the command line on any JDK 17+ (the suite itself is
 * {@code java -jar fray-tests/target/fray-suite.jar}):
 *
 * <pre>
 * java -cp fray-tests/target/fray-suite.jar dev.waitgroup.fray.FrayMain image
 *     finds a JDK 25 and builds (or reuses) the instrumented image; prints where it is
 * java -cp fray-tests/target/fray-suite.jar dev.waitgroup.fray.FrayMain probes [--iterations N]
 *     measures what Fray does with time, timed waits and interrupts (docs/fray.md)
 * </pre>
 * Exit status 0, or 2 for bad arguments.
 */
public final class FrayMain {
    private FrayMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !(args[0].equals("image") || args[0].equals("probes"))) {
            System.err.println("usage: FrayMain image | probes [--iterations N]");
            System.exit(2);
        }
        Map<String, String> options;
        try {
            options = FrayChild.options(java.util.Arrays.copyOfRange(args, 1, args.length));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        FrayEngine engine = FrayEngine.ofThisBuild(Path.of(options.getOrDefault("work", "target/fray-tools")));
        if (args[0].equals("probes")) {
            System.out.println(engine.probe(Integer.parseInt(options.getOrDefault("iterations", "30")),
                    Duration.ofMinutes(10)));
        } else {
            FrayEngine.Preparation ready = engine.prepare();
            System.out.println(ready.ready() ? String.format("Fray JDK image %s (from %s): %s in %.1f s",
                    ready.image().home(), ready.image().jdk(), ready.image().built() ? "built" : "cached",
                    ready.image().took().toMillis() / 1000.0) : ready.reason());
        }
        System.exit(0);
    }
}
