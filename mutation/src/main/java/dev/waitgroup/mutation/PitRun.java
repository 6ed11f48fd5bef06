package dev.waitgroup.mutation;

import dev.waitgroup.catalogue.Check;
import dev.waitgroup.catalogue.Suite;
import dev.waitgroup.contract.ContractSettings;
import dev.waitgroup.contract.ContractSuite;
import dev.waitgroup.harness.ChildJvm;
import dev.waitgroup.harness.Implementation;
import dev.waitgroup.harness.Implementations;
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
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
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
final class PitRun {
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

    PitRun(Settings settings) throws IOException {
        this.settings = settings;
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

    MutationScore measure(Implementation implementation) throws IOException, InterruptedException {
        Path report = work.resolve(implementation.name());
        Folders.delete(report);
        Files.createDirectories(report);
        Path log = report.resolve("pit.log");
        long start = System.nanoTime();
        ChildJvm.Outcome outcome = ChildJvm.run(new ChildJvm.Spec(List.of("-Xmx512m"), launchClasspath(), PIT_MAIN,
                arguments(implementation, report), report, log), ChildJvm.bound(mutation.budget,
                () -> "PIT did not finish within " + Property.MUTATION_IMPL_BUDGET.key() + "="
                        + mutation.budget.toMinutes() + "m"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        String how = "PIT " + pitVersion() + ", contract suite, mutators " + MUTATORS;
        Path mutations = report.resolve("mutations.xml");
        if (outcome.killed() || outcome.exitCode() != 0 || !Files.exists(mutations)) {
            String why = outcome.killed() ? outcome.killedBecause() : "PIT exited with " + outcome.exitCode()
                    + (Files.exists(mutations) ? "" : " and wrote no mutations.xml");
            return new MutationScore(implementation.name(), how, millis, 0, 0, 0, 0, 0, 0,
                    why + "; log: " + log + "\n" + outcome.tail(20), List.of());
        }
        return PitReport.read(implementation.name(), how, millis, report, new Sources(sourceFolders(implementation)),
                equivalence, CheckNames.of(ContractSuite.CHECK_CLASSES));
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
