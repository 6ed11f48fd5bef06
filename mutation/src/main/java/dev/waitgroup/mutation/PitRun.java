package dev.waitgroup.mutation;

import dev.waitgroup.catalogue.Check;
import dev.waitgroup.catalogue.Suite;
import dev.waitgroup.contract.ContractSettings;
import dev.waitgroup.contract.ContractSuite;
import dev.waitgroup.harness.ChildJvm;
import dev.waitgroup.harness.Implementation;
import dev.waitgroup.harness.Implementations;
import dev.waitgroup.harness.run.Attempt;
import dev.waitgroup.harness.run.BoundedRunner;
import dev.waitgroup.harness.run.Death;
import dev.waitgroup.harness.run.Engine;
import dev.waitgroup.harness.run.Unreached;
import dev.waitgroup.record.Evidence;
import dev.waitgroup.record.Folders;
import dev.waitgroup.record.MutationScore;
import dev.waitgroup.settings.InternalProperty;
import dev.waitgroup.settings.Property;
import dev.waitgroup.settings.Settings;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

/**
 * One PIT run per implementation: PIT's command line in a JVM of its own, mutating the
 * implementation's classes (its class and its nested classes) in the jar or folder they come from, and
 * running the contract suite's check classes (JUnit classes) on each mutant with {@code wg.fail.tests=true}, so that a
 * verdict that is a defect fails the JUnit test PIT watches.
 *
 * <p>Why the contract suite only: PIT decides which tests run a mutant from the coverage it records;
 * under Lincheck, whose agent re-transforms the classes it runs, PIT recorded no coverage of the
 * implementation at all (every mutant "no coverage"), and jcstress runs its tests in VMs of its own,
 * out of PIT's sight. Measured, not assumed: see the module's README section in the project README.
 */
final class PitRun implements Engine<Implementation, MutationScore> {
    static final String PIT_MAIN = "org.pitest.mutationtest.commandline.MutationCoverageReport";
    /** PIT's default mutators plus wg-lab's two concurrency mutators (see {@code mutators}). */
    static final String MUTATORS = "DEFAULTS,WG_SIGNAL_ONE,WG_CAS_AS_SET";
    /** Methods not mutated: forensics only ({@code toString} feeds the hang evidence, not the contract). */
    static final String EXCLUDED_METHODS = "toString";
    /**
     * The contract suite's check classes, by name, as PIT's {@code --targetTests} takes them: PIT runs
     * whatever it is given here, so the checks need no name that marks them as tests.
     */
    static final String TESTS = ContractSuite.CHECK_CLASSES.stream().map(Class::getName)
            .collect(Collectors.joining(","));

    private final Settings settings;
    private final MutationSettings mutation;
    private final Path work;
    private final Path testClasses;
    private final Equivalence equivalence = Equivalence.declared();
    private final Consumer<MutationScore> scores;

    /** @param scores takes each implementation's score as it is measured */
    PitRun(Settings settings, Consumer<MutationScore> scores) throws IOException {
        this.settings = settings;
        this.scores = scores;
        this.mutation = MutationSettings.of(settings);
        this.work = settings.resultsDir.toAbsolutePath().resolve("work").resolve("mutation");
        this.testClasses = testClasses(work.resolve("test-classes"));
    }

    List<String> notes() {
        return List.of("PIT " + pitVersion() + " (pitest-junit5-plugin) on the contract suite's check classes ("
                        + ContractSuite.CHECK_CLASSES.stream().map(Class::getSimpleName).collect(Collectors.joining(", "))
                        + ") with " + InternalProperty.FAIL_TESTS.option(true),
                "mutators: " + MUTATORS + "; not mutated: " + EXCLUDED_METHODS + " (forensics only)",
                "a mutant is killed when a check's verdict becomes a defect (failure, hang, contradicted claim) or PIT's"
                        + " timeout fires; equivalent mutants are declared in equivalent-mutants.tsv with the reason");
    }

    /** Measures each implementation in a PIT JVM of its own, under the bounded runner and the mutation budget. */
    void measure(List<Implementation> implementations) throws IOException, InterruptedException {
        List<List<Implementation>> one = implementations.stream().map(List::of).toList();
        new BoundedRunner<>(this, work).run(one, 1);
    }

    @Override
    public String name() {
        return "mutation run";
    }

