package dev.waitgroup.jcstress.runner;

import dev.waitgroup.catalogue.Check;
import dev.waitgroup.catalogue.Suite;
import dev.waitgroup.harness.ChildJvm;
import dev.waitgroup.harness.Implementation;
import dev.waitgroup.harness.SuiteEngine;
import dev.waitgroup.harness.SuiteRun;
import dev.waitgroup.harness.run.Attempt;
import dev.waitgroup.harness.run.BoundedRunner;
import dev.waitgroup.harness.run.CheckUnit;
import dev.waitgroup.harness.run.Death;
import dev.waitgroup.record.CheckResult;
import dev.waitgroup.record.Evidence;
import dev.waitgroup.record.Verdict;
import dev.waitgroup.settings.ExitStatus;
import dev.waitgroup.settings.Property;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openjdk.jcstress.infra.runners.TestList;

/**
 * Runs the jcstress suite, an engine of the {@link BoundedRunner}: one jcstress run per selected
 * implementation (a batch of its tests), every verdict recorded against the check its test class names.
 *
 * <p>jcstress forks a VM per test, and a forked VM whose actor blocks forever hangs the whole run
 * without a word. So before the runs, the suite's probe makes the calls every actor makes; an
 * implementation that hangs in them (or ends the JVM) is reported at once instead of run. During the
 * run the watchdog follows jcstress's progress: when no test has finished for longer than any test
 * takes ({@code jcstress.stall}), the runner takes thread dumps of the forked VMs, which name the hung
 * test (its actor's frames), ends the run, gives that test its verdict ({@code Death}: a hang only if a
 * call stood still) and starts jcstress again on the tests not yet judged, so that one hung test costs
 * one test, not the run. Each run, the first and every resumed one, is bounded by the plan for the
 * tests it has left.
 *
 * <p>Run it as {@code java -cp stress-tests/target/jcstress.jar dev.waitgroup.jcstress.runner.JcstressSuite}
 * with the selection, the preset and the budget as system properties; exit 0 means it ran.
 */
public final class JcstressSuite extends SuiteEngine {
    private static final String JCSTRESS_MAIN = "org.openjdk.jcstress.Main";
    /** A result line of jcstress's verbose output: "...... [OK] dev.waitgroup.jcstress.contract.X". */
    private static final Pattern RESULT_LINE = Pattern.compile("^\\.*\\s*\\[([A-Z_ ]+)]\\s+(\\S+)");

    private final JcstressSettings settings;
    private final JcstressPlan plan;
    private final Map<Check, String> testOf = new LinkedHashMap<>();
    /** The progress of the jcstress run going on now (one at a time: the batches run one after another). */
    private Progress progress;

    private JcstressSuite(SuiteRun run) {
        super(run);
        this.settings = JcstressSettings.of(run.settings);
        Pattern filter = Pattern.compile(settings.tests.isEmpty() ? ".*" : settings.tests);
        for (String test : TestList.tests()) {
            if (filter.matcher(test).find()) {
                testOf.put(JcstressVerdicts.checkOf(test), test);
            }
        }
        int tests = run.implementations.stream()
                .mapToInt(i -> (int) run.expectedChecks(i).stream().filter(testOf::containsKey).count()).sum();
        this.plan = JcstressPlan.of(settings.preset, settings.budget, settings.stall, tests * jvmModes());
        run.recorder.note("plan: " + plan);
    }

    /** Exits 0 when the suite ran (whatever its verdicts), 2 when it could not start. */
    public static void main(String[] args) throws Exception {
        System.exit(ExitStatus.of("jcstress suite", () -> {
            run();
            return ExitStatus.RAN;
        }));
    }

    private static void run() throws Exception {
        SuiteRun run = SuiteRun.start(Suite.JCSTRESS,
                r -> Property.JCSTRESS_PRESET.option(JcstressSettings.of(r.settings).preset) + " -cp "
                        + r.shownCodeSource(JcstressSuite.class) + " " + JcstressSuite.class.getName());
        JcstressSuite engine = new JcstressSuite(run);
        run.out.println("jcstress suite: " + engine.plan);
        BoundedRunner<CheckUnit, CheckResult> runner = new BoundedRunner<>(engine,
                run.settings.resultsDir.toAbsolutePath().resolve("work").resolve("jcstress"));
        for (Implementation implementation : run.implementations) {
            List<CheckUnit> tests = engine.testsOf(implementation);
            if (tests.isEmpty()) {
                continue;
            }
            run.out.printf("jcstress suite: %s, %d tests ...%n", implementation.name(), tests.size());
            runner.run(List.of(tests), 1);
            run.out.printf("jcstress suite: %s %s%n", implementation.name(), run.recorder.results().stream()
                    .filter(r -> r.implementation().equals(implementation.name()))
                    .collect(Collectors.groupingBy(r -> r.verdict().label(), Collectors.counting())));
        }
        run.finish();
    }

