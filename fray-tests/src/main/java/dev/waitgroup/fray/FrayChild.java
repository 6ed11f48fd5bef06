package dev.waitgroup.fray;

import dev.waitgroup.catalogue.ReuseBehaviour;
import dev.waitgroup.fray.scenario.Scenario;
import dev.waitgroup.fray.scenario.Scenarios;
import dev.waitgroup.fray.scenario.Subject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import kotlinx.serialization.json.Json;
import org.pastalab.fray.core.randomness.Randomness;
import org.pastalab.fray.core.randomness.RandomnessProvider;
import org.pastalab.fray.core.scheduler.PCTScheduler;
import org.pastalab.fray.core.scheduler.POSScheduler;
import org.pastalab.fray.core.scheduler.RandomScheduler;
import org.pastalab.fray.core.scheduler.SURWScheduler;
import org.pastalab.fray.core.scheduler.Scheduler;

/**
 * The main class of the child JVM: runs scenarios on one WaitGroup under Fray, with Fray's core API
 * ({@code TestRunner} over a {@code Configuration}), no JUnit. It must run on the instrumented JDK with
 * Fray's agent and JVMTI library ({@link FrayEngine#command} builds the command line).
 *
 * <pre>
 * explore: --implementation CLASS --reuse ID --scenarios a,b|all --scheduler pos|pct|random|surw
 *          --iterations N --seconds S --seed L --out DIR
 * replay:  --implementation CLASS --reuse ID --scenarios a --replay RECORDING_DIR --out DIR
 * </pre>
 *
 * <p>For each scenario it writes {@code DIR/<scenario>/result.properties} ({@link ResultFile}); a
 * failure's stack trace and Fray's log go to {@code failure.txt}, and its recording (the scheduler's
 * class and every random number it drew, which is what replay feeds back) is copied to
 * {@code recording/}: Fray 0.9.2 writes every failure to the same {@code recording} folder.
 * Exit status 0 when every scenario ran (passed or failed), 2 for bad arguments or a bad class,
 * 3 when this JVM is not a Fray JVM.
 */
public final class FrayChild {
    private FrayChild() {
    }

