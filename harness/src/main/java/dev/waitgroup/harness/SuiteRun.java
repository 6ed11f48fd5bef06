package dev.waitgroup.harness;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.waitgroup.catalogue.Bug;
import dev.waitgroup.catalogue.Check;
import dev.waitgroup.catalogue.ImplementationKind;
import dev.waitgroup.catalogue.Suite;
import dev.waitgroup.record.CheckResult;
import dev.waitgroup.record.Evidence;
import dev.waitgroup.record.Expected;
import dev.waitgroup.record.ResultsFiles;
import dev.waitgroup.record.RunInfo;
import dev.waitgroup.record.SuiteRecorder;
import dev.waitgroup.record.Verdict;
import dev.waitgroup.settings.CannotStart;
import dev.waitgroup.settings.InternalProperty;
import dev.waitgroup.settings.Property;
import dev.waitgroup.settings.Settings;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One suite's run, from the runner's side: what every suite does before and after its engine runs.
 *
 * <ol>
 *   <li>Reads the settings and resolves the selection; a bad property, an unknown class, a class
 *       that is not a WaitGroup, or a constructor that throws, hangs or exits the JVM (tried in a
 *       JVM of its own) stops the run at once with exit status 2 and one message naming it.</li>
 *   <li>Writes the manifest, every verdict it promises (this shard's implementations x the suite's
 *       checks, as {@code wg.check} narrows them and as each check applies), into the results file,
 *       marked incomplete.</li>
 *   <li>Lets the suite record verdicts; then marks the file complete. A run cut short leaves an
 *       incomplete file whose missing verdicts the gate names.</li>
 * </ol>
 * Exit status 0 means the suite ran, not that everything passed: verdicts are the gate's to judge,
 * so that one broken implementation never hides the others' results.
 */
public final class SuiteRun {
    public final Suite suite;
    public final Settings settings;
    public final RunInfo run;
    public final List<Implementation> implementations;
    public final SuiteRecorder recorder;
    public final PrintStream out = System.out;
    private final Map<String, List<Check>> expected = new LinkedHashMap<>();
    private final Reproduce reproduce;
    /** The settings specimens are checked with ({@link #settingsFor}): the run's in a default run. */
    private final Settings specimenSettings;
    /** Where a reproduce command writes its results: apart from the run it reproduces. */
    static final String REPRODUCE_RESULTS = "target/wg-reproduce";
    /**
     * The detail of a verdict that names what replays exactly its failure, as {@code -Dkey=value} options
     * separated by spaces (a Fray verdict's recording: {@code -Dfray.replay=<folder>}): its reproduce
     * command carries them.
     */
    public static final String REPLAY_DETAIL = "replay";
    /** A run with at most this many verdicts that are not passes prints their evidence in full. */
    private static final int SHOWN_IN_FULL = 3;

    /** How this suite reruns one check on one implementation, for the reproduce command of a verdict. */
    @FunctionalInterface
    public interface Reproduce {
        /** The command line after {@code java} and the selection properties, e.g. {@code -jar x.jar}. */
        String launch(SuiteRun run);
    }

    private SuiteRun(Suite suite, Settings settings, List<Implementation> implementations, Reproduce reproduce) {
        this.suite = suite;
        this.settings = settings;
        this.implementations = implementations;
        this.reproduce = reproduce;
        this.specimenSettings = settings.mainJob ? settings.inDefaultMode() : settings;
        this.run = new RunInfo(settings.runId, settings.mode, settings.selection, settings.checkFilter, settings.shard,
                RunInfo.thisJvm(), Runtime.version().feature());
        this.recorder = new SuiteRecorder(suite, run, ResultsFiles.of(settings.resultsDir, suite));
    }

    /**
     * Starts a suite run: checks the settings and the selection, probes it, and writes the manifest.
     *
     * @throws CannotStart naming the property, class or constructor at fault; nothing is written then
     */
    public static SuiteRun start(Suite suite, Reproduce reproduce) {
        Settings settings = Settings.forRun();
        List<Implementation> selection = Implementations.select(settings.selection, settings.classpath);
        Map<String, Probe.Finding> problems = probe(settings, selection, suite.id());
        SuiteRun run = new SuiteRun(suite, settings, Shards.part(settings.shard, suite, selection), reproduce);
        run.probeProblems.putAll(problems);
        run.plan();
        return run;
    }

