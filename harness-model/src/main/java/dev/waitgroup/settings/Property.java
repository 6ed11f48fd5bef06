package dev.waitgroup.settings;

import dev.waitgroup.catalogue.Check;
import dev.waitgroup.record.Shard;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A setting of the harness, declared once, here: its name, what it accepts (the one parser and
 * validator of its values), its default in a default run ({@code mvn verify}) and in the main job
 * ({@code mvn verify -Pstress}), and one line that says what it does.
 *
 * <p>A user gives a property as a system property, {@code -Djcstress.budget=20m}; an empty value means
 * the default of the run's mode. The build's first module checks every property before any suite runs
 * ({@link SettingsCheck}), every runner checks them all again when it starts ({@link Settings#from}), and
 * each engine then reads its own with {@link Settings#get}. A property's former name
 * ({@link #formerNames()}) is refused with a message that names the new one, so that an old command
 * line is never silently ignored.
 *
 * <p>The parent POM passes every property to the programs the build starts ({@code wg.jvm.args}), and
 * the README lists them; {@code PropertiesDocumentedTest} holds both to this catalogue and says what
 * to add when a property is added here. The system properties the harness sets for its own child
 * JVMs are not settings: they are {@link InternalProperty}.
 *
 * @param <T> what a value is read as
 */
public final class Property<T> {
    private static final List<Property<?>> ALL = new ArrayList<>();

    // What every engine shares: Settings.

    public static final Property<String> MODE = new Property<>("wg.mode",
            "the run's mode, which sets every budget's default; -Pstress gives stress, the main job",
            ValueType.oneOf("default", "stress"), "default", "stress");
    public static final Property<String> RUN_ID = new Property<>("wg.run.id",
            "the run's name in its results; the build gives its start time",
            ValueType.matching(Pattern.compile("[A-Za-z0-9._-]+"),
                    "letters, digits, '.', '_' or '-' (shards of one run share it)"), "", "");
    public static final Property<String> IMPL = new Property<>("wg.impl",
            "what the run checks: implementations, specimens, plugged-in classes",
            ValueType.selection("all, implementations, specimens, a registry name, a class name, or a comma list"),
            "all", "all");
    public static final Property<String> CLASSPATH = new Property<>("wg.classpath",
            "where plugged-in classes are found; a relative path is taken from the project folder",
            ValueType.projectPaths("jars or class folders"), "", "");
    public static final Property<Set<Check>> CHECK = new Property<>("wg.check",
            "the checks the run makes, by id (dev.waitgroup.catalogue.Check); empty: every check",
            ValueType.checks(), "", "");
    public static final Property<Shard> SHARD = new Property<>("wg.shard",
            "run part K of N: the selection dealt out by expected cost, the same way on every machine",
            ValueType.shard(), "1/1", "1/1");
    public static final Property<Path> RESULTS_DIR = new Property<>("wg.results.dir",
            "where the verdicts go (the build: target/wg-results in the project folder)",
            ValueType.folder("a folder"), "target/wg-results", "target/wg-results");
    public static final Property<Path> ROOT = new Property<>("wg.root",
            "the project folder, which reproduce commands are written relative to; the build gives it",
            ValueType.folder("a folder"), ".", ".");
    public static final Property<Boolean> GATE = new Property<>("wg.gate",
            "whether a failed gate fails the build (false: the report is written and the build goes on)",
            ValueType.flag(), "true", "true");

    // The contract suite: ContractSettings.

    public static final Property<Duration> CONTRACT_CHECK_BOUND = new Property<>("contract.check.bound",
            "how long one contract check may take before it is a hang",
            ValueType.duration("1s", "1h", "10s"), "10s", "20s");
    public static final Property<Duration> CONTRACT_IMPL_BUDGET = new Property<>("contract.impl.budget",
            "how long one implementation may spend in the contract suite; checks not reached by then are reported",
            ValueType.duration("10s", "2h", "60s"), "45s", "10m");

    // Lincheck: LincheckSettings.

    public static final Property<Duration> LINCHECK_CHECK_BOUND = new Property<>("lincheck.check.bound",
            "how long one Lincheck check may take before it is a hang",
            ValueType.duration("1s", "1h", "60s"), "60s", "10m");
    public static final Property<Duration> LINCHECK_IMPL_BUDGET = new Property<>("lincheck.impl.budget",
            "how long one implementation may spend in the Lincheck suite",
            ValueType.duration("10s", "2h", "3m"), "3m", "30m");
    public static final Property<Integer> LINCHECK_ITERATIONS = new Property<>("lincheck.iterations",
            "random scenarios per Lincheck check",
            ValueType.wholeNumber(1, 10_000), "3", "12");
    public static final Property<Integer> LINCHECK_MC_INVOCATIONS = new Property<>("lincheck.mc.invocations",
            "interleavings the model checker explores per random scenario",
            ValueType.wholeNumber(1, 10_000_000), "200", "800");
    public static final Property<Integer> LINCHECK_STRESS_INVOCATIONS = new Property<>("lincheck.stress.invocations",
            "runs on real threads per random scenario, in Lincheck's stress strategy",
            ValueType.wholeNumber(1, 10_000_000), "100", "1500");
    public static final Property<Integer> LINCHECK_SCENARIO_INVOCATIONS = new Property<>(
            "lincheck.scenario.invocations", "interleavings the model checker explores per hand-built await() scenario",
            ValueType.wholeNumber(1, 10_000_000), "300", "2000");
    public static final Property<Integer> LINCHECK_MISUSE_INVOCATIONS = new Property<>("lincheck.misuse.invocations",
            "interleavings the model checker explores per misuse scenario",
            ValueType.wholeNumber(1, 10_000_000), "1000", "2000");

    // The exploration suite: ExplorationSettings.

    public static final Property<Duration> EXPLORATION_CHECK_BOUND = new Property<>("exploration.check.bound",
            "how long one exploration check may take before it is a hang",
            ValueType.duration("1s", "1h", "120s"), "120s", "30m");
    public static final Property<Duration> EXPLORATION_IMPL_BUDGET = new Property<>("exploration.impl.budget",
            "how long one implementation may spend in the exploration suite",
            ValueType.duration("10s", "2h", "5m"), "5m", "1h");
    public static final Property<Integer> EXPLORATION_HISTORIES = new Property<>("exploration.histories",
            "histories the sequential exploration draws; the concurrent one draws a third as many, the rounds"
                    + " check one",
            ValueType.wholeNumber(1, 10_000_000), "150", "1500");
    public static final Property<Integer> EXPLORATION_ROUNDS = new Property<>("exploration.rounds",
            "legal rounds on one group, in the rounds check",
            ValueType.wholeNumber(1, 10_000_000), "2000", "100000");
    public static final Property<Seed> EXPLORATION_SEED = new Property<>("exploration.seed",
            "the seed the histories are drawn from, recorded in every verdict; run: a new one each run, the same"
                    + " in every shard of it (drawn from wg.run.id; at random for a suite started without one)",
            ValueType.seed(), "1", "run");

    // Fray: FraySettings.

    public static final Property<String> FRAY_JDK = new Property<>("fray.jdk",
            "the JDK 25 Fray's instrumented image is linked from (empty: looked for; none: Fray does not run, every"
                    + " Fray verdict is not-run)",
            ValueType.jdkHome(25, "none"), "", "");
    public static final Property<Integer> FRAY_SCHEDULES = new Property<>("fray.schedules",
            "schedules Fray runs each of the seven races under",
            ValueType.wholeNumber(1, 1_000_000), "48", "300");
    public static final Property<Integer> FRAY_HISTORIES = new Property<>("fray.histories",
            "histories the fray-histories check draws, the smallest first",
            ValueType.wholeNumber(1, 100_000), "12", "100");
    public static final Property<Integer> FRAY_HISTORY_SCHEDULES = new Property<>("fray.history.schedules",
            "schedules Fray runs each drawn history under",
            ValueType.wholeNumber(1, 1_000_000), "8", "30");
    public static final Property<Seed> FRAY_SEED = new Property<>("fray.seed",
            "the seed Fray's schedules and histories are drawn from, recorded in every verdict; run: a new one each"
                    + " run, the same in every shard of it (drawn from wg.run.id; at random for a suite started"
                    + " without one)",
            ValueType.seed(), "1", "run");
    public static final Property<String> FRAY_SCHEDULER = new Property<>("fray.scheduler",
            "Fray's scheduler: pos (partial-order sampling; half as many schedules again follow under the random"
                    + " scheduler), pct, random or surw",
            ValueType.oneOf("pos", "pct", "random", "surw"), "pos", "pos");
    public static final Property<Duration> FRAY_CHECK_BOUND = new Property<>("fray.check.bound",
            "how long one Fray check may take before it is a hang",
            ValueType.duration("10s", "2h", "90s"), "90s", "30m");
    public static final Property<Duration> FRAY_IMPL_BUDGET = new Property<>("fray.impl.budget",
            "how long one implementation may spend in the Fray suite",
            ValueType.duration("10s", "4h", "3m"), "3m", "1h");
    public static final Property<Path> FRAY_REPLAY = new Property<>("fray.replay",
            "a failing schedule's recording to replay instead of exploring: what a Fray verdict's reproduce command"
                    + " adds",
            ValueType.folder("a Fray recording's folder"), "", "");

    // jcstress: JcstressSettings.

    public static final Property<Duration> JCSTRESS_BUDGET = new Property<>("jcstress.budget",
            "jcstress's time for the whole run in the thorough preset, shared by every test configuration"
                    + " (test, implementation, JVM mode); each costs about 3 s before its iterations, so a budget"
                    + " below that is overrun and the plan says so (the short preset is a fixed sanity pass, about"
                    + " 0.6 s per configuration, whatever the budget)",
            ValueType.duration("1s", "24h", "90s, 15m or 1h"), "3m", "15m");
    public static final Property<String> JCSTRESS_PRESET = new Property<>("jcstress.preset",
            "jcstress's mode: short (sanity mode, gross bugs only) or thorough",
            ValueType.oneOf("short", "thorough"), "short", "thorough");
    public static final Property<String> JCSTRESS_TESTS = new Property<>("jcstress.tests",
            "the jcstress tests that run; empty: every test",
            ValueType.regex("jcstress test class names"), "", "");
    public static final Property<Duration> JCSTRESS_STALL = new Property<>("jcstress.stall",
            "how long jcstress may go without finishing a test before its run is taken as hung"
                    + " (that test named, the rest run again)",
            ValueType.duration("60s", "1h", "90s or 5m"), "90s", "90s");

    // The benchmarks: BenchmarkSettings.

    public static final Property<String> BENCH_PRESET = new Property<>("bench.preset",
            "JMH's budgets: short, or full for figures to quote (2 forks, longer iterations)",
            ValueType.oneOf("short", "full"), "short", "short");
    public static final Property<String> BENCH_INCLUDE = new Property<>("bench.include",
            "the benchmarks that run, replacing the default set; empty: the default set",
            ValueType.regex("benchmark names"), "", "");
    public static final Property<Duration> BENCH_BOUND = new Property<>("bench.bound",
            "how long a benchmark may go without finishing an iteration before its JVM is ended and the hang reported",
            ValueType.duration("5s", "1h", "60s"), "60s", "60s");
    public static final Property<String> GO_COMMAND = new Property<>("wg.go",
            "the go command, for Go's own benchmarks beside JMH's (none: JMH's alone)",
            ValueType.text("a command, or none"), "go", "go");

    // The mutation score: MutationSettings.

    public static final Property<Duration> MUTATION_IMPL_BUDGET = new Property<>("mutation.impl.budget",
            "how long PIT may take for one implementation",
            ValueType.duration("1m", "2h", "20m"), "20m", "20m");
    public static final Property<String> MUTATION_SOURCES = new Property<>("mutation.sources",
            "where the sources of the mutated classes are, for the report's lines; empty: wg-impl's",
            ValueType.paths("source folders of the mutated classes"), "", "");

    /** Former names, refused with a message naming the property that replaced each. */
    private static final SortedMap<String, Property<?>> FORMER_NAMES = Collections.unmodifiableSortedMap(
            new TreeMap<>(Map.of(
                    "stress.budget", JCSTRESS_BUDGET,
                    "stress.preset", JCSTRESS_PRESET,
                    "stress.tests", JCSTRESS_TESTS)));

    private final String key;
    private final String help;
    private final ValueType<T> type;
    private final String defaultValue;
    private final String mainJobDefault;

    private Property(String key, String help, ValueType<T> type, String defaultValue, String mainJobDefault) {
        this.key = key;
        this.help = help;
        this.type = type;
        this.defaultValue = defaultValue;
        this.mainJobDefault = mainJobDefault;
        ALL.add(this);
    }

    /** Every property, in the order declared here (the README's order). */
    public static List<Property<?>> all() {
        return Collections.unmodifiableList(ALL);
    }

    /** Each former name of a property, with the property that replaced it, in alphabetical order. */
    public static SortedMap<String, Property<?>> formerNames() {
        return FORMER_NAMES;
    }

    /** The system property's name, such as {@code jcstress.budget}. */
    public String key() {
        return key;
    }

    /** What it does, in one line. */
    public String help() {
        return help;
    }

    /** What it accepts, as an error message says it: "a duration from 1s to 24h, such as 90s, 20m or 1h". */
    public String accepts() {
        return type.accepts();
    }

    /** The default in a default run ({@code mainJob} false) or in the main job; empty means none. */
    public String defaultFor(boolean mainJob) {
        return mainJob ? mainJobDefault : defaultValue;
    }

    /** The option that gives it to a JVM: {@code -Dkey=value}. */
    public String option(Object value) {
        return "-D" + key + "=" + value;
    }

    ValueType<T> type() {
        return type;
    }

    @Override
    public String toString() {
        return key;
    }
}
