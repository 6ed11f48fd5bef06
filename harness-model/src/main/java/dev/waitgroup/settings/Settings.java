package dev.waitgroup.settings;

import dev.waitgroup.catalogue.Check;
import dev.waitgroup.record.Shard;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The harness's settings, read from system properties ({@link Property}) and checked all at once
 * before anything runs: a value that is empty means the mode's default; a value that cannot be read,
 * or is zero, negative or out of range, stops the run with a message naming the property and what
 * it accepts. Every suite runner starts with {@link #fromSystemProperties()}; the build checks them
 * in its first module ({@link RunStart}).
 */
public final class Settings {
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern SHARD = Pattern.compile("(\\d+)/(\\d+)");
    private static final int MAX_SHARDS = 64;

    private final Function<String, String> source;
    private final List<String> problems = new ArrayList<>();

    public final String mode;
    public final boolean stress;
    public final String runId;
    public final String selection;
    public final String classpath;
    public final Set<Check> checks;
    public final String checkFilter;
    public final Shard shard;
    public final Path resultsDir;
    public final Path root;
    public final boolean gate;
    /** Whether a JUnit-run check whose verdict is a defect also fails its JUnit test (mutation testing). */
    public final boolean failTests;
    private final Duration contractCheckBound;
    private final Duration contractBudget;
    private final Duration lincheckCheckBound;
    private final Duration lincheckBudget;
    public final Duration stressBudget;
    public final String stressPreset;
    public final String stressTests;
    public final int lincheckIterations;
    public final int modelCheckingInvocations;
    public final int stressInvocations;
    public final int scenarioInvocations;
    public final int misuseInvocations;
    /** Histories per exploration check, legal rounds of the rounds check, and the seed they are drawn from. */
    public final int explorationHistories;
    public final int explorationRounds;
    public final long explorationSeed;
    private final Duration explorationCheckBound;
    private final Duration explorationBudget;
    /** Fray's JDK 25 ({@code none}: no Fray; empty: look for one), as given. */
    public final String frayJdk;
    /** Schedules per race, drawn histories and schedules per drawn history, their seed and scheduler. */
    public final int fraySchedules;
    public final int frayHistories;
    public final int frayHistorySchedules;
    public final long fraySeed;
    public final String frayScheduler;
    private final Duration frayCheckBound;
    private final Duration frayBudget;
    /** A Fray recording to replay instead of exploring (a reproduce command's), absolute; empty if none. */
    public final String frayReplay;
    public final Duration mutationBudget;
    public final String mutationSources;
    public final String benchPreset;
    public final String benchInclude;
    /** How long a benchmark may go without finishing an iteration before its forked VM is ended. */
    public final Duration benchBound;
    public final String goCommand;

    private Settings(Function<String, String> source) {
        this.source = source;
        String modeValue = raw(Property.MODE);
        if (modeValue.isEmpty()) {
            modeValue = Property.MODE.defaultFor(false);
        }
        if (!modeValue.equals("default") && !modeValue.equals("stress")) {
            problem(Property.MODE, modeValue);
            modeValue = "default";
        }
        mode = modeValue;
        stress = mode.equals("stress");
        runId = runId();
        selection = selection();
        Path projectFolder = Path.of(value(Property.ROOT)).toAbsolutePath().normalize();
        // relative to the project folder, where the user typed the command, not to a module's folder
        classpath = fromProjectFolder(value(Property.CLASSPATH), projectFolder);
        checkFilter = value(Property.CHECK);
        checks = checks(checkFilter);
        shard = shard();
        resultsDir = Path.of(value(Property.RESULTS_DIR));
        root = Path.of(value(Property.ROOT)).toAbsolutePath().normalize();
        gate = oneOf(Property.GATE, "true", "false").equals("true");
        failTests = oneOf(Property.FAIL_TESTS, "true", "false").equals("true");
        contractCheckBound = duration(Property.CONTRACT_CHECK_BOUND, Duration.ofSeconds(1), Duration.ofHours(1));
        contractBudget = duration(Property.CONTRACT_IMPL_BUDGET, Duration.ofSeconds(10), Duration.ofHours(2));
        lincheckCheckBound = duration(Property.LINCHECK_CHECK_BOUND, Duration.ofSeconds(1), Duration.ofHours(1));
        lincheckBudget = duration(Property.LINCHECK_IMPL_BUDGET, Duration.ofSeconds(10), Duration.ofHours(2));
        stressBudget = duration(Property.STRESS_BUDGET, Duration.ofSeconds(1), Duration.ofHours(24));
        stressPreset = oneOf(Property.STRESS_PRESET, "short", "thorough");
        stressTests = regex(Property.STRESS_TESTS);
        lincheckIterations = number(Property.LINCHECK_ITERATIONS, 10_000);
        modelCheckingInvocations = number(Property.LINCHECK_MC_INVOCATIONS, 10_000_000);
        stressInvocations = number(Property.LINCHECK_STRESS_INVOCATIONS, 10_000_000);
        scenarioInvocations = number(Property.LINCHECK_SCENARIO_INVOCATIONS, 10_000_000);
        misuseInvocations = number(Property.LINCHECK_MISUSE_INVOCATIONS, 10_000_000);
        explorationCheckBound = duration(Property.EXPLORATION_CHECK_BOUND, Duration.ofSeconds(1), Duration.ofHours(1));
        explorationBudget = duration(Property.EXPLORATION_IMPL_BUDGET, Duration.ofSeconds(10), Duration.ofHours(2));
        explorationHistories = number(Property.EXPLORATION_HISTORIES, 10_000_000);
        explorationRounds = number(Property.EXPLORATION_ROUNDS, 10_000_000);
        explorationSeed = seed(Property.EXPLORATION_SEED);
        frayJdk = value(Property.FRAY_JDK);
        fraySchedules = number(Property.FRAY_SCHEDULES, 1_000_000);
        frayHistories = number(Property.FRAY_HISTORIES, 100_000);
        frayHistorySchedules = number(Property.FRAY_HISTORY_SCHEDULES, 1_000_000);
        fraySeed = seed(Property.FRAY_SEED);
        frayScheduler = oneOf(Property.FRAY_SCHEDULER, "pos", "pct", "random", "surw");
        frayCheckBound = duration(Property.FRAY_CHECK_BOUND, Duration.ofSeconds(10), Duration.ofHours(2));
        frayBudget = duration(Property.FRAY_IMPL_BUDGET, Duration.ofSeconds(10), Duration.ofHours(4));
        frayReplay = folderOrEmpty(Property.FRAY_REPLAY);
        mutationBudget = duration(Property.MUTATION_IMPL_BUDGET, Duration.ofMinutes(1), Duration.ofHours(2));
        mutationSources = value(Property.MUTATION_SOURCES);
        benchPreset = oneOf(Property.BENCH_PRESET, "short", "full");
        benchInclude = regex(Property.BENCH_INCLUDE);
        benchBound = duration(Property.BENCH_BOUND, Duration.ofSeconds(5), Duration.ofHours(1));
        goCommand = value(Property.GO_COMMAND);
    }

    /**
     * The settings of this JVM's system properties.
     *
     * @throws InvalidSettings naming every property that cannot be accepted
     */
    public static Settings fromSystemProperties() {
        return from(System::getProperty);
    }

    /** The settings of any property source (null or empty: the default). */
    public static Settings from(Function<String, String> properties) {
        Settings settings = new Settings(properties);
        if (!settings.problems.isEmpty()) {
            throw new InvalidSettings(settings.problems);
        }
        return settings;
    }

    /** The value as given, trimmed; empty when not given. */
    private String raw(Property property) {
        String value = source.apply(property.key());
        return value == null ? "" : value.trim();
    }

    private String value(Property property) {
        String value = raw(property);
        return value.isEmpty() ? property.defaultFor(stress) : value;
    }

    private void problem(Property property, String value) {
        problems.add("-D" + property.key() + "=" + value + " cannot be used; " + property.key() + " accepts "
                + property.accepts());
    }

    private void problem(Property property, String value, String why) {
        problems.add("-D" + property.key() + "=" + value + ": " + why + "; " + property.key() + " accepts "
                + property.accepts());
    }

    private String runId() {
        String value = raw(Property.RUN_ID);
        if (value.isEmpty()) {
            return "";
        }
        if (!RUN_ID.matcher(value).matches()) {
            problem(Property.RUN_ID, value);
        }
        return value;
    }

    /**
     * {@code wg.impl}: given but empty is refused rather than read as "all", since a property that a
     * script meant to fill is more likely empty by mistake. Resolving the names is the registry's job.
     */
    private String selection() {
        String given = source.apply(Property.IMPL.key());
        if (given == null) {
            return Property.IMPL.defaultFor(stress);
        }
        String value = given.trim();
        if (value.isEmpty() || value.replace(",", "").isBlank()) {
            problem(Property.IMPL, given, "it is empty (leave it out to check everything)");
        }
        return value;
    }

    private Set<Check> checks(String filter) {
        if (filter.isEmpty()) {
            return Collections.unmodifiableSet(EnumSet.allOf(Check.class));
        }
        Set<Check> chosen = EnumSet.noneOf(Check.class);
        for (String token : filter.split(",")) {
            String id = token.trim();
            if (id.isEmpty()) {
                continue;
            }
            Check.byId(id).ifPresentOrElse(chosen::add,
                    () -> problem(Property.CHECK, filter, "no check is called '" + id + "'"));
        }
        if (chosen.isEmpty() && problems.isEmpty()) {
            problem(Property.CHECK, filter, "it names no check");
        }
        return Collections.unmodifiableSet(chosen);
    }

    private Shard shard() {
        String value = value(Property.SHARD);
        java.util.regex.Matcher matcher = SHARD.matcher(value);
        if (matcher.matches()) {
            try {
                int index = Integer.parseInt(matcher.group(1));
                int count = Integer.parseInt(matcher.group(2));
                if (count <= MAX_SHARDS) {
                    return new Shard(index, count);
                }
            } catch (IllegalArgumentException outOfRange) {
                // reported below
            }
        }
        problem(Property.SHARD, value);
        return Shard.WHOLE;
    }

    private String oneOf(Property property, String... accepted) {
        String value = value(property).toLowerCase(Locale.ROOT);
        for (String candidate : accepted) {
            if (candidate.equals(value)) {
                return value;
            }
        }
        problem(property, value);
        return property.defaultFor(stress);
    }

    private String regex(Property property) {
        String value = value(property);
        try {
            Pattern.compile(value);
        } catch (PatternSyntaxException e) {
            problem(property, value, "not a regular expression (" + e.getDescription() + ")");
        }
        return value;
    }

    private int number(Property property, int max) {
        String value = value(property);
        try {
            int number = Integer.parseInt(value);
            if (number >= 1 && number <= max) {
                return number;
            }
        } catch (NumberFormatException unreadable) {
            // reported below
        }
        problem(property, value);
        return Integer.parseInt(property.defaultFor(stress));
    }

    /** A seed: a whole number, or {@code run} for one drawn from the run id (shards of a run share it). */
    private long seed(Property property) {
        String value = value(property);
        if (value.equals("run")) {
            return runId.hashCode() * 0x9E3779B97F4A7C15L + runId.length();
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException unreadable) {
            problem(property, value);
            return 1;
        }
    }

    /**
     * A folder, made absolute; empty when not given. Whether it exists is the suite's to say, in its
     * verdict: where the suite cannot run at all (Fray without a JDK 25) it does not matter.
     */
    private String folderOrEmpty(Property property) {
        String value = value(property);
        return value.isEmpty() ? "" : Path.of(value).toAbsolutePath().normalize().toString();
    }

    private Duration duration(Property property, Duration min, Duration max) {
        String value = value(property);
        Duration duration = parseDuration(value);
        if (duration == null || duration.compareTo(min) < 0 || duration.compareTo(max) > 0) {
            problem(property, value);
            return parseDuration(property.defaultFor(stress));
        }
        return duration;
    }

    /** {@code 500ms}, {@code 90s}, {@code 20m}, {@code 1h}, or a number of seconds; null if unreadable. */
    public static Duration parseDuration(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (value.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            }
            char unit = value.charAt(value.length() - 1);
            if (Character.isDigit(unit)) {
                return Duration.ofSeconds(Long.parseLong(value));
            }
            long amount = Long.parseLong(value.substring(0, value.length() - 1));
            switch (unit) {
                case 's':
                    return Duration.ofSeconds(amount);
                case 'm':
                    return Duration.ofMinutes(amount);
                case 'h':
                    return Duration.ofHours(amount);
                default:
                    return null;
            }
        } catch (NumberFormatException | IndexOutOfBoundsException | ArithmeticException unreadable) {
            return null;
        }
    }

    /**
     * How long one check of a JUnit suite may take before it is reported as a hang, its thread left
     * behind: the safety net behind the bounds every blocking call has of its own.
     */
    public Duration checkBound(dev.waitgroup.catalogue.Suite suite) {
        switch (suite) {
            case LINCHECK:
                return lincheckCheckBound;
            case EXPLORATION:
                return explorationCheckBound;
            case FRAY:
                return frayCheckBound;
            default:
                return contractCheckBound;
        }
    }

    /**
     * How long one implementation may spend in a JUnit suite: an implementation that hangs in every
     * check costs the run this much, and its checks not reached by then are reported as such.
     */
    public Duration implementationBudget(dev.waitgroup.catalogue.Suite suite) {
        switch (suite) {
            case LINCHECK:
                return lincheckBudget;
            case EXPLORATION:
                return explorationBudget;
            case FRAY:
                return frayBudget;
            default:
                return contractBudget;
        }
    }

    /** Whether a check is in this run's {@code wg.check} filter. */
    public boolean selects(Check check) {
        return checks.contains(check);
    }

    /** Each entry of a path list made absolute against {@code folder}, in the list's own separators' place. */
    private static String fromProjectFolder(String entries, Path folder) {
        List<String> absolute = new ArrayList<>();
        for (String entry : entries.split("[" + java.io.File.pathSeparator + ",]")) {
            if (!entry.isBlank()) {
                absolute.add(folder.resolve(entry.trim()).normalize().toString());
            }
        }
        return String.join(java.io.File.pathSeparator, absolute);
    }

    /** The system properties that reproduce these settings in another JVM ({@code -Dkey=value}). */
    public List<String> asJvmOptions() {
        List<String> options = new ArrayList<>();
        for (Property property : Property.values()) {
            String given = source.apply(property.key());
            if (given != null && !given.isBlank()) {
                options.add("-D" + property.key() + "=" + (property == Property.CLASSPATH ? classpath
                        : absolute(property, given.trim())));
            }
        }
        return options;
    }

    /**
     * A path setting made absolute, so that it means the same in a JVM started in another folder (test
     * JVMs run in their work folders); other settings as given.
     */
    private static String absolute(Property property, String value) {
        switch (property) {
            case RESULTS_DIR:
            case ROOT:
            case FRAY_REPLAY:
                return Path.of(value).toAbsolutePath().normalize().toString();
            case FRAY_JDK:
                return value.equals("none") ? value : Path.of(value).toAbsolutePath().normalize().toString();
            case CLASSPATH:
            case MUTATION_SOURCES:
                List<String> entries = new ArrayList<>();
                for (String entry : value.split("[" + java.io.File.pathSeparator + ",]")) {
                    if (!entry.isBlank()) {
                        entries.add(Path.of(entry.trim()).toAbsolutePath().normalize().toString());
                    }
                }
                return String.join(java.io.File.pathSeparator, entries);
            default:
                return value;
        }
    }
}
