package dev.waitgroup.harness.junit;

import dev.waitgroup.catalogue.ImplementationKind;
import dev.waitgroup.catalogue.Suite;
import dev.waitgroup.harness.ChildJvm;
import dev.waitgroup.harness.Implementation;
import dev.waitgroup.harness.SuiteEngine;
import dev.waitgroup.harness.SuiteRun;
import dev.waitgroup.harness.run.Attempt;
import dev.waitgroup.harness.run.BoundedRunner;
import dev.waitgroup.harness.run.CheckUnit;
import dev.waitgroup.record.CheckResult;
import dev.waitgroup.record.ResultsFiles;
import dev.waitgroup.record.SuiteResults;
import dev.waitgroup.settings.InternalProperty;
import dev.waitgroup.settings.Property;
import dev.waitgroup.settings.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A suite of JUnit checks (the contract suite, Lincheck, the explorations) as an engine of the
 * {@link BoundedRunner}: its child is a test JVM ({@link JUnitChild}) told exactly which
 * (implementation, check) pairs to run, which journals each check and writes each verdict as it is
 * decided; the runner does the rest (the watchdog, blame, resuming, budgets).
 *
 * <p>The selection is split into batches, which {@code parallel} JVMs take one after another, the
 * costliest first: each plugged-in class alone (any of them may take its JVM down), the built-in
 * WaitGroups in groups of {@code perJvm} (one per JVM costs a JVM start each; more share the cost of
 * an engine's warm-up). A check may take {@link SuiteBounds#check()} before its own bound fires in the
 * test JVM; an implementation may spend {@link SuiteBounds#implementationBudget()} in the suite.
 */
public final class JUnitSuite extends SuiteEngine {
    private final SuiteBounds bounds;
    private final List<String> checkClasses;
    private final List<String> jvmOptions;

    private JUnitSuite(SuiteRun run, SuiteBounds bounds, List<Class<?>> checkClasses, List<String> jvmOptions) {
        super(run);
        this.bounds = bounds;
        this.checkClasses = checkClasses.stream().map(Class::getName).collect(Collectors.toList());
        this.jvmOptions = jvmOptions;
    }

    /**
     * Runs the suite: every verdict it promised is recorded (whatever they are) when it returns.
     *
     * @param main         the suite's main class, whose jar the reproduce commands name
     * @param checkClasses the suite's check classes, in the order they run
     * @param jvmOptions   what every test JVM of this suite needs (heap, agents)
     * @param bounds       the suite's bounds, as it reads them from the run's settings
     * @param parallel     how many test JVMs run side by side
     * @param perJvm       how many built-in implementations share a test JVM
     * @throws dev.waitgroup.settings.CannotStart when the settings or the selection are wrong
     */
    public static void run(Suite suite, Class<?> main, List<Class<?>> checkClasses, List<String> jvmOptions,
                           Function<Settings, SuiteBounds> bounds, int parallel, int perJvm) throws Exception {
        SuiteRun run = SuiteRun.start(suite, r -> launch(r, main));
        JUnitSuite engine = new JUnitSuite(run, bounds.apply(run.settings), checkClasses, jvmOptions);
        List<List<CheckUnit>> batches = new ArrayList<>();
        for (List<Implementation> batch : batches(checked(run), perJvm)) {
            List<CheckUnit> units = new ArrayList<>();
            batch.forEach(implementation -> run.expectedChecks(implementation)
                    .forEach(check -> units.add(new CheckUnit(implementation, check))));
            batches.add(units);
        }
        new BoundedRunner<>(engine, run.settings.resultsDir.toAbsolutePath().resolve("work").resolve(suite.id()))
                .run(batches, parallel);
        run.finish();
    }

    /** How a reader reruns this suite: its jar, or its class folder and main class. */
    private static String launch(SuiteRun run, Class<?> main) {
        String source = run.shownCodeSource(main);
        return source.endsWith(".jar") ? "-jar " + source : "-cp " + source + " " + main.getName();
    }

    private static List<Implementation> checked(SuiteRun run) {
        List<Implementation> checked = new ArrayList<>();
        for (Implementation implementation : run.implementations) {
            if (!run.expectedChecks(implementation).isEmpty()) {
                checked.add(implementation);
            }
        }
        return checked;
    }

    /**
     * Plugged-in classes alone (any of them may take its JVM down), the built-in ones in groups of
     * {@code perJvm}, implementations and specimens apart (a test JVM has one set of settings, and in the
     * main job specimens have their own: {@link SuiteRun#settingsFor}); the costliest batches first, so
     * that the last one to finish starts early.
     */
    static List<List<Implementation>> batches(List<Implementation> implementations, int perJvm) {
        List<List<Implementation>> batches = new ArrayList<>();
        Map<ImplementationKind, List<Implementation>> groups = new EnumMap<>(ImplementationKind.class);
        for (Implementation implementation : implementations) {
            if (implementation.kind() == ImplementationKind.PLUGGED_IN) {
                batches.add(List.of(implementation));
                continue;
            }
            List<Implementation> group = groups.computeIfAbsent(implementation.kind(), kind -> new ArrayList<>());
            group.add(implementation);
            if (group.size() == Math.max(1, perJvm)) {
                batches.add(List.copyOf(group));
                group.clear();
            }
        }
        groups.values().stream().filter(group -> !group.isEmpty()).forEach(group -> batches.add(List.copyOf(group)));
        batches.sort(Comparator.comparingInt((List<Implementation> batch) -> batch.stream()
                .mapToInt(i -> i.kind() == ImplementationKind.IMPLEMENTATION ? 1 : 2).sum()).reversed());
        return batches;
    }

    @Override
    public ChildJvm.Spec command(Attempt attempt, List<CheckUnit> units) throws IOException {
        Path pairs = attempt.file("pairs");
        Files.writeString(pairs, units.stream().map(u -> u.implementation().name() + "\t" + u.check().id())
                .collect(Collectors.joining("\n", "", "\n")));
        List<String> options = new ArrayList<>(run.settingsOptions(units.get(0).implementation())); // one kind per batch
        options.addAll(jvmOptions);
        options.add(InternalProperty.SUITE.option(run.suite.id()));
        options.add(Property.IMPL.option(new LinkedHashSet<>(units.stream().map(u -> u.implementation().selector())
                .toList()).stream().collect(Collectors.joining(","))));
        options.add(InternalProperty.PAIRS.option(pairs));
        options.add(InternalProperty.JOURNAL.option(attempt.journal().file()));
        options.add(InternalProperty.RESULTS_PART.option(verdicts(attempt)));
        options.add(InternalProperty.CHECK_BOUND.option(bounds.check().toMillis()));
        return new ChildJvm.Spec(options, run.testClasspath(), JUnitChild.class.getName(), checkClasses,
                attempt.folder(), attempt.log());
    }

    /** The verdicts the test JVM wrote, each as it was decided; a file cut short by a dying JVM gives none. */
    @Override
    public Map<CheckUnit, CheckResult> collect(Attempt attempt, List<CheckUnit> units, ChildJvm.Outcome outcome) {
        Map<CheckUnit, CheckResult> decided = new LinkedHashMap<>();
        if (!Files.isRegularFile(verdicts(attempt))) {
            return decided;
        }
        SuiteResults written;
        try {
            written = ResultsFiles.read(verdicts(attempt));
        } catch (IllegalArgumentException unreadable) {
            return decided;
        }
        for (CheckResult result : written.results()) {
            for (CheckUnit unit : units) {
                if (unit.implementation().name().equals(result.implementation()) && unit.check() == result.check()) {
                    decided.put(unit, result);
                }
            }
        }
        return decided;
    }

    /** A check's own bound fires in the test JVM; the JVM gets this much more before the runner ends it. */
    @Override
    public Duration bound(CheckUnit unit) {
        return bounds.check().plus(BoundedRunner.GRACE);
    }

    @Override
    public Duration budget(Implementation implementation) {
        return bounds.implementationBudget();
    }

    @Override
    public List<String> dumpNeedles(CheckUnit unit) {
        return List.of(unit.implementation().type().getName(), "wg-check");
    }

    private static Path verdicts(Attempt attempt) {
        return attempt.file("verdicts.json");
    }
}
