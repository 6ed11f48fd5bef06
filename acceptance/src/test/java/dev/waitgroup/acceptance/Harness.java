package dev.waitgroup.acceptance;

import dev.waitgroup.catalogue.Check;
import dev.waitgroup.catalogue.Suite;
import dev.waitgroup.record.CheckResult;
import dev.waitgroup.record.MutationResults;
import dev.waitgroup.record.ResultsFiles;
import dev.waitgroup.record.SuiteResults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs the harness as a user does, with {@code java} on the jars the build made, and reads back what it
 * said: the exit status, the output, and the results folder. Every run is bounded.
 */
final class Harness {
    /** The project folder: these tests run in their module's folder, as Surefire starts them. */
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    /** Where the tests' own files go (the plug-in jar, each run's output): this module's build folder, not /tmp. */
    static final Path TARGET = ROOT.resolve("acceptance").resolve("target");
    private static final long BOUND_MINUTES = 5;

    /** How a run ended. */
    record Run(int exit, String output, Path results) {
        SuiteResults suite(Suite suite) {
            return ResultsFiles.read(ResultsFiles.of(results, suite));
        }

        MutationResults mutation() {
            return ResultsFiles.readMutation(results.resolve(MutationResults.FILE));
        }

        Optional<CheckResult> verdict(Suite suite, String implementation, Check check) {
            return suite(suite).results().stream()
                    .filter(r -> r.implementation().equals(implementation) && r.check() == check).findFirst();
        }
    }

    private Harness() {
    }

    /**
     * A suite's runner, as the methods below start it, while {@code meanwhile} watches the running process
     * on a thread of its own (to kill one of its JVMs, say).
     */
    static Run suite(Suite suite, Path results, Consumer<Process> meanwhile, String... properties) {
        List<String> launch = switch (suite) {
            case CONTRACT -> List.of("-jar", jar("contract-tests", "contract-suite.jar"));
            case LINCHECK -> List.of("-jar", jar("lincheck-tests", "lincheck-suite.jar"));
            case EXPLORATION -> List.of("-jar", jar("exploration-tests", "exploration-suite.jar"));
            case FRAY -> List.of("-jar", jar("fray-tests", "fray-suite.jar"));
            case JCSTRESS -> List.of("-cp", jar("stress-tests", "jcstress.jar"), "dev.waitgroup.jcstress.runner.JcstressSuite");
        };
        return java(results, launch, meanwhile, properties);
    }

    /** The contract suite ({@code java -jar contract-tests/target/contract-suite.jar}) with these properties. */
    static Run contract(Path results, String... properties) {
        return java(results, List.of("-jar", jar("contract-tests", "contract-suite.jar")), properties);
    }

    static Run lincheck(Path results, String... properties) {
        return java(results, List.of("-jar", jar("lincheck-tests", "lincheck-suite.jar")), properties);
    }

    static Run exploration(Path results, String... properties) {
        return java(results, List.of("-jar", jar("exploration-tests", "exploration-suite.jar")), properties);
    }

    /** The Fray suite: where the machine has no JDK 25, each verdict is not-run with the reason. */
    static Run fray(Path results, String... properties) {
        return java(results, List.of("-jar", jar("fray-tests", "fray-suite.jar")), properties);
    }

    static Run jcstress(Path results, String... properties) {
        return java(results, List.of("-cp", jar("stress-tests", "jcstress.jar"),
                "dev.waitgroup.jcstress.runner.JcstressSuite"), properties);
    }

    /**
     * The mutation score ({@code java -jar mutation/target/mutation.jar}), while {@code meanwhile} watches
     * the running process.
     */
    static Run mutation(Path results, Consumer<Process> meanwhile, String... properties) {
        return java(results, List.of("-jar", jar("mutation", "mutation.jar")), meanwhile, properties);
    }

    /** The benchmarks ({@code java -cp benchmarks/target/benchmarks.jar ...BenchmarkRunner}); Go is left out. */
    static Run benchmarks(Path results, String... properties) {
        List<String> withoutGo = new ArrayList<>(List.of("wg.go=none"));
        withoutGo.addAll(List.of(properties));
        return java(results, List.of("-cp", jar("benchmarks", "benchmarks.jar"), "dev.waitgroup.bench.BenchmarkRunner"),
                withoutGo.toArray(new String[0]));
    }

    /** The report of a results folder, written under {@code out}. */
    static Run report(Path results, Path out, String... properties) {
        return java(results, List.of("-jar", jar("reports", "reports.jar"), out.toString()), properties);
    }

    /** The plug-in jar's {@code -Dwg.classpath}. */
    static String plugIns() {
        return "wg.classpath=" + PlugIns.jar();
    }

    private static String jar(String module, String name) {
        Path jar = ROOT.resolve(module).resolve("target").resolve(name);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is not built: run the build (mvn verify) first");
        }
        return jar.toString();
    }

    private static Run java(Path results, List<String> launch, String... properties) {
        return java(results, launch, process -> { }, properties);
    }

    private static Run java(Path results, List<String> launch, Consumer<Process> meanwhile, String... properties) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Map<String, String> given = new LinkedHashMap<>();
        given.put("wg.results.dir", results.toString());
        given.put("wg.run.id", "acceptance");
        for (String property : properties) {
            int equals = property.indexOf('=');
            given.put(property.substring(0, equals), property.substring(equals + 1));
        }
        given.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(launch);
        try {
            Path log = Files.createTempFile(Files.createDirectories(TARGET), "wg-acceptance-", ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Thread watcher = new Thread(() -> meanwhile.accept(process), "watching the harness");
            watcher.setDaemon(true);
            watcher.start();
            if (!process.waitFor(BOUND_MINUTES, TimeUnit.MINUTES)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError("the harness did not finish within " + BOUND_MINUTES + " minutes: " + command);
            }
            return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8), results);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