    /** The implementation's checks that a jcstress test runs; one no test runs is a harness error at once. */
    private List<CheckUnit> testsOf(Implementation implementation) {
        List<CheckUnit> units = new ArrayList<>();
        for (Check check : run.expectedChecks(implementation)) {
            if (testOf.containsKey(check)) {
                units.add(new CheckUnit(implementation, check));
            } else {
                record(new CheckUnit(implementation, check), CheckResult.of(implementation.name(), check,
                        Verdict.HARNESS_ERROR, 0, Suite.JCSTRESS.how(), "no jcstress test runs this check ("
                                + Property.JCSTRESS_TESTS.key() + "='" + settings.tests + "')"));
            }
        }
        return units;
    }

    @Override
    public ChildJvm.Spec command(Attempt attempt, List<CheckUnit> units) {
        Implementation implementation = units.get(0).implementation();
        List<String> tests = units.stream().map(u -> testOf.get(u.check())).collect(Collectors.toList());
        progress = new Progress(attempt.log(), plan.stall());
        return new ChildJvm.Spec(List.of("-Xmx512m"), run.testClasspath(), JCSTRESS_MAIN,
                arguments(implementation, tests, attempt.folder()), attempt.folder(), attempt.log());
    }

    /** The plan's bound for the tests left: a hang costs the stall it takes to see it, never the tests after it. */
    @Override
    public Duration attemptBound(List<CheckUnit> units) {
        return plan.boundFor(units.size() * jvmModes());
    }

    /** The longest any test may go without a result line: a termination test waits that long for STALE. */
    @Override
    public Duration bound(CheckUnit unit) {
        return plan.stall();
    }

    @Override
    public Optional<String> stopBecause(Attempt attempt, Duration elapsed) {
        return progress.stalled();
    }

    /**
     * The verdicts of a jcstress run that ended by itself, forbidden outcomes cross-examined; a test it
     * reported nothing for is a harness error. A run that was ended, or whose JVM died (killed by the
     * OS, say), reported nothing readable: jcstress 0.16 compresses its results file and completes it
     * only at the end, so nothing is decided and the runner starts jcstress again on every test.
     */
    @Override
    public Map<CheckUnit, CheckResult> collect(Attempt attempt, List<CheckUnit> units, ChildJvm.Outcome outcome)
            throws IOException {
        Map<CheckUnit, CheckResult> decided = new LinkedHashMap<>();
        if (outcome.killed()) {
            return decided;
        }
        Implementation implementation = units.get(0).implementation();
        Path results = JcstressResults.find(attempt.folder());
        List<TestSummary> summaries = List.of();
        String unreadable = null;
        if (results == null) {
            unreadable = "jcstress on " + implementation.name() + " exited with " + outcome.exitCode()
                    + " and left no results file";
        } else {
            try {
                summaries = JcstressResults.read(results);
            } catch (IOException | ClassNotFoundException | RuntimeException e) {
                unreadable = "cannot read " + results + ": " + e;
            }
        }
        if (unreadable != null && outcome.exitCode() != 0) {
            run.out.printf("jcstress suite: %s: jcstress's JVM ended with exit status %d before its results were"
                    + " written (%s); its tests run again%n", implementation.name(), outcome.exitCode(), unreadable);
            return decided;
        }
        List<CheckResult> verdicts = new ArrayList<>();
        for (TestSummary summary : summaries) {
            verdicts.add(JcstressVerdicts.judge(implementation.name(), implementation.type().getName(), summary,
                    progress.millisOf(summary.test()), how()));
        }
        for (CheckResult result : crossExamined(implementation, summaries, verdicts, attempt.folder())) {
            units.stream().filter(u -> u.check() == result.check()).findFirst().ifPresent(u -> decided.put(u, result));
        }
        for (CheckUnit unit : units) {
            if (!decided.containsKey(unit)) {
                decided.put(unit, CheckResult.of(implementation.name(), unit.check(), Verdict.HARNESS_ERROR, 0, how(),
                        (unreadable != null ? unreadable : "jcstress ran but reported nothing for "
                                + testOf.get(unit.check())) + "; log: " + run.shown(attempt.log()))
                        .withEvidence(new Evidence(Evidence.Kind.OUTPUT, "jcstress's last output", outcome.tail(30))));
            }
        }
        return decided;
    }

    /** jcstress's forked VMs do not journal: the tests whose actors the dumps show running are the ones that hung. */
    @Override
    public List<CheckUnit> runningAtEnd(Attempt attempt, List<CheckUnit> units, ChildJvm.Outcome outcome,
                                        Optional<CheckUnit> journaled) {
        List<String> hung = hungTests(outcome.threadDump(), units.stream().map(u -> testOf.get(u.check())).toList());
        return units.stream().filter(u -> hung.contains(testOf.get(u.check()))).toList();
    }

    @Override
    public CheckResult died(CheckUnit unit, Death death) {
        return super.died(unit, new Death(death.kind(), testOf.get(unit.check()) + " never finished: " + death.message(),
                progress.millisSinceLast(), death.evidence()));
    }