    public static void main(String[] args) {
        Map<String, String> options;
        List<Scenario> scenarios;
        Subject subject;
        try {
            options = options(args);
            scenarios = Scenarios.select(required(options, "scenarios"));
            subject = Subject.load(required(options, "implementation"), FrayChild.class.getClassLoader(),
                    ReuseBehaviour.of(options.getOrDefault("reuse", "unknown")));
        } catch (IllegalArgumentException e) {
            System.err.println("fray child: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (!isFrayJvm()) {
            System.err.println("fray child: " + System.getProperty("java.home")
                    + " is not a Fray-instrumented JDK (its release file has no IMPLEMENTOR=Fray)");
            System.exit(3);
            return;
        }
        Path out = Path.of(required(options, "out"));
        int status = 0;
        for (Scenario scenario : scenarios) {
            try {
                ResultFile.write(out.resolve(scenario.name()), runScenario(scenario, subject, options,
                        out.resolve(scenario.name())));
            } catch (IOException | RuntimeException e) {
                System.err.println("fray child: " + scenario.name() + ": " + e);
                status = 1;
            }
        }
        System.out.flush();
        System.exit(status);
    }

    private static Properties runScenario(Scenario scenario, Subject subject, Map<String, String> options,
                                          Path folder) throws IOException {
        FrayEngine.deleteTree(folder);
        Files.createDirectories(folder);
        Path report = folder.resolve("fray-report");
        String replay = options.get("replay");
        boolean isReplay = replay != null;
        long seed = Long.parseLong(options.getOrDefault("seed", "0"));
        int iterations = isReplay ? 1 : Integer.parseInt(required(options, "iterations"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "600"));
        RandomnessProvider randomness = new SeededRandomness(seed);
        Scheduler scheduler;
        String schedulerName;
        if (isReplay) {
            Path recording = Path.of(replay);
            schedulerName = Files.readString(recording.resolve("scheduler"), StandardCharsets.UTF_8).trim();
            scheduler = recordedScheduler(recording, schedulerName);
        } else {
            SchedulerKind kind = SchedulerKind.of(options.getOrDefault("scheduler", "pos"));
            schedulerName = kind.id();
            scheduler = scheduler(kind, randomness.getRandomness());
        }
        FrayRun.Result run = FrayRun.run(() -> runOnce(scenario, subject), report, iterations, seconds, scheduler,
                randomness, isReplay, scenario.timing());
        Throwable failure = run.failure();
        long millis = run.millis();
        Properties result = new Properties();
        result.setProperty("scenario", scenario.name());
        result.setProperty("implementation", subject.type().getName());
        result.setProperty("scheduler", schedulerName);
        result.setProperty("seed", Long.toString(seed));
        result.setProperty("timing", scenario.timing().name());
        result.setProperty("millis", Long.toString(millis));
        if (failure == null) {
            result.setProperty("status", "passed");
            result.setProperty("iterations", Integer.toString(run.iteration()));
            return result;
        }
        String frayLog = readIfPresent(report.resolve("fray.log"));
        String defect = frayDefect(failure, frayLog);
        result.setProperty("status", isInternal(failure) || defect != null ? "error" : "failed");
        result.setProperty("iterations", Integer.toString(run.iteration()));
        result.setProperty("failedAt", Integer.toString(run.iteration()));
        result.setProperty("failure", firstLine(failure));
        if (defect != null) {
            result.setProperty("defect", defect);
        }
        Files.writeString(folder.resolve("failure.txt"), stackTrace(failure) + "\n--- fray.log ---\n"
                + frayLog, StandardCharsets.UTF_8);
        Path recording = report.resolve("recording");
        if (!isReplay && Files.isDirectory(recording)) {
            copyTree(recording, folder.resolve("recording"));
        }
        return result;
    }

    /** One execution of the scenario, as Fray's executor calls it; its exception is the failure. */
    private static void runOnce(Scenario scenario, Subject subject) throws Exception {
        scenario.run(subject);
    }

    static Scheduler scheduler(SchedulerKind kind, Randomness randomness) {
        switch (kind) {
            case POS:
                return new POSScheduler(randomness);
            case PCT:
                return new PCTScheduler(randomness, 3, 0);
            case RANDOM:
                return new RandomScheduler(randomness);
            case SURW:
                return new SURWScheduler(randomness);
            default:
                throw new IllegalArgumentException("no scheduler " + kind);
        }
    }

    /** The recorded scheduler, fed the random numbers it drew when the failure happened. */
    private static Scheduler recordedScheduler(Path recording, String className) throws IOException {
        String json = Files.readString(recording.resolve("random.json"), StandardCharsets.UTF_8);
        Randomness recorded = Json.Default.decodeFromString(Randomness.Companion.serializer(), json);
        try {
            return (Scheduler) Class.forName(className).getConstructor(Randomness.class).newInstance(recorded);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot make the recorded scheduler " + className + ": " + e, e);
        }
    }

    /**
     * Why a failure is Fray's rather than the WaitGroup's, or null. Fray 0.9.2 models
     * {@code Semaphore} apart from the JDK's: its model grants a permit to an acquire whose thread is
     * already interrupted, and the JDK's acquire then throws {@code InterruptedException} without taking
     * the real permit, so the model has one permit fewer than the semaphore. A later acquire then waits
     * forever in the model: a DeadlockException that the real code cannot reach. A deadlock with a
     * thread blocked in a Semaphore is therefore inconclusive.
     */
    static String frayDefect(Throwable failure, String frayLog) {
        if (failure.getClass().getName().equals("org.pastalab.fray.runtime.DeadlockException")
                && frayLog.contains("java.util.concurrent.Semaphore.")) {
            return "inconclusive: a deadlock with a thread blocked in a Semaphore, which Fray 0.9.2 models "
                    + "apart from the JDK (it grants a permit to an interrupted acquire that the JDK then "
                    + "refuses, and loses the permit)";
        }
        return null;
    }

    static boolean isFrayJvm() {
        return FrayJdk.isFrayImage(Path.of(System.getProperty("java.home")));
    }

    private static boolean isInternal(Throwable failure) {
        return failure.getClass().getName().equals("org.pastalab.fray.core.FrayInternalError");
    }

    static String firstLine(Throwable failure) {
        String text = failure.toString();
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private static String stackTrace(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    private static String readIfPresent(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no " + file.getFileName() + ")";
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(from)) {
            paths = new ArrayList<>(walk.toList());
        }
        for (Path source : paths) {
            Path target = to.resolve(from.relativize(source).toString());
            if (Files.isDirectory(source)) {
                Files.createDirectories(target);
            } else {
                Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got " + String.join(" ", args));
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing --" + name);
        }
        return value;
    }
}
