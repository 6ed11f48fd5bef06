package dev.waitgroup.jcstress.runner;

import dev.waitgroup.catalogue.Check;
import dev.waitgroup.catalogue.Suite;
import dev.waitgroup.harness.ChildJvm;
import dev.waitgroup.harness.Implementation;
import dev.waitgroup.harness.SuiteRun;
import dev.waitgroup.harness.ThreadDumps;
import dev.waitgroup.record.CheckResult;
import dev.waitgroup.record.Evidence;
import dev.waitgroup.record.Folders;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openjdk.jcstress.infra.runners.TestList;

/**
 * Runs the jcstress suite: one jcstress run per selected implementation, in its own working folder
 * under a watchdog, every verdict recorded against the check its test class names.
 *
 * <p>jcstress forks a VM per test, and a forked VM whose actor blocks forever hangs the whole run
 * without a word. So before the runs, the suite's probe makes the calls every actor makes; an
 * implementation that hangs in them (or ends the JVM) is reported at once instead of run. During the
 * run the watchdog follows jcstress's progress: when no test has finished for longer than any test
 * takes ({@code jcstress.stall}), it takes a thread dump of the forked VMs, which names the hung test
 * (its actor's frames), kills the run, records that test as hung with the dump, and starts jcstress
 * again on the tests not yet judged, so that one hung test costs one test, not the run. An
 * implementation's runs together are bounded by the plan; tests not reached by then are reported as
 * such.
 *
 * <p>Run it as {@code java -cp stress-tests/target/jcstress.jar dev.waitgroup.jcstress.runner.JcstressSuite}
 * with the selection, the preset and the budget as system properties; exit 0 means it ran.
 */
public final class JcstressSuite {
    private static final String JCSTRESS_MAIN = "org.openjdk.jcstress.Main";
    /** A result line of jcstress's verbose output: "...... [OK] dev.waitgroup.jcstress.contract.X". */
    private static final Pattern RESULT_LINE = Pattern.compile("^\\.*\\s*\\[([A-Z_ ]+)]\\s+(\\S+)");
    /** The cross-examination of one implementation's forbidden outcomes, all together. */
    private static final Duration CROSS_EXAMINATION_BOUND = Duration.ofSeconds(180);

    private final SuiteRun run;
    private final JcstressSettings settings;
    private final JcstressPlan plan;
    private final Map<Check, String> testOf = new LinkedHashMap<>();

    private JcstressSuite(SuiteRun run) {
        this.run = run;
        this.settings = JcstressSettings.of(run.settings);
        Pattern filter = Pattern.compile(settings.tests.isEmpty() ? ".*" : settings.tests);
        for (String test : TestList.tests()) {
            if (filter.matcher(test).find()) {
                testOf.put(JcstressVerdicts.checkOf(test), test);
            }
        }
        int judged = (int) run.implementations.stream().filter(i -> !run.expectedChecks(i).isEmpty()).count();
        this.plan = JcstressPlan.of(settings.preset, settings.budget, settings.stall, Math.max(1, judged),
                Math.max(1, testOf.size()) * jvmModes());
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
        JcstressSuite runner = new JcstressSuite(run);
        run.out.println("jcstress suite: " + runner.plan);
        for (Implementation implementation : run.implementations) {
            runner.runOne(implementation);
        }
        run.finish();
    }

    private void runOne(Implementation implementation) throws IOException, InterruptedException {
        Set<Check> todo = new LinkedHashSet<>();
        for (Check check : run.expectedChecks(implementation)) {
            if (testOf.containsKey(check)) {
                todo.add(check);
            } else {
                run.record(CheckResult.of(implementation.name(), check, Verdict.HARNESS_ERROR, 0, Suite.JCSTRESS.how(),
                        "no jcstress test runs this check (" + Property.JCSTRESS_TESTS.key() + "='" + settings.tests
                                + "')"));
            }
        }
        if (todo.isEmpty()) {
            return;
        }
        run.out.printf("jcstress suite: %s, %d tests ...%n", implementation.name(), todo.size());
        // Each run, the first and every resumed one, gets the bound of the tests it has left: a hang costs
        // the stall it takes to see it, never the time of the tests after it. Every run judges at least
        // one test or ends the loop, so there are at most as many runs as tests.
        int tests = todo.size();
        for (int attempt = 1; !todo.isEmpty(); attempt++) {
            Attempt result = attempt(implementation, todo, attempt, plan.boundFor(todo.size(), tests));
            todo.removeAll(result.judged());
            if (result.judged().isEmpty()) {
                break; // no progress: attempt() recorded why
            }
        }
        run.recorder.write();
        run.out.printf("jcstress suite: %s %s%n", implementation.name(), run.recorder.results().stream()
                .filter(r -> r.implementation().equals(implementation.name()))
                .collect(Collectors.groupingBy(r -> r.verdict().id(), Collectors.counting())));
    }

    /** What one jcstress run judged: every check it recorded. */
    private record Attempt(Set<Check> judged) {
    }

