package dev.waitgroup.harness;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.waitgroup.harness.run.Attempt;
import dev.waitgroup.harness.run.BoundedRunner;
import dev.waitgroup.harness.run.Death;
import dev.waitgroup.harness.run.Engine;
import dev.waitgroup.harness.run.Journal;
import dev.waitgroup.harness.run.Unreached;
import dev.waitgroup.record.ResultsFiles;
import dev.waitgroup.settings.CannotStart;
import dev.waitgroup.settings.InternalProperty;
import dev.waitgroup.settings.Property;
import dev.waitgroup.settings.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The probe ({@link Probe}) as an engine of the {@link BoundedRunner}: each implementation's two
 * phases, creating a group and making the basic calls, are its units. A JVM the code under test ends
 * or hangs is read like any other engine's: the phase that was running gets the finding, and a fresh
 * JVM probes the rest.
 */
final class ProbeEngine implements Engine<ProbeEngine.Step, Probe.Finding> {
    /** One phase of probing one implementation. */
    record Step(Implementation implementation, String phase) {
    }

    private final Settings settings;
    private final List<String> classpath;
    private final Map<String, Probe.Finding> findings = new LinkedHashMap<>();

    private ProbeEngine(Settings settings, List<String> classpath) {
        this.settings = settings;
        this.classpath = classpath;
    }

    /**
     * Probes the selection: what each implementation's basic calls do, for the suites to plan with.
     *
     * @param prober who probes (a suite's id): its probe JVMs work in a folder of its own, since suites
     *               that run side by side probe at the same time
     * @throws CannotStart naming each class whose constructor throws, hangs or ends the JVM
     */
    static Map<String, Probe.Finding> probe(Settings settings, List<Implementation> selection, List<String> classpath,
                                            String prober) throws IOException, InterruptedException {
        ProbeEngine engine = new ProbeEngine(settings, classpath);
        List<Step> steps = new ArrayList<>();
        for (Implementation implementation : selection) {
            steps.add(new Step(implementation, Probe.CONSTRUCT));
            steps.add(new Step(implementation, Probe.EXERCISE));
        }
        new BoundedRunner<>(engine, settings.resultsDir.toAbsolutePath().resolve("work").resolve(prober).resolve("probe"))
                .run(List.of(steps), 1);
        List<String> fatal = new ArrayList<>();
        engine.findings.values().stream().filter(Probe.Finding::constructionFailed).forEach(f -> fatal.add(f.text()));
        if (!fatal.isEmpty()) {
            throw new CannotStart(Property.IMPL.key() + ": " + String.join("; ", fatal)
                    + "; the harness needs a public no-argument constructor that returns a new group");
        }
        return engine.findings;
    }

    @Override
    public String name() {
        return "probe";
    }

    @Override
    public dev.waitgroup.harness.ChildJvm.Spec command(Attempt attempt, List<Step> steps) {
        List<String> options = new ArrayList<>(settings.asJvmOptions());
        options.add("-Xmx128m");
        options.add(InternalProperty.JOURNAL.option(attempt.journal().file()));
        options.add(Property.IMPL.option(new LinkedHashSet<>(steps.stream().map(s -> s.implementation().selector())
                .toList()).stream().collect(Collectors.joining(","))));
        return new ChildJvm.Spec(options, classpath, Probe.class.getName(), List.of(findingsFile(attempt).toString()),
                attempt.folder(), attempt.log());
    }

    @Override
    public Map<Step, Probe.Finding> collect(Attempt attempt, List<Step> steps, ChildJvm.Outcome outcome)
            throws IOException {
        Path file = findingsFile(attempt);
        Map<String, Probe.Finding> written = !Files.isRegularFile(file) || Files.size(file) == 0 ? Map.of()
                : ResultsFiles.mapper().readValue(file.toFile(), new TypeReference<LinkedHashMap<String, Probe.Finding>>() { });
        Set<String> constructed = constructed(attempt.journal().read());
        Map<Step, Probe.Finding> decided = new LinkedHashMap<>();
        for (Step step : steps) {
            Probe.Finding finding = written.get(step.implementation().name());
            if (finding != null) {
                decided.put(step, step.phase().equals(Probe.CONSTRUCT) && !finding.constructionFailed()
                        ? Probe.Finding.NONE : finding);
            } else if (step.phase().equals(Probe.CONSTRUCT) && constructed.contains(step.implementation().name())) {
                decided.put(step, Probe.Finding.NONE); // the JVM died later: the next one must not create it again
            }
        }
        return decided;
    }

    /**
     * The implementations whose construction the journal shows finished: the findings file is written
     * at the end, so a JVM ended by a later phase leaves only the journal to say so.
     */
    private static Set<String> constructed(List<Journal.Entry> entries) {
        Set<String> names = new HashSet<>();
        for (Journal.Entry entry : entries) {
            if (entry.event() == Journal.Event.END && entry.unit().equals(Probe.CONSTRUCT)) {
                names.add(entry.implementation());
            }
        }
        return names;
    }

    @Override
    public Implementation implementationOf(Step step) {
        return step.implementation();
    }

    @Override
    public String journalKey(Step step) {
        return step.phase();
    }

    /** A probe call is bounded in the child; the JVM gets twice that before it is ended. */
    @Override
    public Duration bound(Step step) {
        return Duration.ofSeconds(2 * Probe.BOUND_SECONDS);
    }

    @Override
    public List<String> dumpNeedles(Step step) {
        return List.of(step.implementation().type().getName(), "wg-probe");
    }

    /** The phase that ended the JVM: a constructor that did stops the run; basic calls that did are planned around. */
    @Override
    public Probe.Finding died(Step step, Death death) {
        Implementation implementation = step.implementation();
        boolean exited = death.kind() == Death.Kind.EXIT;
        String what = death.kind() == Death.Kind.HANG || death.kind() == Death.Kind.TOO_SLOW ? "did not finish"
                : exited ? "called System.exit" : death.kind() == Death.Kind.HALT ? "called Runtime.halt" : "ended the JVM";
        String frames = exited && !death.evidence().isEmpty() ? death.evidence().get(0).text() : null;
        if (step.phase().equals(Probe.CONSTRUCT)) {
            return new Probe.Finding(Probe.Kind.CONSTRUCTOR, "creating a group of " + implementation.type().getName()
                    + " " + what + " (" + death.message() + ")", frames);
        }
        return new Probe.Finding(what.equals("did not finish") ? Probe.Kind.HANGS : Probe.Kind.ENDS_THE_JVM,
                implementation.type().getName() + "'s basic calls (add, done, await) " + what, frames);
    }

    @Override
    public Probe.Finding unreached(Step step, Unreached why) {
        return new Probe.Finding(step.phase().equals(Probe.CONSTRUCT) ? Probe.Kind.CONSTRUCTOR : Probe.Kind.ENDS_THE_JVM,
                "the probe of " + step.implementation().type().getName() + " could not run: " + why.message()
                        + (why.output().isEmpty() ? "" : ". Output:\n" + why.output()), null);
    }

    @Override
    public void record(Step step, Probe.Finding finding) {
        Probe.Finding earlier = findings.get(step.implementation().name());
        if (earlier == null || earlier == Probe.Finding.NONE || finding.constructionFailed()) {
            findings.put(step.implementation().name(), finding);
        }
    }

    private static Path findingsFile(Attempt attempt) {
        return attempt.file("findings.json");
    }
}
