package dev.waitgroup.stress.runner;

import dev.waitgroup.Implementation;
import dev.waitgroup.Implementations;
import dev.waitgroup.record.Category;
import dev.waitgroup.record.CheckResult;
import dev.waitgroup.record.ImplementationInfo;
import dev.waitgroup.record.SuiteRecorder;
import dev.waitgroup.record.Verdict;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openjdk.jcstress.infra.runners.TestList;

/**
 * Runs the jcstress suite once per selected implementation, each run in its own working folder
 * ({@code target/jcstress/<name>/}) under a watchdog, and writes every verdict to
 * {@code target/wg-results/jcstress.json}.
 *
 * <p>The runner records and goes on: a contract failure, a timed-out run or a crashed VM is a
 * verdict for the report's gate, never a reason to skip the other implementations. It exits
 * non-zero only when it cannot run at all (a bad selection, no tests).
 *
 * <p>System properties: {@code wg.impl}, {@code wg.classpath}, {@code wg.mode}, {@code wg.run.id};
 * {@code stress.preset} (short | thorough), {@code stress.budget} (e.g. 20m), {@code stress.tests}
 * (a regexp over test class names), {@code stress.workdir}, {@code wg.results.dir}.
 */
public final class StressRunner {
    private static final String JCSTRESS_MAIN = "org.openjdk.jcstress.Main";

    private StressRunner() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        List<Implementation> selection;
        StressPlan plan;
        List<String> tests;
        String filter = System.getProperty("stress.tests", "").trim();
        try {
            selection = Implementations.selected();
            tests = tests(filter);
            plan = StressPlan.of(System.getProperty("stress.preset", "short"),
                    StressPlan.parseBudget(System.getProperty("stress.budget", "3m")), selection.size(),
                    tests.size() * jvmModes());
        } catch (IllegalArgumentException e) {
            System.err.println("jcstress suite: " + e.getMessage());
            System.exit(2);
            return;
        }
        Path workRoot = Path.of(System.getProperty("stress.workdir", "target/jcstress"));
        Path resultsFile = Path.of(System.getProperty("wg.results.dir", "target/wg-results")).resolve("jcstress.json");
        SuiteRecorder recorder = SuiteRecorder.forSuite("jcstress", resultsFile);
        recorder.note("plan: " + plan);
        recorder.note("tests: " + tests.size() + (filter.isEmpty() ? "" : " matching '" + filter + "'"));

