package dev.waitgroup.settings;

/**
 * Every property the harness reads, declared once: its name, what it accepts, and its default in a
 * default run ({@code mvn verify}) and in the stress run ({@code -Pstress}). An empty value means
 * "the default"; anything else must be valid, or nothing runs.
 */
public enum Property {
    MODE("wg.mode", "default or stress", "default", "stress"),
    RUN_ID("wg.run.id", "letters, digits, '.', '_' or '-' (shards of one run share it)", "", ""),
    IMPL("wg.impl", "all, implementations, specimens, a registry name, a class name, or a comma list", "all", "all"),
    CLASSPATH("wg.classpath", "jars or class folders, separated by ':' or ','", "", ""),
    CHECK("wg.check", "a comma list of check ids from the catalogue", "", ""),
    SHARD("wg.shard", "K/N with 1 <= K <= N <= 64", "1/1", "1/1"),
    RESULTS_DIR("wg.results.dir", "a folder", "target/wg-results", "target/wg-results"),
    ROOT("wg.root", "the project's folder, which reproduce commands are written relative to", ".", "."),
    GATE("wg.gate", "true or false", "true", "true"),
    /** A JUnit-run check whose verdict finds a defect also fails its JUnit test: for PIT, which reads JUnit. */
    FAIL_TESTS("wg.fail.tests", "true or false", "false", "false"),
    CONTRACT_CHECK_BOUND("contract.check.bound", "a duration from 1s to 1h, such as 10s", "10s", "20s"),
    CONTRACT_IMPL_BUDGET("contract.impl.budget", "a duration from 10s to 2h, such as 60s", "45s", "10m"),
    LINCHECK_CHECK_BOUND("lincheck.check.bound", "a duration from 1s to 1h, such as 60s", "60s", "10m"),
    LINCHECK_IMPL_BUDGET("lincheck.impl.budget", "a duration from 10s to 2h, such as 60s", "60s", "30m"),
    STRESS_BUDGET("stress.budget", "a duration from 1s to 24h, such as 90s, 20m or 1h", "3m", "20m"),
    STRESS_PRESET("stress.preset", "short or thorough", "short", "thorough"),
    STRESS_TESTS("stress.tests", "a regular expression over jcstress test class names", "", ""),
    LINCHECK_ITERATIONS("lincheck.iterations", "a whole number from 1 to 10000", "3", "12"),
    LINCHECK_MC_INVOCATIONS("lincheck.mc.invocations", "a whole number from 1 to 10000000", "200", "800"),
    LINCHECK_STRESS_INVOCATIONS("lincheck.stress.invocations", "a whole number from 1 to 10000000", "300", "1500"),
    LINCHECK_SCENARIO_INVOCATIONS("lincheck.scenario.invocations", "a whole number from 1 to 10000000", "300", "2000"),
    LINCHECK_MISUSE_INVOCATIONS("lincheck.misuse.invocations", "a whole number from 1 to 10000000", "1000", "2000"),
    EXPLORATION_CHECK_BOUND("exploration.check.bound", "a duration from 1s to 1h, such as 120s", "120s", "30m"),
    EXPLORATION_IMPL_BUDGET("exploration.impl.budget", "a duration from 10s to 2h, such as 5m", "5m", "1h"),
    EXPLORATION_HISTORIES("exploration.histories", "a whole number from 1 to 10000000: histories per check", "150", "1500"),
    EXPLORATION_ROUNDS("exploration.rounds", "a whole number from 1 to 10000000: legal rounds on one group", "2000", "100000"),
    EXPLORATION_SEED("exploration.seed", "a whole number, or 'run' for one drawn from the run id (a new seed each"
            + " run, the same in every shard of it, recorded in every verdict)", "1", "run"),
    FRAY_JDK("fray.jdk", "the home of a JDK 25 for Fray's instrumented image, 'none' to run no Fray (every Fray"
            + " verdict is then not-run), or empty to look for one", "", ""),
    FRAY_SCHEDULES("fray.schedules", "a whole number from 1 to 1000000: schedules Fray runs each of the seven races"
            + " under", "48", "1000"),
    FRAY_HISTORIES("fray.histories", "a whole number from 1 to 100000: histories the fray-histories check draws",
            "12", "300"),
    FRAY_HISTORY_SCHEDULES("fray.history.schedules", "a whole number from 1 to 1000000: schedules Fray runs each"
            + " drawn history under", "8", "100"),
    FRAY_SEED("fray.seed", "a whole number, or 'run' for one drawn from the run id (a new seed each run, the same in"
            + " every shard of it, recorded in every verdict)", "1", "run"),
    FRAY_SCHEDULER("fray.scheduler", "pos, pct, random or surw: the Fray scheduler that explores", "pos", "pos"),
    FRAY_CHECK_BOUND("fray.check.bound", "a duration from 10s to 2h, such as 90s", "90s", "30m"),
    FRAY_IMPL_BUDGET("fray.impl.budget", "a duration from 10s to 4h, such as 3m", "3m", "1h"),
    FRAY_REPLAY("fray.replay", "a folder of a Fray recording that a verdict's reproduce command names: replays that"
            + " one failing schedule", "", ""),
    MUTATION_IMPL_BUDGET("mutation.impl.budget", "a duration from 1m to 2h, such as 20m", "20m", "20m"),
    MUTATION_SOURCES("mutation.sources", "source folders of the mutated classes, separated by ':' or ','", "", ""),
    BENCH_PRESET("bench.preset", "short or full", "short", "short"),
    BENCH_INCLUDE("bench.include", "a regular expression over benchmark names", "", ""),
    BENCH_BOUND("bench.bound", "a duration from 5s to 1h, such as 60s", "60s", "60s"),
    GO_COMMAND("wg.go", "the go command to run Go's own benchmarks beside JMH, or 'none'", "go", "go");

    private final String key;
    private final String accepts;
    private final String defaultValue;
    private final String stressDefault;

    Property(String key, String accepts, String defaultValue, String stressDefault) {
        this.key = key;
        this.accepts = accepts;
        this.defaultValue = defaultValue;
        this.stressDefault = stressDefault;
    }

    /** The system property's name. */
    public String key() {
        return key;
    }

    /** What it accepts, as the error message says it. */
    public String accepts() {
        return accepts;
    }

    public String defaultFor(boolean stress) {
        return stress ? stressDefault : defaultValue;
    }
}