    private final Map<String, Probe.Finding> probeProblems = new LinkedHashMap<>();

    /** What the probe found about an implementation's basic calls. */
    public Probe.Finding probed(Implementation implementation) {
        return probeProblems.getOrDefault(implementation.name(), Probe.Finding.NONE);
    }

    private void plan() {
        int promised = 0;
        for (Implementation implementation : implementations) {
            recorder.implementation(implementation.info());
            List<Check> checks = new ArrayList<>();
            for (Check check : Check.of(suite)) {
                if (settings.selects(check) && check.applies().to(implementation.kind(), implementation.documentedReuse())
                        && meets(check, implementation)) {
                    checks.add(check);
                }
            }
            recorder.expect(checks.stream().map(c -> new Expected(implementation.name(), c)).collect(Collectors.toList()));
            promised += checks.size();
            checks.removeIf(check -> judgedByTheProbe(implementation, check));
            expected.put(implementation.name(), checks);
        }
        if (!settings.shard.isWhole()) {
            recorder.note("shard " + settings.shard + ": " + implementations.stream().map(Implementation::name)
                    .collect(Collectors.joining(", ")));
        }
        List<String> notChecked = new ArrayList<>();
        expected.forEach((name, checks) -> {
            if (checks.isEmpty()) {
                notChecked.add(name);
            }
        });
        if (!settings.mainJob) {
            recorder.note("a default run checks each specimen only with the checks designed to catch its bug");
        }
        if (!notChecked.isEmpty() && !settings.mainJob) {
            recorder.note("not checked in a default run, their bugs are other suites' to catch (the stress run checks"
                    + (suite == Suite.JCSTRESS ? " each with the jcstress checks written for its bug"
                    : " every specimen everywhere") + "): " + String.join(", ", notChecked));
        }
        if (settings.mainJob && suite != Suite.JCSTRESS) {
            recorder.note("in the main job a specimen is checked with the default run's budgets and seeds, which"
                    + " catch each one; the deeper search goes to the implementations");
        }
        if (!notChecked.isEmpty() && settings.mainJob && suite == Suite.JCSTRESS) {
            recorder.note("in the main job jcstress checks a specimen with the checks written for its bug; no jcstress"
                    + " check is written for these, whose bugs are other suites' to catch: " + String.join(", ", notChecked));
        }
        recorder.write();
        long selected = Check.of(suite).stream().filter(settings::selects).count();
        out.printf("%s suite: %d verdicts to come, %d checks x %d implementations where they apply (%s mode%s)%n",
                suite.id(), promised, selected, implementations.size() - notChecked.size(), settings.mode,
                settings.shard.isWhole() ? "" : ", shard " + settings.shard);
    }

    /**
     * Whether {@code implementation} meets {@code check} in this run. An implementation meets every
     * check. A suite that explores the contract meets every specimen: it is written for no bug, so its
     * power is measured on all of them. Otherwise, in a default run, a specimen meets only the checks
     * designed to catch its bug in the suites that must catch it: the verdicts the gate needs to know the
     * harness still has its teeth (jcstress must catch a specimen only in the main job). The main job
     * puts every specimen through every check, to show everything that catches it, but for jcstress's:
     * there a specimen meets the checks written for its bug. Each jcstress test configuration costs a
     * forked JVM whatever the budget (about 3 s), and sixteen specimens through every test would take
     * 30 to 40 minutes on 2 cores, spent on verdicts the other suites already give; the budget goes to
     * the implementations a team adopts instead. The other suites put specimens through every check
     * with the default run's budgets and seeds ({@link #settingsFor}).
     */
    private boolean meets(Check check, Implementation implementation) {
        if (implementation.kind() != ImplementationKind.SPECIMEN || suite.explores()) {
            return true;
        }
        Bug bug = implementation.bug();
        if (suite == Suite.JCSTRESS) {
            return settings.mainJob && check.catches().contains(bug);
        }
        return settings.mainJob || bug.mustBeCaughtBy().contains(suite) && check.catches().contains(bug);
    }