    @Override
    public List<String> dumpNeedles(CheckUnit unit) {
        return List.of(testOf.get(unit.check()), unit.implementation().type().getName());
    }

    private String how() {
        return "jcstress " + String.join(" ", plan.options());
    }

    /**
     * The failed verdicts with every forbidden outcome they saw cross-examined under the model checker
     * (at most {@value CrossExamination#OUTCOMES_PER_TEST} per test, the most frequent first): each
     * gets the label and, when an interleaving reaches it, the interleaving.
     */
    private List<CheckResult> crossExamined(Implementation implementation, List<TestSummary> summaries,
                                            List<CheckResult> results, Path workdir) throws IOException {
        List<CrossExamination.Question> questions = new ArrayList<>();
        for (int i = 0; i < summaries.size(); i++) {
            String test = summaries.get(i).test();
            if (results.get(i).verdict() == Verdict.FAIL) {
                summaries.get(i).outcomes().stream()
                        .filter(o -> o.seen() && o.forbidden())
                        .sorted(java.util.Comparator.comparingLong(TestSummary.Outcome::count).reversed())
                        .limit(CrossExamination.OUTCOMES_PER_TEST)
                        .forEach(o -> questions.add(new CrossExamination.Question(test, o.id())));
            }
        }
        if (questions.isEmpty()) {
            return results;
        }
        run.out.printf("jcstress suite: %s, cross-examining %d forbidden outcomes under Lincheck's model checker ...%n",
                implementation.name(), questions.size());
        Map<String, CrossExamination.Finding> findings = CrossExamination.examine(run, implementation, questions,
                workdir.resolve("cross-examination"));
        List<CheckResult> examined = new ArrayList<>();
        for (int i = 0; i < summaries.size(); i++) {
            CheckResult result = results.get(i);
            for (CrossExamination.Question question : questions) {
                if (question.test().equals(summaries.get(i).test())) {
                    result = result.withEvidence(CrossExamination.evidence(question, findings.get(question.key())));
                }
            }
            examined.add(result);
        }
        return examined;
    }

    private List<String> arguments(Implementation implementation, List<String> tests, Path workdir) {
        List<String> arguments = new ArrayList<>(plan.options());
        arguments.add("-sc");
        arguments.add("false");
        for (String jvmArg : List.of("-Xmx256m", Property.IMPL.option(implementation.selector()),
                Property.CLASSPATH.option(run.pluginClasspath()))) {
            arguments.add("-jvmArgs");
            arguments.add(jvmArg);
        }
        arguments.add("-v"); // every test's result line: the watchdog's sign of progress
        arguments.add("-r");
        arguments.add(workdir.resolve("report").toString());
        arguments.add("-t");
        arguments.add(tests.stream().map(Pattern::quote).collect(Collectors.joining("|", "^(", ")$")));
        return arguments;
    }

    /** The tests whose actors a thread dump of the forked VMs shows running: the ones that hang. */
    static List<String> hungTests(String dump, List<String> tests) {
        List<String> hung = new ArrayList<>();
        if (dump == null) {
            return hung;
        }
        for (String test : tests) {
            if (dump.contains(test + ".") || dump.contains(test + "_jcstress")) {
                hung.add(test);
            }
        }
        return hung;
    }

    /** jcstress's progress, read from its output while it runs: which test finished when. */
    private static final class Progress {
        private final Path log;
        private final Duration stall;
        private final Map<String, Long> millis = new LinkedHashMap<>();
        private long lines;
        private long lastEvent = System.nanoTime();

        Progress(Path log, Duration stall) {
            this.log = log;
            this.stall = stall;
        }

        /** Why to end the run now: no test finished for longer than any test takes; empty to go on. */
        Optional<String> stalled() {
            read();
            if (System.nanoTime() - lastEvent > stall.toNanos()) {
                return Optional.of("no jcstress test finished for " + stall.toSeconds() + " s");
            }
            return Optional.empty();
        }

        private void read() {
            List<String> all;
            try {
                all = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
            } catch (IOException | java.io.UncheckedIOException e) {
                return; // being written: read it next time
            }
            for (long i = lines; i < all.size(); i++) {
                Matcher result = RESULT_LINE.matcher(all.get((int) i));
                if (result.find()) {
                    long now = System.nanoTime();
                    millis.merge(result.group(2), (now - lastEvent) / 1_000_000, Long::sum);
                    lastEvent = now;
                }
            }
            lines = all.size();
        }

        long millisOf(String test) {
            return millis.getOrDefault(test, 0L);
        }

        long millisSinceLast() {
            return (System.nanoTime() - lastEvent) / 1_000_000;
        }
    }

    /** jcstress runs each test with and without biased locking where the JVM still has it (before 18). */
    private static int jvmModes() {
        return Runtime.version().feature() < 18 ? 2 : 1;
    }
}