    @Override
    public ChildJvm.Spec command(Attempt attempt, List<Implementation> implementations) throws IOException {
        Implementation implementation = implementations.get(0);
        return new ChildJvm.Spec(List.of("-Xmx512m"), launchClasspath(), PIT_MAIN,
                arguments(implementation, attempt.folder()), attempt.folder(), attempt.log());
    }

    /**
     * PIT's mutations.xml when it ended well; nothing when its JVM died, killed or ended with an error, which
     * the runner's crash rule turns into {@link #died}; a score that says why when PIT said it succeeded but
     * wrote no mutations.xml.
     */
    @Override
    public Map<Implementation, MutationScore> collect(Attempt attempt, List<Implementation> implementations,
                                                      ChildJvm.Outcome outcome) throws IOException {
        if (outcome.killed() || outcome.exitCode() != 0) {
            return Map.of();
        }
        Implementation implementation = implementations.get(0);
        Path mutations = attempt.file("mutations.xml");
        if (!Files.exists(mutations)) {
            return Map.of(implementation, notMeasured(implementation, outcome.wall().toMillis(), "PIT ended well but"
                    + " wrote no mutations.xml; log: " + attempt.log() + "\n" + outcome.tail(20)));
        }
        return Map.of(implementation, PitReport.read(implementation.name(), how(), outcome.wall().toMillis(),
                attempt.folder(), new Sources(sourceFolders(implementation)), equivalence,
                CheckNames.of(ContractSuite.CHECK_CLASSES)));
    }

    @Override
    public Implementation implementationOf(Implementation implementation) {
        return implementation;
    }

    @Override
    public String journalKey(Implementation implementation) {
        return implementation.name();
    }

    /** One PIT run may take the mutation budget, exactly: PIT bounds every mutant itself. */
    @Override
    public Duration bound(Implementation implementation) {
        return mutation.budget;
    }

    @Override
    public Duration attemptBound(List<Implementation> implementations) {
        return mutation.budget;
    }

    /** PIT's JVM does not journal: when it was ended, the one implementation it measures was running. */
    @Override
    public List<Implementation> runningAtEnd(Attempt attempt, List<Implementation> implementations,
                                             ChildJvm.Outcome outcome, java.util.Optional<Implementation> journaled) {
        return implementations;
    }

    @Override
    public List<String> dumpNeedles(Implementation implementation) {
        return List.of(implementation.type().getName(), "org.pitest");
    }

    /** A score that says how PIT's JVM ended, with its last output when that is the evidence. */
    @Override
    public MutationScore died(Implementation implementation, Death death) {
        StringBuilder why = new StringBuilder("PIT's JVM, bounded by " + Property.MUTATION_IMPL_BUDGET.key() + "="
                + mutation.budget.toMinutes() + "m, did not finish: " + death.message());
        death.evidence().stream().filter(piece -> piece.kind() == Evidence.Kind.OUTPUT)
                .forEach(piece -> why.append("\n").append(piece.caption()).append(":\n").append(piece.text()));
        return notMeasured(implementation, death.millis(), why.toString());
    }

    @Override
    public MutationScore unreached(Implementation implementation, Unreached why) {
        return notMeasured(implementation, 0, why.message());
    }

    @Override
    public void record(Implementation implementation, MutationScore score) {
        scores.accept(score);
    }

    private MutationScore notMeasured(Implementation implementation, long millis, String why) {
        return new MutationScore(implementation.name(), how(), millis, 0, 0, 0, 0, 0, 0, why, List.of());
    }

    private String how() {
        return "PIT " + pitVersion() + ", contract suite, mutators " + MUTATORS;
    }

    private List<String> arguments(Implementation implementation, Path report) throws IOException {
        String type = implementation.type().getName();
        List<String> classpath = new ArrayList<>();
        classpath.add(testClasses.toString());
        Implementations.classpathEntries(settings.classpath).forEach(entry -> classpath.add(entry.toString()));
        List<String> jvmArgs = new ArrayList<>(ContractSuite.TEST_JVM_OPTIONS);
        jvmArgs.add(Property.IMPL.option(implementation.selector()));
        jvmArgs.add(Property.CLASSPATH.option(String.join(File.pathSeparator, classpath.subList(1, classpath.size()))));
        jvmArgs.add(Property.RESULTS_DIR.option(report.resolve("verdicts")));
        jvmArgs.add(InternalProperty.FAIL_TESTS.option(true));
        jvmArgs.add(InternalProperty.CHECK_BOUND.option(ContractSettings.of(settings).checkBound.toMillis()));
        jvmArgs.add(InternalProperty.PAIRS.option(pairs(implementation, report)));
        return List.of("--reportDir", report.toString(),
                "--targetClasses", type + "," + type + "$*",
                "--targetTests", TESTS,
                "--classPath", String.join(",", classpath),
                "--mutableCodePaths", codeSource(implementation),
                "--sourceDirs", String.join(",", sourceFolders(implementation)),
                "--mutators", MUTATORS,
                "--excludedMethods", EXCLUDED_METHODS,
                "--outputFormats", "XML,HTML",
                "--timestampedReports=false",
                "--exportLineCoverage",
                "--threads", String.valueOf(Math.max(1, Runtime.getRuntime().availableProcessors())),
                "--timeoutConst", "4000",
                "--jvmArgs", String.join(",", jvmArgs));
    }