    /**
     * A check this suite's engine cannot run on what the probe found: a call that never returns hangs an
     * engine that waits for every call (a jcstress actor, a thread of Lincheck's stress strategy), and an
     * implementation that ends the JVM (or exhausts its heap) in its basic calls ends every engine but
     * the contract suite's, which contains it check by check. Such a check gets its verdict here.
     */
    private boolean judgedByTheProbe(Implementation implementation, Check check) {
        Probe.Finding found = probed(implementation);
        CheckResult verdict = null;
        if (found.kind() == Probe.Kind.ENDS_THE_JVM && suite != Suite.CONTRACT) {
            verdict = CheckResult.of(implementation.name(), check, Verdict.FAIL, 0, suite.how(), "not run: "
                    + found.text() + ", which would end the " + suite.id() + " run too (the contract suite shows it"
                    + " check by check)");
        } else if (found.kind() == Probe.Kind.HANGS && check.waitsForEveryCall(suite)) {
            verdict = CheckResult.of(implementation.name(), check, Verdict.TIMEOUT, 0, suite.how(), "not run: "
                    + found.text() + ", and this engine waits for every call it makes: it would hang with it");
        }
        if (verdict == null) {
            return false;
        }
        record(found.frames() == null ? verdict : verdict.withEvidence(new Evidence(Evidence.Kind.STACK_TRACE,
                "what the probe saw", found.frames())));
        return true;
    }

    /** The checks promised for one implementation, in catalogue order. */
    public List<Check> expectedChecks(Implementation implementation) {
        return expected.getOrDefault(implementation.name(), List.of());
    }

    /** Records a verdict, with the command that reproduces it when it is not a pass. */
    public void record(CheckResult result) {
        CheckResult withCommand = result;
        if (result.reproduce() == null && result.verdict() != Verdict.PASS) {
            Implementation implementation = named(result.implementation());
            if (implementation != null) {
                Object replay = result.details().get(REPLAY_DETAIL);
                withCommand = result.withReproduce(reproduceCommand(implementation, result.check(),
                        replay == null ? "" : replay.toString()));
            }
        }
        recorder.record(withCommand);
    }

    private Implementation named(String name) {
        for (Implementation implementation : implementations) {
            if (implementation.name().equals(name)) {
                return implementation;
            }
        }
        return null;
    }

    /** One shell command that reruns just this check on just this implementation. */
    public String reproduceCommand(Implementation implementation, Check check) {
        return reproduceCommand(implementation, check, "");
    }

    /**
     * One shell command that reruns just this check on just this implementation, with {@code replay}
     * ({@link #REPLAY_DETAIL}'s options, or empty) to replay exactly the failure a verdict saw.
     */
    public String reproduceCommand(Implementation implementation, Check check, String replay) {
        Settings checkedWith = settingsFor(implementation);
        List<String> command = new ArrayList<>(List.of("java", Property.IMPL.option(implementation.selector())));
        if (!implementation.classpath().isEmpty()) {
            command.add(Property.CLASSPATH.option(implementation.classpath()));
        }
        command.add(Property.CHECK.option(check.id()));
        if (checkedWith.mainJob) {
            command.add(Property.MODE.option(Property.MODE.defaultFor(true)));
        }
        if (suite == Suite.EXPLORATION) {
            command.add(Property.EXPLORATION_SEED.option(
                    checkedWith.get(Property.EXPLORATION_SEED).forRun(checkedWith.runId)));
        }
        if (suite == Suite.FRAY) {
            command.add(Property.FRAY_SEED.option(checkedWith.get(Property.FRAY_SEED).forRun(checkedWith.runId)));
            if (!checkedWith.get(Property.FRAY_JDK).isEmpty()) {
                command.add(Property.FRAY_JDK.option(checkedWith.get(Property.FRAY_JDK)));
            }
        }
        if (!replay.isBlank()) {
            command.add(replay.trim());
        }
        command.add(Property.RESULTS_DIR.option(REPRODUCE_RESULTS));
        command.add(reproduce.launch(this));
        return String.join(" ", command);
    }

