package dev.waitgroup.settings;

import dev.waitgroup.catalogue.Check;
import dev.waitgroup.record.Shard;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A run's settings, read from one property source and checked all at once before anything runs.
 *
 * <p>Every {@link Property} is read by its own type: a value that is absent or empty means the
 * default of the run's mode; a value that cannot be read, or is out of range, stops the run with
 * {@link InvalidSettings}, which names each such property and what it accepts, and so does a former
 * name of a property. The fields are what every engine shares; each engine reads its own
 * properties with {@link #get}, into a small settings class of its own beside it. Every runner starts
 * with {@link #forRun()}, which also refuses a name that looks like a property and is none, and every
 * child JVM with {@link #fromSystemProperties()}; the build checks the same in its first module
 * ({@link SettingsCheck}); the harness's own tests pass their properties in with {@link #from}.
 */
public final class Settings {
    private final Function<String, String> source;
    private final Map<Property<?>, Object> values = new IdentityHashMap<>();
    private final List<String> problems = new ArrayList<>();

    /** {@code default} or {@code stress} ({@link Property#MODE}). */
    public final String mode;
    /** Whether this is the main job ({@code wg.mode=stress}, {@code -Pstress}): its budgets are the defaults. */
    public final boolean mainJob;
    /** The run's name; empty when none was given. */
    public final String runId;
    /** What the run checks, as given: the registry resolves it. */
    public final String selection;
    /** Where plugged-in classes are found: each entry absolute, a relative one taken from the project folder. */
    public final String classpath;
    /** The checks the run makes. */
    public final Set<Check> checks;
    /** The check filter as given; empty means every check. */
    public final String checkFilter;
    /** Which part of the run this is; {@link Shard#WHOLE} when the run is not sharded. */
    public final Shard shard;
    /** Where the verdicts go, as given. */
    public final Path resultsDir;
    /** The project folder, absolute. */
    public final Path root;
    /** Whether a failed gate fails the build. */
    public final boolean gate;

    private Settings(Function<String, String> source) {
        this.source = source;
        String givenMode = given(Property.MODE);
        mainJob = givenMode != null && !givenMode.isBlank()
                && Property.MODE.defaultFor(true).equalsIgnoreCase(givenMode.trim());
        for (Property<?> property : Property.all()) {
            values.put(property, read(property));
        }
        Property.formerNames().forEach((former, property) -> {
            String value = source.apply(former);
            if (value != null && !value.isBlank()) {
                problems.add("-D" + former + "=" + value.trim() + ": " + former + " is now called " + property.key()
                        + "; use -D" + property.key() + "=" + value.trim());
            }
        });
        mode = get(Property.MODE);
        runId = get(Property.RUN_ID);
        selection = get(Property.IMPL);
        checkFilter = valueOrDefault(Property.CHECK);
        checks = get(Property.CHECK);
        shard = get(Property.SHARD);
        resultsDir = get(Property.RESULTS_DIR);
        root = get(Property.ROOT).toAbsolutePath().normalize();
        classpath = Property.CLASSPATH.type().forAnotherJvm(get(Property.CLASSPATH), root);
        gate = get(Property.GATE);
    }

    /**
     * The settings of this JVM's system properties: how a runner, and every JVM it starts, reads them.
     *
     * @throws InvalidSettings naming every property that cannot be accepted
     */
    public static Settings fromSystemProperties() {
        return from(System::getProperty);
    }

    /**
     * The settings a run starts with, where a user typed them: {@link #fromSystemProperties()}, and a
     * name under the harness's prefixes that is no property of it, given to this JVM or on the Maven
     * command line that started the build, is refused too ({@link UnknownNames}: a misspelt
     * {@code -Dwg.imp} would otherwise be ignored). For the programs a user starts (the build's check,
     * each suite's runner); a child JVM reads {@link #fromSystemProperties()}.
     *
     * @throws InvalidSettings naming every property that cannot be accepted, and every unknown name
     */
    public static Settings forRun() {
        Set<String> names = new java.util.TreeSet<>(System.getProperties().stringPropertyNames());
        names.addAll(UnknownNames.onMavenCommandLine(System.getenv("MAVEN_CMD_LINE_ARGS")));
        Settings settings = new Settings(System::getProperty);
        settings.problems.addAll(UnknownNames.problems(names));
        if (!settings.problems.isEmpty()) {
            throw new InvalidSettings(settings.problems);
        }
        return settings;
    }

    /**
     * The settings of any property source: a property's value, or null when it is not given.
     *
     * @throws InvalidSettings naming every property that cannot be accepted
     */
    public static Settings from(Function<String, String> properties) {
        Settings settings = new Settings(properties);
        if (!settings.problems.isEmpty()) {
            throw new InvalidSettings(settings.problems);
        }
        return settings;
    }

    /**
     * These settings in a default run: every property given keeps its value, and every other one takes
     * its default-run default (budgets, seeds) instead of the main job's.
     */
    public Settings inDefaultMode() {
        String defaultMode = Property.MODE.defaultFor(false);
        return from(key -> key.equals(Property.MODE.key()) ? defaultMode : source.apply(key));
    }

    /** A property's value: as given, or the default of this run's mode. */
    public <T> T get(Property<T> property) {
        @SuppressWarnings("unchecked")
        T value = (T) values.get(property);
        return value;
    }

    /** Whether a check is in this run's {@code wg.check} filter. */
    public boolean selects(Check check) {
        return checks.contains(check);
    }

    /**
     * The properties given to this run as options for another JVM ({@code -Dkey=value}), paths made
     * absolute: the one way the programs and test JVMs a run starts receive its settings.
     */
    public List<String> asJvmOptions() {
        List<String> options = new ArrayList<>();
        for (Property<?> property : Property.all()) {
            String given = given(property);
            if (given != null && !given.isBlank()) {
                options.add(property.option(property.type().forAnotherJvm(given.trim(), root)));
            }
        }
        return options;
    }

    private String given(Property<?> property) {
        return source.apply(property.key());
    }

    private String valueOrDefault(Property<?> property) {
        String given = given(property);
        boolean useDefault = given == null || (given.isBlank() && property.type().emptyMeansDefault());
        return useDefault ? property.defaultFor(mainJob) : given.trim();
    }

    /** The property's value; on a refusal, the problem is noted and the default stands in. */
    private <T> T read(Property<T> property) {
        String text = valueOrDefault(property);
        try {
            return property.type().read(text);
        } catch (ValueType.Refused refused) {
            String shown = "-D" + property.key() + "=" + text;
            problems.add(shown + (refused.getMessage() == null ? " cannot be used" : ": " + refused.getMessage())
                    + "; " + property.key() + " accepts " + property.accepts());
            return property.type().read(property.defaultFor(mainJob));
        }
    }
}