    /**
     * The (implementation, check) pairs the test JVMs run ({@link InternalProperty#PAIRS}): the contract
     * checks {@code wg.check} selects that apply to this implementation (a check of a claim it does not
     * make is not its to pass). A file, because PIT splits its JVM arguments at commas.
     */
    private Path pairs(Implementation implementation, Path report) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (Check check : Check.of(Suite.CONTRACT)) {
            if (settings.selects(check) && check.applies().to(implementation.kind(), implementation.documentedReuse())) {
                lines.append(implementation.name()).append('\t').append(check.id()).append('\n');
            }
        }
        return Files.writeString(report.resolve("pairs.tsv"), lines);
    }

    /**
     * This JVM's class path, spelled out: PIT, its JUnit 5 plugin, wg-lab's mutators, the suite and the
     * library. A jar's manifest {@code Class-Path} (as {@code java -jar mutation.jar} has) is expanded:
     * PIT reads the class path entries themselves, not what a manifest adds.
     */
    static List<String> launchClasspath() throws IOException {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            File file = new File(entry).getAbsoluteFile();
            entries.add(file.toString());
            if (file.isFile() && file.getName().endsWith(".jar")) {
                try (JarFile jar = new JarFile(file)) {
                    java.util.jar.Manifest manifest = jar.getManifest();
                    String classPath = manifest == null ? null
                            : manifest.getMainAttributes().getValue(java.util.jar.Attributes.Name.CLASS_PATH);
                    if (classPath != null) {
                        for (String relative : classPath.trim().split("\\s+")) {
                            entries.add(new File(file.getParentFile(), relative).toString());
                        }
                    }
                }
            }
        }
        return entries;
    }

    private static String codeSource(Implementation implementation) {
        try {
            return Path.of(implementation.type().getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("cannot tell where " + implementation.type().getName() + " was loaded from", e);
        }
    }

    /** {@code mutation.sources}, or else the built-in library's sources when the project is at hand. */
    private List<String> sourceFolders(Implementation implementation) {
        List<String> folders = new ArrayList<>();
        for (String folder : mutation.sources.split("[" + File.pathSeparator + ",]")) {
            if (!folder.isBlank()) {
                folders.add(Path.of(folder.trim()).toAbsolutePath().toString());
            }
        }
        if (folders.isEmpty()) {
            folders.add(settings.root.resolve("wg-impl").resolve("src").resolve("main").resolve("java").toString());
        }
        return folders;
    }

    /**
     * PIT finds test classes only in folders, not in jars: the contract suite's classes are copied out
     * of its jar into {@code folder} (used as they are when they already live in a folder).
     */
    private static Path testClasses(Path folder) throws IOException {
        Path source;
        try {
            source = Path.of(ContractSuite.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate the contract suite's classes", e);
        }
        if (Files.isDirectory(source)) {
            return source;
        }
        Folders.delete(folder);
        String prefix = ContractSuite.class.getPackageName().replace('.', '/') + "/";
        try (JarFile jar = new JarFile(source.toFile())) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                if (entry.isDirectory() || !entry.getName().startsWith(prefix)) {
                    continue;
                }
                Path target = folder.resolve(entry.getName());
                Files.createDirectories(target.getParent());
                try (InputStream in = jar.getInputStream(entry)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return folder;
    }

    private static String pitVersion() {
        try (InputStream in = PitRun.class.getResourceAsStream(
                "/META-INF/maven/org.pitest/pitest/pom.properties")) {
            if (in == null) {
                return "";
            }
            java.util.Properties properties = new java.util.Properties();
            properties.load(in);
            return properties.getProperty("version", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