    /** A path as a reader types it: relative to the project folder when it lies inside it. */
    public String shown(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(settings.root) ? settings.root.relativize(absolute).toString() : absolute.toString();
    }

    /** The jar (or folder) this class was loaded from, as a reader types it. */
    public String shownCodeSource(Class<?> type) {
        try {
            return shown(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return "<" + type.getName() + "'s jar>";
        }
    }

    /** This JVM's class path, followed by the plug-in jars: what a test JVM of this run needs. */
    public List<String> testClasspath() {
        return testClasspath(settings);
    }


    /** {@code wg.classpath} with every entry absolute: what a JVM started in another folder is given. */
    public String pluginClasspath() {
        return Implementations.classpathEntries(settings.classpath).stream().map(File::toString)
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** The settings a test JVM checking {@code implementation} is given, as -D options ({@link #settingsFor}). */
    public List<String> settingsOptions(Implementation implementation) {
        return settingsFor(implementation).asJvmOptions();
    }

    /**
     * The settings {@code implementation} is checked with: the run's, except that in the main job a
     * specimen is checked with the default run's budgets and seeds (what the user gave still holds).
     * A specimen is there to be caught, and the default run's search catches each one (its own checks
     * and the explorations); the main job's deeper search, which took about 70% of the Lincheck,
     * exploration and Fray suites' time when specimens had it too, goes to the WaitGroups a team adopts.
     * jcstress, whose budget is per test and not per search, chooses its specimens' checks instead
     * ({@link #meets}).
     */
    public Settings settingsFor(Implementation implementation) {
        boolean specimen = implementation.kind() == ImplementationKind.SPECIMEN;
        return specimen && suite != Suite.JCSTRESS ? specimenSettings : settings;
    }

    /** Marks the run complete, writes it, and prints the tally. */
    public void finish() {
        recorder.finish();
        Map<String, Long> tally = recorder.results().stream() // the labels the report uses: "hang", not TIMEOUT
                .collect(Collectors.groupingBy(r -> r.verdict().label(), LinkedHashMap::new, Collectors.counting()));
        List<CheckResult> notPassed = recorder.results().stream().filter(r -> r.verdict() != Verdict.PASS)
                .collect(Collectors.toList());
        boolean inFull = notPassed.size() <= SHOWN_IN_FULL;
        for (CheckResult result : notPassed) {
            out.printf("%s suite: %s %s on %s: %s%n", suite.id(), result.verdict().label(), result.check().id(),
                    result.implementation(), result.message());
            for (Evidence evidence : inFull ? result.evidence() : List.<Evidence>of()) {
                out.printf("  %s (%s):%n%s%n", evidence.caption(), evidence.kind().id(),
                        evidence.text().indent(4).stripTrailing());
            }
        }
        out.printf("%s suite: %d verdicts %s, results in %s%n", suite.id(), recorder.results().size(), tally,
                shown(recorder.file()));
    }

    /**
     * Tries each implementation in a probe JVM ({@link Probe}) under the bounded runner: a constructor
     * that throws, hangs or ends the JVM stops the run, naming the class; what the basic calls do is
     * returned for the suites to plan with.
     *
     * @param prober who probes, a suite's id: the folder its probe JVMs work in is its own
     */
    static Map<String, Probe.Finding> probe(Settings settings, List<Implementation> selection, String prober) {
        try {
            return ProbeEngine.probe(settings, selection, testClasspath(settings), prober);
        } catch (IOException e) {
            throw new CannotStart("cannot probe the selection: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while probing the selection", e);
        }
    }

    private static List<String> testClasspath(Settings settings) {
        List<String> classpath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            classpath.add(new File(entry).getAbsolutePath());
        }
        for (File entry : Implementations.classpathEntries(settings.classpath)) {
            classpath.add(entry.toString());
        }
        return classpath;
    }
}
