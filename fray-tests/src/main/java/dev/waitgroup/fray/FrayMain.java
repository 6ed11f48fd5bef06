package dev.waitgroup.fray;

import dev.waitgroup.catalogue.ReuseBehaviour;
import dev.waitgroup.fray.FrayOutcome.Verdict;
import dev.waitgroup.fray.scenario.Scenario;
import dev.waitgroup.fray.scenario.Scenarios;
import dev.waitgroup.harness.Implementation;
import dev.waitgroup.harness.Implementations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Fray from the command line, on any JDK 17+ (the scenarios themselves run in a child JVM on the
 * instrumented JDK 25):
 *
 * <pre>
 * java -cp CP dev.waitgroup.fray.FrayMain image
 *     finds a JDK 25 and builds (or reuses) the instrumented image; prints where it is
 * java -cp CP dev.waitgroup.fray.FrayMain explore [--impl all|implementations|specimens|NAME|CLASS,...]
 *     [--classpath JARS] [--scenarios all|a,b] [--scheduler pos|pct|random|surw] [--iterations N]
 *     [--seconds S] [--seed L] [--work DIR]
 *     explores, prints one line per WaitGroup and scenario, and replays every failure once
 * java -cp CP dev.waitgroup.fray.FrayMain probes [--iterations N]
 *     measures what Fray does with time, timed waits and interrupts (docs/fray.md)
 * java -cp CP dev.waitgroup.fray.FrayMain replay --impl NAME|CLASS --scenario S --recording DIR
 *     [--classpath JARS]
 *     replays a failure's recording and prints how it ended
 * </pre>
 * where CP is {@code fray-tests/target/classes} and the class path in {@code target/fray/child-classpath.txt}.
 * Exit status: 0 if every implementation passed and every specimen was caught (or Fray could not run
 * here), 1 otherwise, 2 for bad arguments.
 */
public final class FrayMain {
    private FrayMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: FrayMain image | explore [options] | replay [options] (see the class comment)");
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
        FrayEngine engine = FrayEngine.ofThisBuild(Path.of(options.getOrDefault("work", "target/fray-runs")));
        switch (args[0]) {
            case "image":
                System.exit(image(engine));
                break;
            case "explore":
                System.exit(explore(engine, options));
                break;
            case "replay":
                System.exit(replay(engine, options));
                break;
            case "probes":
                System.out.println(engine.probe(Integer.parseInt(options.getOrDefault("iterations", "30")),
                        Duration.ofMinutes(10)));
                System.exit(0);
                break;
            default:
                System.err.println("unknown command " + args[0] + "; expected image, explore or replay");
                System.exit(2);
        }
    }

    private static int image(FrayEngine engine) throws InterruptedException {
        FrayEngine.Preparation ready = engine.prepare();
        if (!ready.ready()) {
            System.out.println(ready.reason());
            return 0;
        }
        FrayImage image = ready.image();
        System.out.printf("Fray JDK image %s (from %s): %s in %.1f s%n", image.home(), image.jdk(),
                image.built() ? "built" : "cached", image.took().toMillis() / 1000.0);
        return 0;
    }

    private static int explore(FrayEngine engine, Map<String, String> options) throws InterruptedException {
        String classpath = options.getOrDefault("classpath", "");
        List<Implementation> selected = Implementations.select(options.getOrDefault("impl", "all"), classpath);
        List<Scenario> scenarios = Scenarios.select(options.getOrDefault("scenarios", "all"));
        SchedulerKind scheduler = SchedulerKind.of(options.getOrDefault("scheduler", "pos"));
        Budget budget = Budget.mainJob();
        budget = new Budget(Integer.parseInt(options.getOrDefault("iterations", Integer.toString(budget.iterations()))),
                Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds",
                        Long.toString(budget.frayTime().toSeconds())))), budget.bound());
        long seed = Long.parseLong(options.getOrDefault("seed", "1"));
        int bad = 0;
        for (Implementation implementation : selected) {
            boolean specimen = implementation.bug() != null;
            List<FrayOutcome> outcomes = engine.explore(new FrayEngine.Request(implementation.type().getName(),
                    classpath, implementation.documentedReuse(), scenarios, scheduler, budget, seed));
            boolean caught = false;
            for (int i = 0; i < outcomes.size(); i++) {
                FrayOutcome outcome = outcomes.get(i);
                System.out.println(implementation.name() + ": " + outcome.summary());
                if (outcome.verdict() == Verdict.FAILED) {
                    caught = true;
                    FrayOutcome again = engine.replay(outcome, classpath, implementation.documentedReuse(),
                            scenarios.get(i));
                    System.out.println("    replay " + (FrayEngine.reproduces(outcome, again) ? "reproduced it"
                            : "did NOT reproduce it: " + again.summary()) + "; recording " + outcome.recording());
                }
                if (outcome.verdict() == Verdict.NOT_RUN) {
                    return 0;
                }
                if (!specimen && outcome.verdict() != Verdict.PASSED) {
                    bad++;
                }
            }
            if (specimen && !caught) {
                System.out.println(implementation.name() + ": escaped every Fray scenario");
            }
        }
        return bad == 0 ? 0 : 1;
    }

    private static int replay(FrayEngine engine, Map<String, String> options) throws InterruptedException {
        String classpath = options.getOrDefault("classpath", "");
        Implementation implementation = Implementations.select(required(options, "impl"), classpath).get(0);
        Scenario scenario = Scenarios.named(required(options, "scenario"));
        ReuseBehaviour reuse = implementation.documentedReuse();
        FrayOutcome outcome = engine.replay(implementation.type().getName(), classpath, reuse, scenario,
                Path.of(required(options, "recording")), 0);
        System.out.println(outcome.summary());
        if (outcome.evidence() != null) {
            System.out.println("evidence: " + outcome.evidence());
        }
        return outcome.verdict() == Verdict.FAILED ? 1 : 0;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing --" + name);
        }
        return value;
    }
}