        out.printf("jcstress suite: %d tests x %d implementations, %s%n", tests.size(), selection.size(), plan);
        for (Implementation implementation : selection) {
            recorder.implementation(info(implementation));
            out.printf("jcstress suite: %s ...%n", implementation.name());
            List<CheckResult> results = runOne(implementation, plan, filter, workRoot, out);
            results.forEach(recorder::record);
            recorder.write();
            out.printf("jcstress suite: %s %s%n", implementation.name(), tally(results));
        }
        recorder.write();
        out.printf("jcstress suite: results in %s%n", resultsFile.toAbsolutePath());
    }

    private static List<CheckResult> runOne(Implementation implementation, StressPlan plan, String filter,
                                            Path workRoot, PrintStream out) throws IOException, InterruptedException {
        Path workdir = workRoot.resolve(implementation.name());
        clean(workdir);
        List<String> command = command(implementation, plan, filter, workdir);
        JcstressProcess.Ended ended = JcstressProcess.run(command, workdir, plan.bound(), out, implementation.name());
        String name = implementation.name();
        if (ended.killed) {
            return List.of(runRecord(name, Verdict.TIMEOUT, ended, "jcstress on " + name + " did not finish within "
                    + plan.bound().toSeconds() + " s and was killed with its forked VMs: an actor blocked beyond"
                    + " every bound (does await(timeout) return?). Log: " + ended.log));
        }
        Path results = JcstressResults.find(workdir);
        if (results == null) {
            return List.of(runRecord(name, Verdict.ERROR, ended, "jcstress on " + name + " exited with "
                    + ended.exitCode + " and left no results file. Log: " + ended.log));
        }
        List<TestSummary> summaries;
        try {
            summaries = JcstressResults.read(results);
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            return List.of(runRecord(name, Verdict.ERROR, ended, "cannot read " + results + ": " + e));
        }
        if (summaries.isEmpty()) {
            return List.of(runRecord(name, Verdict.ERROR, ended, "jcstress on " + name
                    + " ran no tests: does stress.tests match any? Log: " + ended.log));
        }
        List<CheckResult> records = new ArrayList<>();
        for (TestSummary summary : summaries) {
            long millis = ended.testMillis.getOrDefault(summary.test(), 0L);
            records.add(StressVerdicts.judge(name, summary, millis));
        }
        records.sort(Comparator.comparing(CheckResult::category).thenComparing(CheckResult::check));
        records.add(runRecord(name, Verdict.PASS, ended, "jcstress finished with exit code " + ended.exitCode
                + " (1 means a test failed) in " + ended.wall.toSeconds() + " s"));
        return records;
    }

    private static List<String> command(Implementation implementation, StressPlan plan, String filter, Path workdir) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-cp");
        command.add(jcstressClasspath());
        command.add(JCSTRESS_MAIN);
        command.addAll(plan.options());
        command.add("-sc");
        command.add("false");
        for (String jvmArg : List.of("-Xmx256m", "-Dwg.impl=" + implementation.selector(),
                "-Dwg.classpath=" + System.getProperty("wg.classpath", ""))) {
            command.add("-jvmArgs");
            command.add(jvmArg);
        }
        command.add("-v"); // every test's result line, so that each one's wall time can be measured
        command.add("-r");
        command.add(workdir.resolve("report").toString());
        if (!filter.isEmpty()) {
            command.add("-t");
            command.add(filter);
        }
        return command;
    }

    /**
     * The shaded jar when it has been built: jcstress's forked VMs copy this classpath, and from a
     * jar its probes (such as the @Contended check) work; otherwise this JVM's own classpath.
     */
    private static String jcstressClasspath() {
        String jar = System.getProperty("stress.jar", "");
        return !jar.isEmpty() && Files.isRegularFile(Path.of(jar)) ? jar : System.getProperty("java.class.path");
    }

    /** The tests jcstress will run: its own list, filtered as {@code -t} filters it. */
    private static List<String> tests(String filter) {
        Pattern pattern = Pattern.compile(filter.isEmpty() ? ".*" : filter);
        List<String> tests = TestList.tests().stream().filter(t -> pattern.matcher(t).find()).sorted()
                .collect(Collectors.toList());
        if (tests.isEmpty()) {
            throw new IllegalArgumentException("no jcstress test matches stress.tests='" + filter + "'");
        }
        return tests;
    }

    /** jcstress runs each test with and without biased locking where the JVM still has it (before 18). */
    private static int jvmModes() {
        return Runtime.version().feature() < 18 ? 2 : 1;
    }

    private static CheckResult runRecord(String implementation, Verdict verdict, JcstressProcess.Ended ended,
                                         String message) {
        return CheckResult.of(implementation, StressVerdicts.RUN_CHECK, Category.CONTRACT, verdict,
                ended.wall.toMillis(), message);
    }

    static ImplementationInfo info(Implementation implementation) {
        return new ImplementationInfo(implementation.name(), implementation.kind().label(),
                implementation.type().getName(), implementation.summary(), id(implementation.documentedReuse()),
                implementation.bug() == null ? null : id(implementation.bug()));
    }

    private static String id(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String tally(List<CheckResult> results) {
        return results.stream().collect(Collectors.groupingBy(r -> r.verdict().id(), Collectors.counting()))
                .toString();
    }

    private static void clean(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.delete(path);
            }
        }
    }

    static Duration budgetOf(String text) {
        return StressPlan.parseBudget(text);
    }
}