    private Attempt attempt(Implementation implementation, Set<Check> todo, int attempt, Duration left)
            throws IOException, InterruptedException {
        Path workdir = run.settings.resultsDir.toAbsolutePath().resolve("work").resolve("jcstress")
                .resolve(implementation.name()).resolve("run-" + attempt);
        Folders.delete(workdir);
        Files.createDirectories(workdir);
        Path log = workdir.resolve("jcstress.log");
        List<String> tests = todo.stream().map(testOf::get).collect(Collectors.toList());
        Progress progress = new Progress(log, plan.stall());
        ChildJvm.Outcome outcome = ChildJvm.run(new ChildJvm.Spec(List.of("-Xmx512m"), run.testClasspath(),
                JCSTRESS_MAIN, arguments(implementation, tests, workdir), workdir, log),
                elapsed -> progress.stopBecause(elapsed, left));
        Set<Check> judged = new LinkedHashSet<>();
        String how = "jcstress " + String.join(" ", plan.options());
        if (outcome.killed()) {
            List<String> hung = hungTests(outcome.threadDump(), tests);
            List<String> stuck = outcome.stuckCalls(implementation.type().getName());
            for (String test : hung) {
                Check check = JcstressVerdicts.checkOf(test);
                // a hang needs a call that stood still; without one the forked VM was merely slow
                CheckResult result = stuck.isEmpty()
                        ? CheckResult.of(implementation.name(), check, Verdict.HARNESS_ERROR, progress.millisSinceLast(),
                                how, outcome.killedBecause() + ": " + test + " never finished, but no call into "
                                + implementation.name() + " stood still in the dumps taken before: too slow, no hang")
                        : CheckResult.of(implementation.name(), check, Verdict.TIMEOUT, progress.millisSinceLast(), how,
                                outcome.killedBecause() + ": " + test + " never finished; " + stuck.get(0));
                if (outcome.threadDump() != null) {
                    result = result.withEvidence(new Evidence(Evidence.Kind.THREAD_DUMP,
                            "where the forked test VM's threads were when jcstress was killed",
                            ThreadDumps.relevantBlocks(outcome.threadDump(), List.of(test, implementation.type().getName()))));
                }
                run.record(result);
                judged.add(check);
            }
            if (hung.isEmpty()) {
                for (Check check : todo) {
                    run.record(CheckResult.of(implementation.name(), check, Verdict.HARNESS_ERROR, 0, how,
                            outcome.killedBecause() + ", and no test of it was found running in the forked VMs;"
                                    + " log: " + run.shown(log))
                            .withEvidence(new Evidence(Evidence.Kind.OUTPUT, "jcstress's last output", outcome.tail(30))));
                    judged.add(check);
                }
            }
            run.recorder.write();
            return new Attempt(judged);
        }
        Path results = JcstressResults.find(workdir);
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
        List<CheckResult> verdicts = new ArrayList<>();
        for (TestSummary summary : summaries) {
            verdicts.add(JcstressVerdicts.judge(implementation.name(), implementation.type().getName(), summary,
                    progress.millisOf(summary.test()), how));
        }
        for (CheckResult result : crossExamined(implementation, summaries, verdicts, workdir)) {
            run.record(result);
            judged.add(result.check());
        }
        for (Check check : todo) {
            if (!judged.contains(check)) {
                run.record(CheckResult.of(implementation.name(), check, Verdict.HARNESS_ERROR, 0, how,
                        (unreadable != null ? unreadable : "jcstress ran but reported nothing for " + testOf.get(check))
                                + "; log: " + run.shown(log))
                        .withEvidence(new Evidence(Evidence.Kind.OUTPUT, "jcstress's last output", outcome.tail(30))));
                judged.add(check);
            }
        }
        run.recorder.write();
        return new Attempt(judged);
    }

    /**
     * The failed verdicts with every forbidden outcome they saw cross-examined under the model checker
     * (at most {@value CrossExamination#OUTCOMES_PER_TEST} per test, the most frequent first): each
     * gets the label and, when an interleaving reaches it, the interleaving.
     */
    private List<CheckResult> crossExamined(Implementation implementation, List<TestSummary> summaries,
                                            List<CheckResult> results, Path workdir)
            throws IOException, InterruptedException {
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
        List<String> unfinished = new ArrayList<>();
        Map<String, CrossExamination.Finding> findings = CrossExamination.examine(run, implementation, questions,
                workdir.resolve("cross-examination"), CROSS_EXAMINATION_BOUND, unfinished::add);
        List<CheckResult> examined = new ArrayList<>();
        for (int i = 0; i < summaries.size(); i++) {
            CheckResult result = results.get(i);
            for (CrossExamination.Question question : questions) {
                if (question.test().equals(summaries.get(i).test())) {
                    result = result.withEvidence(CrossExamination.evidence(question, findings.get(question.key()),
                            String.join("; ", unfinished)));
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

        Optional<String> stopBecause(Duration elapsed, Duration bound) {
            read();
            if (elapsed.compareTo(bound) > 0) {
                return Optional.of("jcstress did not finish within its bound of " + bound.toSeconds() + " s");
            }
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
