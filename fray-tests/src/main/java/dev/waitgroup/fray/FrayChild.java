package dev.waitgroup.fray;

import dev.waitgroup.catalogue.ReuseBehaviour;
import dev.waitgroup.fray.history.DrawnHistory;
import dev.waitgroup.fray.scenario.Scenario;
import dev.waitgroup.fray.scenario.Subject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The main class of the child JVM, which runs on Fray's instrumented JDK with Fray's agent
 * ({@link FrayEngine} starts it): explores the units of one Fray check on one WaitGroup, or replays one
 * recorded failure.
 *
 * <pre>
 * explore: --implementation CLASS --reuse ID --check races|histories --schedules N [--histories H]
 *          [--units a,b] [--skip-waiters true] --seed L --scheduler pos|pct|random|surw
 *          --seconds S --shrink-seconds S --out DIR
 * replay:  --implementation CLASS --reuse ID --replay RECORDING_DIR --out DIR
 * </pre>
 *
 * <p>The units of {@code races} are the seven races; those of {@code histories} the drawn histories
 * 0 to {@code H - 1} of the seed ({@link FrayCheck}); {@code --units} names those to run. Each unit runs
 * under {@code N} schedules ({@link UnitExploration}) and writes {@code DIR/<unit>/result.properties}
 * ({@link ResultFile}); the first failing unit ends the run, since it decides the check. With
 * {@code --skip-waiters} units where two or more threads may wait are not run (Fray lost control of
 * two waiters on this implementation before). Exit status 0 when the units ran, whatever they found;
 * 2 for bad arguments or a bad class; 3 when this JVM is not a Fray JVM.
 */
public final class FrayChild {
    /** What a unit needs of the run: where Fray explores, and for how long. */
    record Run(Subject subject, SchedulerKind scheduler, int schedules, long seed, int seconds, int shrinkSeconds) {
    }

    private FrayChild() {
    }

    public static void main(String[] args) {
        UnitExploration.rememberThreadsBeforeTheGroup();
        Map<String, String> options;
        Subject subject;
        try {
            options = options(args);
            subject = Subject.load(required(options, "implementation"), FrayChild.class.getClassLoader(),
                    ReuseBehaviour.of(options.getOrDefault("reuse", "unknown")));
        } catch (IllegalArgumentException e) {
            System.err.println("fray child: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (!isFrayJvm()) {
            System.err.println("fray child: " + System.getProperty("java.home")
                    + " is not a Fray-instrumented JDK (its release file has no IMPLEMENTOR=Fray)");
            System.exit(3);
            return;
        }
        Path out = Path.of(required(options, "out"));
        System.out.println("fray child: " + subject.type().getName() + " " + String.join(" ", args));
        int status = 0;
        try {
            if (options.containsKey("replay")) {
                Path replay = out.resolve("replay");
                ResultFile.write(replay, UnitExploration.replay(Path.of(options.get("replay")), subject, replay)
                        .properties());
            } else {
                explore(options, subject, out);
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("fray child: " + e);
            e.printStackTrace();
            status = 1;
        }
        System.out.flush();
        System.exit(status);
    }

    private static void explore(Map<String, String> options, Subject subject, Path out) throws IOException {
        long seed = Long.parseLong(required(options, "seed"));
        Run run = new Run(subject, SchedulerKind.of(options.getOrDefault("scheduler", "pos")),
                Integer.parseInt(required(options, "schedules")), seed,
                Integer.parseInt(options.getOrDefault("seconds", "600")),
                Integer.parseInt(options.getOrDefault("shrink-seconds", "10")));
        boolean skipWaiters = Boolean.parseBoolean(options.getOrDefault("skip-waiters", "false"));
        long deadline = System.nanoTime() + run.seconds() * 1_000_000_000L;
        for (Scenario unit : units(options, seed)) {
            Path folder = out.resolve(unit.name());
            if (skipWaiters && unit.waiters() >= 2) {
                ResultFile.write(folder, UnitResult.notRun(unit.name(), FrayFacts.TWO_WAITERS_SKIPPED).properties());
                continue;
            }
            if (!UnitExploration.keptThreadsSeenIn().isEmpty()) {
                ResultFile.write(folder, UnitResult.notRun(unit.name(),
                        FrayFacts.notRunAfter(UnitExploration.keptThreadsSeenIn())).properties());
                continue;
            }
            int secondsLeft = (int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000_000L);
            UnitResult result = new UnitExploration(unit, run, unitSeed(seed, unit), folder, secondsLeft).explore();
            ResultFile.write(folder, result.properties());
            if (result.failed()) {
                break; // the check has its verdict
            }
        }
    }

    /** The check's units named by {@code --units} (all of them without it), in the order they run. */
    static List<Scenario> units(Map<String, String> options, long seed) {
        String check = required(options, "check");
        FrayCheck kind;
        try {
            kind = FrayCheck.valueOf(check.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--check " + check + ": expected races or histories", e);
        }
        List<Scenario> all = kind.units(Integer.parseInt(options.getOrDefault("histories", "0")), seed);
        String names = options.getOrDefault("units", "all");
        if (names.equals("all")) {
            return all;
        }
        List<String> wanted = List.of(names.split(","));
        List<Scenario> chosen = new ArrayList<>();
        for (Scenario unit : all) {
            if (wanted.contains(unit.name())) {
                chosen.add(unit);
            }
        }
        return chosen;
    }

    /**
     * Each unit explores from a seed of its own, drawn from the run's, so that two units never repeat
     * each other's schedules; a drawn history keeps its seed when it is shrunk.
     */
    static long unitSeed(long seed, Scenario unit) {
        String name = unit instanceof DrawnHistory ? unit.name().replace("-shrunk", "") : unit.name();
        long mixed = seed * 0x9E3779B97F4A7C15L + name.hashCode();
        return mixed ^ (mixed >>> 31);
    }

    static boolean isFrayJvm() {
        return FrayJdk.isFrayImage(Path.of(System.getProperty("java.home")));
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got " + String.join(" ", args));
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing --" + name);
        }
        return value;
    }
}
