package dev.waitgroup.harness.junit;

import dev.waitgroup.catalogue.Check;
import dev.waitgroup.catalogue.ImplementationKind;
import dev.waitgroup.catalogue.Suite;
import dev.waitgroup.harness.ChildJvm;
import dev.waitgroup.harness.Implementation;
import dev.waitgroup.harness.Journal;
import dev.waitgroup.harness.SuiteRun;
import dev.waitgroup.harness.ThreadDumps;
import dev.waitgroup.record.CheckResult;
import dev.waitgroup.record.Evidence;
import dev.waitgroup.record.ResultsFiles;
import dev.waitgroup.record.SuiteResults;
import dev.waitgroup.record.Verdict;
import dev.waitgroup.settings.InternalProperty;
import dev.waitgroup.settings.Property;
import dev.waitgroup.settings.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs a JUnit suite of harness checks in test JVMs of its own, so that nothing an implementation
 * does can take the run down with it.
 *
 * <p>The selection is split into batches, which {@code parallel} workers take one after another,
 * the costliest first: each plugged-in class alone, the built-in WaitGroups in groups of
 * {@code perJvm} (one per JVM costs a JVM start each; more share the cost of an engine's warm-up). A
 * batch runs in a test JVM ({@link JUnitChild}) told exactly which (implementation, check) pairs to
 * run; when that JVM dies,
 * is recycled, or is killed by the watchdog, the journal names the check that was running, that
 * check gets its verdict (the JVM exited, ran out of memory, hung), and a fresh JVM runs the rest.
 * Each implementation has a budget per suite ({@link SuiteBounds}): one that hangs in every check
 * costs the run that budget, and its checks not reached by then are reported as such.
 */
public final class JUnitSuite {
    private static final Duration GRACE = Duration.ofSeconds(30);

    private final SuiteRun run;
    private final SuiteBounds bounds;
    private final List<String> checkClasses;
    private final List<String> jvmOptions;
    private final Path work;

    private JUnitSuite(SuiteRun run, SuiteBounds bounds, List<Class<?>> checkClasses, List<String> jvmOptions) {
        this.run = run;
        this.bounds = bounds;
        this.checkClasses = checkClasses.stream().map(Class::getName).collect(Collectors.toList());
        this.jvmOptions = jvmOptions;
        this.work = run.settings.resultsDir.toAbsolutePath().resolve("work").resolve(run.suite.id());
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
        new JUnitSuite(run, bounds.apply(run.settings), checkClasses, jvmOptions).runAll(parallel, perJvm);
        run.finish();
    }

    /** How a reader reruns this suite: its jar, or its class folder and main class. */
    private static String launch(SuiteRun run, Class<?> main) {
        String source = run.shownCodeSource(main);
        return source.endsWith(".jar") ? "-jar " + source : "-cp " + source + " " + main.getName();
    }

    private void runAll(int parallel, int perJvm) throws Exception {
        List<Implementation> checked = new ArrayList<>();
        for (Implementation implementation : run.implementations) {
            if (!run.expectedChecks(implementation).isEmpty()) {
                checked.add(implementation);
            }
        }
        List<List<Implementation>> batches = batches(checked, perJvm);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallel, batches.size())));
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < batches.size(); i++) {
                int index = i;
                done.add(pool.submit(() -> {
                    new Batch(index, batches.get(index)).run();
                    return null;
                }));
            }
            for (Future<?> batch : done) {
                batch.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Plugged-in classes alone (any of them may take its JVM down), the built-in ones in groups of
     * {@code perJvm}; the costliest batches first, so that the last one to finish starts early.
     */
    static List<List<Implementation>> batches(List<Implementation> implementations, int perJvm) {
        List<List<Implementation>> batches = new ArrayList<>();
        List<Implementation> group = new ArrayList<>();
        for (Implementation implementation : implementations) {
            if (implementation.kind() == ImplementationKind.PLUGGED_IN) {
                batches.add(List.of(implementation));
                continue;
            }
            group.add(implementation);
            if (group.size() == Math.max(1, perJvm)) {
                batches.add(List.copyOf(group));
                group.clear();
            }
        }
        if (!group.isEmpty()) {
            batches.add(List.copyOf(group));
        }
        batches.sort(Comparator.comparingInt((List<Implementation> batch) -> batch.stream()
                .mapToInt(i -> i.kind() == ImplementationKind.IMPLEMENTATION ? 1 : 2).sum()).reversed());
        return batches;
    }

    /** The checks of some implementations, run in as many test JVMs as it takes. */
    private final class Batch {
        private final int index;
        private final Map<Implementation, List<Check>> todo = new LinkedHashMap<>();
        private final Map<String, Long> spentMillis = new HashMap<>();
        private final Map<String, String> hungIn = new HashMap<>();

        Batch(int index, List<Implementation> implementations) {
            this.index = index;
            for (Implementation implementation : implementations) {
                List<Check> checks = new ArrayList<>(run.expectedChecks(implementation));
                if (!checks.isEmpty()) {
                    todo.put(implementation, checks);
                }
            }
        }

        void run() throws IOException, InterruptedException {
            for (int attempt = 1; !todo.isEmpty(); attempt++) {
                if (!attempt(attempt)) {
                    break;
                }
            }
        }

        /** One test JVM; false when it made no progress at all, so that starting another would not either. */
        private boolean attempt(int attempt) throws IOException, InterruptedException {
            String name = "batch" + index + "-" + attempt;
            Files.createDirectories(work);
            Path pairs = work.resolve(name + ".pairs");
            Path part = work.resolve(name + ".json");
            Path log = work.resolve(name + ".log");
            Journal journal = new Journal(work.resolve(name + ".journal"));
            Files.deleteIfExists(part);
            Files.deleteIfExists(journal.file());
            Files.writeString(pairs, todo.entrySet().stream()
                    .flatMap(e -> e.getValue().stream().map(c -> e.getKey().name() + "\t" + c.id()))
                    .collect(Collectors.joining("\n", "", "\n")));

            List<String> options = new ArrayList<>(run.settingsOptions());
            options.addAll(jvmOptions);
            options.add(InternalProperty.SUITE.option(run.suite.id()));
            options.add(Property.IMPL.option(todo.keySet().stream().map(Implementation::selector)
                    .collect(Collectors.joining(","))));
            options.add(InternalProperty.PAIRS.option(pairs));
            options.add(InternalProperty.JOURNAL.option(journal.file()));
            options.add(InternalProperty.RESULTS_PART.option(part));
            options.add(InternalProperty.CHECK_BOUND.option(bounds.check().toMillis()));
            ChildJvm.Outcome outcome = ChildJvm.run(new ChildJvm.Spec(options, run.testClasspath(),
                    JUnitChild.class.getName(), checkClasses, work, log), elapsed -> watch(journal));

            int recorded = collect(part);
            List<Journal.Entry> entries = journal.read();
            account(entries);
            Optional<Journal.Entry> running = running(entries);
            boolean crashed = running.isPresent() && !recordedAlready(running.get());
            if (crashed) {
                verdictOfTheCrash(running.get(), entries, outcome);
            }
            reachBudgets();
            boolean progress = recorded > 0 || crashed;
            if (!progress && !todo.isEmpty()) {
                for (Map.Entry<Implementation, List<Check>> left : todo.entrySet()) {
                    for (Check check : left.getValue()) {
                        run.record(CheckResult.of(left.getKey().name(), check, Verdict.HARNESS_ERROR, 0, run.suite.how(),
                                "the test JVM ended (exit status " + outcome.exitCode() + ") without running this check")
                                .withEvidence(new Evidence(Evidence.Kind.OUTPUT, "the test JVM's last output",
                                        outcome.tail(30))));
                    }
                }
                todo.clear();
            }
            run.recorder.write();
            return progress;
        }

        private Optional<String> watch(Journal journal) {
            List<Journal.Entry> entries = journal.read();
            Optional<Journal.Entry> running = running(entries);
            if (running.isEmpty()) {
                return Optional.empty();
            }
            Journal.Entry entry = running.get();
            long inCheck = System.currentTimeMillis() - entry.millis();
            long bound = bounds.check().plus(GRACE).toMillis();
            if (inCheck > bound) {
                return Optional.of("the test JVM did not end " + entry.check() + " within " + bound / 1000
                        + " s: the check's own bound did not fire, so the JVM was killed");
            }
            long spent = spentMillis.getOrDefault(entry.implementation(), 0L)
                    + spentIn(entries, entry.implementation());
            if (spent > bounds.implementationBudget().toMillis()) {
                return Optional.of(entry.implementation() + " spent its budget of "
                        + bounds.implementationBudget().toSeconds() + " s in the " + run.suite.id()
                        + " suite; the test JVM was killed during " + entry.check());
            }
            return Optional.empty();
        }

        /** Time one implementation's checks took in this test JVM so far, the running one included. */
        private long spentIn(List<Journal.Entry> entries, String implementation) {
            Map<String, Long> spent = new HashMap<>();
            tally(entries, spent, System.currentTimeMillis());
            return spent.getOrDefault(implementation, 0L);
        }

        /** The verdicts the test JVM wrote; returns how many were new. */
        private int collect(Path part) {
            if (!Files.isRegularFile(part)) {
                return 0;
            }
            SuiteResults results;
            try {
                results = ResultsFiles.read(part);
            } catch (IllegalArgumentException unreadable) {
                return 0;
            }
            int count = 0;
            for (CheckResult result : results.results()) {
                Implementation implementation = implementationNamed(result.implementation());
                if (implementation != null && todo.get(implementation).remove(result.check())) {
                    run.record(result);
                    count++;
                    if (result.verdict() == Verdict.TIMEOUT) {
                        hungIn.merge(result.implementation(), result.check().id(), (a, b) -> a + ", " + b);
                    }
                }
            }
            todo.values().removeIf(List::isEmpty);
            return count;
        }

        private void account(List<Journal.Entry> entries) {
            tally(entries, spentMillis, System.currentTimeMillis());
        }

        private boolean recordedAlready(Journal.Entry entry) {
            Implementation implementation = implementationNamed(entry.implementation());
            return implementation == null || !todo.containsKey(implementation)
                    || !todo.get(implementation).contains(Check.of(entry.check()));
        }

        /** The check that was running when the test JVM died or was killed gets its verdict here. */
        private void verdictOfTheCrash(Journal.Entry running, List<Journal.Entry> entries, ChildJvm.Outcome outcome) {
            Implementation implementation = implementationNamed(running.implementation());
            Check check = Check.of(running.check());
            long millis = System.currentTimeMillis() - running.millis();
            Optional<Journal.Entry> exit = after(entries, running, "exit");
            Optional<Journal.Entry> lost = after(entries, running, "lost");
            CheckResult result;
            if (outcome.killed()) {
                List<String> stuck = outcome.stuckCalls(implementation.type().getName());
                result = stuck.isEmpty()
                        ? CheckResult.of(implementation.name(), check, Verdict.HARNESS_ERROR, millis, run.suite.how(),
                                outcome.killedBecause() + "; no call into " + implementation.name() + " stood still in"
                                + " the dumps taken before: the test JVM was too slow, which is no hang")
                        : CheckResult.of(implementation.name(), check, Verdict.TIMEOUT, millis, run.suite.how(),
                                outcome.killedBecause() + "; a call did not return: " + stuck.get(0));
                if (outcome.threadDump() != null) {
                    result = result.withEvidence(new Evidence(Evidence.Kind.THREAD_DUMP,
                            "where the test JVM's threads were before it was killed",
                            ThreadDumps.relevantBlocks(outcome.threadDump(),
                                    List.of(implementation.type().getName(), "wg-check", "wg-contract", "wg-lincheck"))));
                }
                if (!stuck.isEmpty()) {
                    hungIn.merge(implementation.name(), check.id(), (a, b) -> a + ", " + b);
                }
            } else if (exit.isPresent()) {
                result = CheckResult.of(implementation.name(), check, Verdict.FAIL, millis, run.suite.how(),
                        "System.exit(" + outcome.exitCode() + ") was called from code under test during this check: "
                                + firstFrame(exit.get().text()))
                        .withEvidence(new Evidence(Evidence.Kind.STACK_TRACE, "the thread that called System.exit",
                                exit.get().text()));
            } else if (lost.isPresent()) {
                result = CheckResult.of(implementation.name(), check, Verdict.FAIL, millis, run.suite.how(),
                        implementation.name() + " exhausted the heap during this check: " + lost.get().text());
            } else {
                result = CheckResult.of(implementation.name(), check, Verdict.HARNESS_ERROR, millis, run.suite.how(),
                        "the test JVM ended (exit status " + outcome.exitCode() + ") during this check, and no"
                                + " System.exit from code under test was seen")
                        .withEvidence(new Evidence(Evidence.Kind.OUTPUT, "the test JVM's last output", outcome.tail(30)));
            }
            run.record(result);
            todo.get(implementation).remove(check);
            todo.values().removeIf(List::isEmpty);
        }

        /** An implementation that spent its budget gets "not reached" for the checks it has left. */
        private void reachBudgets() {
            long budget = bounds.implementationBudget().toMillis();
            for (Implementation implementation : new ArrayList<>(todo.keySet())) {
                if (spentMillis.getOrDefault(implementation.name(), 0L) < budget) {
                    continue;
                }
                String hangs = hungIn.getOrDefault(implementation.name(), "");
                for (Check check : todo.remove(implementation)) {
                    // the budget went on hangs (a timeout), or on a JVM too slow to get through (no verdict)
                    run.record(CheckResult.of(implementation.name(), check, hangs.isEmpty() ? Verdict.HARNESS_ERROR
                            : Verdict.TIMEOUT, 0, run.suite.how(),
                            "not reached: " + implementation.name() + " spent its budget of "
                                    + bounds.implementationBudget().toSeconds() + " s in the " + run.suite.id()
                                    + " suite" + (hangs.isEmpty() ? "" : ", hanging in " + hangs)));
                }
            }
        }

        private Implementation implementationNamed(String name) {
            for (Implementation implementation : todo.keySet()) {
                if (implementation.name().equals(name)) {
                    return implementation;
                }
            }
            return null;
        }
    }

    /** Adds up, per implementation, how long its checks ran; a check still running counts until {@code now}. */
    private static void tally(List<Journal.Entry> entries, Map<String, Long> spent, long now) {
        Map<String, Long> started = new HashMap<>();
        for (Journal.Entry entry : entries) {
            String key = entry.implementation() + "\t" + entry.check();
            if (entry.event().equals("start")) {
                started.put(key, entry.millis());
            } else if (entry.event().equals("end") && started.containsKey(key)) {
                spent.merge(entry.implementation(), entry.millis() - started.remove(key), Long::sum);
            }
        }
        started.forEach((key, at) -> spent.merge(key.substring(0, key.indexOf('\t')), now - at, Long::sum));
    }

    private static Optional<Journal.Entry> running(List<Journal.Entry> entries) {
        Journal.Entry last = null;
        for (Journal.Entry entry : entries) {
            if (entry.event().equals("start")) {
                last = entry;
            } else if (entry.event().equals("end") && last != null && entry.check().equals(last.check())
                    && entry.implementation().equals(last.implementation())) {
                last = null;
            }
        }
        return Optional.ofNullable(last);
    }

    private static Optional<Journal.Entry> after(List<Journal.Entry> entries, Journal.Entry start, String event) {
        boolean seen = false;
        for (Journal.Entry entry : entries) {
            seen |= entry == start;
            if (seen && entry.event().equals(event)) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    private static String firstFrame(String frames) {
        for (String line : frames.split("\n")) {
            if (line.strip().startsWith("at ")) {
                return line.strip().substring(3);
            }
        }
        return frames;
    }

}
