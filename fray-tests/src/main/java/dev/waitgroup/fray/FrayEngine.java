package dev.waitgroup.fray;

import dev.waitgroup.catalogue.ReuseBehaviour;
import dev.waitgroup.fray.FrayOutcome.Verdict;
import dev.waitgroup.fray.scenario.Scenario;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Explores WaitGroups under Fray: the entry point for the harness's runner.
 *
 * <p>{@link #prepare()} finds a JDK 25 and builds (or reuses) the instrumented image once per engine;
 * without a JDK 25 every outcome is {@link Verdict#NOT_RUN} with {@link JdkLookup#describe()} as its
 * reason. {@link #explore} then runs scenarios in one child JVM on that image ({@link #command} is its
 * command line), under {@link BoundedProcess}'s watchdog, and reads each scenario's result file.
 * {@link #replay} runs a failure's recording once more and says whether it failed the same way.
 *
 * <p>Invariant: every call returns within the budget's bound plus the kill time, whatever the
 * WaitGroup does, and leaves no process behind.
 */
public final class FrayEngine {
    /** The child JVM's heap: Fray keeps little per iteration. */
    static final String CHILD_HEAP = "-Xmx512m";
    private static final Duration REPLAY_BOUND = Duration.ofMinutes(2);
    /** A child JVM that used less CPU than {@link #IDLE_CPU} for this long is stuck (Fray waits for a lost thread). */
    static final Duration IDLE_BOUND = Duration.ofSeconds(10);
    static final Duration IDLE_CPU = Duration.ofMillis(100);
    /** Beyond Fray's own time limit, what a scenario may take (JVM start-up, the last iteration, writing results). */
    static final Duration SCENARIO_GRACE = Duration.ofSeconds(15);

    private final FrayLayout layout;
    private final Path workRoot;
    private Preparation preparation;

    /**
     * The result of {@link #prepare()}: the image, or why there is none.
     *
     * @param image  the instrumented JDK, or null
     * @param reason for no image: one sentence ("not run: no JDK 25 found; looked in ..."), else empty
     */
    public record Preparation(FrayImage image, String reason) {
        public boolean ready() {
            return image != null;
        }
    }

    /**
     * What to explore: one WaitGroup, some scenarios, one scheduler and seed.
     *
     * @param implementationClass the WaitGroup's class name (public, with a public no-argument constructor)
     * @param classpath           where else to find it: jars or folders joined by the path separator, or empty
     * @param reuse               what it promises on reuse before the previous round's waiters returned
     */
    public record Request(String implementationClass, String classpath, ReuseBehaviour reuse,
                          List<Scenario> scenarios, SchedulerKind scheduler, Budget budget, long seed) {
        public Request {
            scenarios = List.copyOf(scenarios);
            classpath = classpath == null ? "" : classpath;
        }
    }

    public FrayEngine(FrayLayout layout, Path workRoot) {
        this.layout = layout;
        this.workRoot = workRoot.toAbsolutePath().normalize();
    }

    /** An engine on this build's layout ({@link FrayLayout#ofThisBuild()}), working under {@code workRoot}. */
    public static FrayEngine ofThisBuild(Path workRoot) {
        return new FrayEngine(FrayLayout.ofThisBuild(), workRoot);
    }

    /** Finds a JDK 25 and builds or reuses the image, once; later calls return the same answer. */
    public synchronized Preparation prepare() throws InterruptedException {
        if (preparation == null) {
            String missing = layout.missing();
            JdkLookup lookup = FrayJdk.find();
            if (!missing.isEmpty()) {
                preparation = new Preparation(null, "not run: " + missing);
            } else if (!lookup.found()) {
                preparation = new Preparation(null, lookup.describe());
            } else {
                try {
                    preparation = new Preparation(FrayJdk.build(lookup.jdk().get(), layout, FrayJdk.JLINK_BOUND), "");
                } catch (FrayJdkException e) {
                    preparation = new Preparation(null, "not run: " + e.getMessage());
                }
            }
        }
        return preparation;
    }

    /** Explores one scenario with POS, the implementation's reuse behaviour unknown. */
    public FrayOutcome explore(String implementationClass, String classpath, Scenario scenario, Budget budget,
                               long seed) throws InterruptedException {
        return explore(new Request(implementationClass, classpath, ReuseBehaviour.UNKNOWN, List.of(scenario),
                SchedulerKind.POS, budget, seed)).get(0);
    }

    /** Explores every scenario of the request in one child JVM; one outcome per scenario, in order. */
    public List<FrayOutcome> explore(Request request) throws InterruptedException {
        Path out = workRoot.resolve(folderName(request.implementationClass()) + "-" + request.scheduler().id()
                + "-seed" + request.seed());
        Function<List<Scenario>, List<String>> arguments = remaining -> List.of(
                "--implementation", request.implementationClass(),
                "--reuse", request.reuse().id(),
                "--scenarios", remaining.stream().map(Scenario::name).collect(Collectors.joining(",")),
                "--scheduler", request.scheduler().id(),
                "--iterations", Integer.toString(request.budget().iterations()),
                "--seconds", Long.toString(Math.max(1, request.budget().frayTime().toSeconds())),
                "--seed", Long.toString(request.seed()),
                "--out", out.toString());
        return runChild(request.implementationClass(), request.classpath(), request.scenarios(),
                request.scheduler().id(), request.seed(), arguments, out, request.budget().bound(),
                request.budget().frayTime().plus(SCENARIO_GRACE));
    }

    /**
     * Replays a failure's recording once, on the same WaitGroup and scenario.
     *
     * @return the replay's outcome: {@link Verdict#FAILED} with the same {@code failure} when it
     *         reproduced ({@link #reproduces} compares)
     */
    public FrayOutcome replay(FrayOutcome failed, String classpath, ReuseBehaviour reuse, Scenario scenario)
            throws InterruptedException {
        if (failed.recording() == null) {
            throw new IllegalArgumentException("no recording to replay in " + failed.summary());
        }
        return replay(failed.implementation(), classpath, reuse, scenario, failed.recording(), failed.seed());
    }

    /** Replays {@code recording} (a failure's {@code recording/} folder) once. */
    public FrayOutcome replay(String implementationClass, String classpath, ReuseBehaviour reuse, Scenario scenario,
                              Path recording, long seed) throws InterruptedException {
        Path out = recording.toAbsolutePath().getParent().resolve("replay");
        Function<List<Scenario>, List<String>> arguments = remaining -> List.of(
                "--implementation", implementationClass,
                "--reuse", reuse.id(),
                "--scenarios", scenario.name(),
                "--replay", recording.toAbsolutePath().toString(),
                "--out", out.toString());
        return runChild(implementationClass, classpath, List.of(scenario), "replay", seed, arguments, out,
                REPLAY_BOUND, REPLAY_BOUND).get(0);
    }

    /**
     * Runs {@link FrayProbes} in a child JVM and returns its output, or the reason it could not run.
     *
     * @param iterations iterations per probe and timing
     */
    public String probe(int iterations, Duration bound) throws InterruptedException, IOException {
        Preparation ready = prepare();
        if (!ready.ready()) {
            return ready.reason();
        }
        Path out = workRoot.resolve("probes");
        deleteTree(out);
        BoundedProcess.Ended ended = BoundedProcess.run(command(ready.image(), "", FrayProbes.class.getName(),
                List.of("--iterations", Integer.toString(iterations), "--out", out.toString())), out,
                out.resolve("probes.log"), bound);
        try (Stream<String> lines = Files.lines(ended.log())) {
            String probes = lines.filter(l -> l.startsWith("PROBE ")).collect(Collectors.joining("\n"));
            return ended.timedOut() ? probes + "\n(the probes did not finish within " + bound.toSeconds()
                    + " s; log " + ended.log() + ")" : probes;
        }
    }

    /** True if the replay failed with the same failure line as the original. */
    public static boolean reproduces(FrayOutcome original, FrayOutcome replay) {
        return original.verdict() == Verdict.FAILED && replay.verdict() == Verdict.FAILED
                && original.failure().equals(replay.failure());
    }

    /**
     * The child JVM's command line on {@code image}: the image's java with Fray's agent and JVMTI
     * library, this module's class path followed by {@code classpath}, and {@link FrayChild}.
     */
    public List<String> command(FrayImage image, String classpath, List<String> childArguments) throws IOException {
        return command(image, classpath, FrayChild.class.getName(), childArguments);
    }

    /** The command line of a child JVM on {@code image} that runs {@code mainClass} (a Fray-side main). */
    List<String> command(FrayImage image, String classpath, String mainClass, List<String> childArguments)
            throws IOException {
        List<String> entries = new ArrayList<>(layout.childClasspath());
        for (String entry : classpath.split("[" + File.pathSeparator + ",]")) {
            if (!entry.isBlank()) {
                entries.add(Path.of(entry.trim()).toAbsolutePath().toString());
            }
        }
        List<String> command = new ArrayList<>(List.of(
                image.java().toString(),
                "-javaagent:" + layout.agentJar(),
                "-agentpath:" + layout.jvmtiLibrary(),
                "-Dfray.workDir=" + workRoot,
                CHILD_HEAP,
                "-cp", String.join(File.pathSeparator, entries),
                mainClass));
        command.addAll(childArguments);
        return command;
    }

    /**
     * Runs the scenarios in child JVMs until each has an outcome: a scenario that hangs is stopped
     * (after a thread dump) and the child restarted on the scenarios after it, while the overall bound
     * lasts. {@code arguments} gives the child's arguments for the scenarios still to run.
     */
    private List<FrayOutcome> runChild(String implementation, String classpath, List<Scenario> scenarios,
                                       String scheduler, long seed, Function<List<Scenario>, List<String>> arguments,
                                       Path out, Duration bound, Duration perScenario) throws InterruptedException {
        Preparation ready = prepare();
        List<FrayOutcome> outcomes = new ArrayList<>();
        if (!ready.ready()) {
            for (Scenario scenario : scenarios) {
                outcomes.add(FrayOutcome.without(Verdict.NOT_RUN, implementation, scenario.name(), scheduler, seed,
                        ready.reason()));
            }
            return outcomes;
        }
        long deadline = System.nanoTime() + bound.toNanos();
        List<Scenario> remaining = new ArrayList<>(scenarios);
        try {
            deleteTree(out);
            Files.createDirectories(out);
            for (int attempt = 1; !remaining.isEmpty(); attempt++) {
                Duration left = Duration.ofNanos(deadline - System.nanoTime());
                if (left.isNegative() || left.isZero()) {
                    for (Scenario scenario : remaining) {
                        outcomes.add(FrayOutcome.without(Verdict.ERROR, implementation, scenario.name(), scheduler,
                                seed, "not reached within the budget's bound of " + bound.toSeconds() + " s"));
                    }
                    break;
                }
                ProgressWatch watch = new ProgressWatch(out, remaining, perScenario);
                BoundedProcess.Ended ended = BoundedProcess.run(
                        command(ready.image(), classpath, arguments.apply(remaining)), out,
                        out.resolve("child-" + attempt + ".log"), left, watch,
                        ready.image().home().resolve("bin").resolve("jstack"));
                List<Scenario> ran = new ArrayList<>(remaining);
                remaining.clear();
                boolean stopped = false;
                for (Scenario scenario : ran) {
                    Path folder = out.resolve(scenario.name());
                    Properties result = ResultFile.read(folder);
                    if (stopped) {
                        remaining.add(scenario);
                    } else if (result != null) {
                        outcomes.add(outcomeOf(result, implementation, scenario, seed, folder));
                    } else if (ended.timedOut()) {
                        stopped = true;
                        outcomes.add(stalled(implementation, scenario, scheduler, seed, folder, ended));
                    } else {
                        stopped = true;
                        outcomes.add(FrayOutcome.without(Verdict.ERROR, implementation, scenario.name(), scheduler,
                                seed, "the Fray child JVM ended (exit status " + ended.exitCode()
                                        + ") without a result; its output ends with:\n" + ended.tail(15)));
                    }
                }
            }
        } catch (IOException e) {
            for (Scenario scenario : remaining) {
                outcomes.add(FrayOutcome.without(Verdict.ERROR, implementation, scenario.name(), scheduler, seed,
                        "cannot run the Fray child JVM: " + e));
            }
        }
        return outcomes;
    }

    /** The outcome of a scenario whose child JVM was stopped: the WaitGroup's hang, or Fray's. */
    private static FrayOutcome stalled(String implementation, Scenario scenario, String scheduler, long seed,
                                       Path folder, BoundedProcess.Ended ended) throws IOException {
        Files.createDirectories(folder);
        Path dump = folder.resolve("thread-dump.txt");
        Files.writeString(dump, ended.threadDump(), StandardCharsets.UTF_8);
        Optional<String> frays = LostControl.frayStuck(ended.threadDump());
        if (frays.isPresent()) {
            return new FrayOutcome(Verdict.ERROR, implementation, scenario.name(), scheduler, seed, 0, -1, "",
                    ended.wall(), dump, null, "Fray lost control and the run stopped (" + ended.stoppedBecause()
                    + "): " + frays.get() + "; a Fray 0.9.2 defect, not the WaitGroup's (thread dump " + dump + ")",
                    List.of(FrayFacts.LOST_CONTROL));
        }
        return new FrayOutcome(Verdict.HANG, implementation, scenario.name(), scheduler, seed, 0, -1, "",
                ended.wall(), dump, null, "the Fray child JVM was stopped: " + ended.stoppedBecause()
                + "; a thread that never reaches a scheduling point (a spin on a plain field, say) is invisible "
                + "to Fray (thread dump " + dump + ", log " + ended.log() + ")", List.of(FrayFacts.SPIN));
    }

    /**
     * Stops a child JVM that makes no progress: a scenario that runs past its bound (a spin), or a JVM
     * that sits idle (Fray waiting for a thread it lost) for {@link #IDLE_BOUND}.
     */
    private static final class ProgressWatch implements Function<Process, Optional<String>> {
        private final Path out;
        private final List<Scenario> scenarios;
        private final Duration perScenario;
        private long lastResultAt = System.nanoTime();
        private int results;
        private long idleSince = System.nanoTime();
        private Duration lastCpu = Duration.ZERO;

        ProgressWatch(Path out, List<Scenario> scenarios, Duration perScenario) {
            this.out = out;
            this.scenarios = scenarios;
            this.perScenario = perScenario;
        }

        @Override
        public Optional<String> apply(Process process) {
            long now = System.nanoTime();
            int count = 0;
            for (Scenario scenario : scenarios) {
                if (Files.isRegularFile(out.resolve(scenario.name()).resolve(ResultFile.NAME))) {
                    count++;
                }
            }
            if (count != results) {
                results = count;
                lastResultAt = now;
            }
            String current = count < scenarios.size() ? scenarios.get(count).name() : "(exit)";
            if (now - lastResultAt > perScenario.toNanos()) {
                return Optional.of("scenario " + current + " ran past its bound of " + perScenario.toSeconds() + " s");
            }
            Duration cpu = process.info().totalCpuDuration().orElse(null);
            if (cpu == null) {
                return Optional.empty();
            }
            if (cpu.minus(lastCpu).compareTo(IDLE_CPU) > 0) {
                lastCpu = cpu;
                idleSince = now;
            } else if (now - idleSince > IDLE_BOUND.toNanos()) {
                return Optional.of("the child JVM sat idle for " + IDLE_BOUND.toSeconds() + " s in scenario " + current);
            }
            return Optional.empty();
        }
    }

    private static FrayOutcome outcomeOf(Properties result, String implementation, Scenario scenario, long seed,
                                         Path folder) {
        String status = result.getProperty("status", "error");
        Verdict verdict = status.equals("passed") ? Verdict.PASSED
                : status.equals("failed") ? Verdict.FAILED : Verdict.ERROR;
        Path recording = folder.resolve("recording");
        Path evidence = folder.resolve("failure.txt");
        String failure = result.getProperty("failure", "");
        return new FrayOutcome(verdict, implementation, scenario.name(), result.getProperty("scheduler", ""), seed,
                Integer.parseInt(result.getProperty("iterations", "0")),
                Integer.parseInt(result.getProperty("failedAt", "-1")),
                failure,
                Duration.ofMillis(Long.parseLong(result.getProperty("millis", "0"))),
                Files.isRegularFile(evidence) ? evidence : null,
                Files.isDirectory(recording) ? recording : null,
                verdict != Verdict.ERROR ? ""
                        : result.getProperty("defect", "Fray failed: " + failure) + " (see " + evidence + ")",
                FrayFacts.forOutcome(scenario.timing(), failure));
    }

    private static String folderName(String className) {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        return simple.replaceAll("[^A-Za-z0-9_-]", "_").toLowerCase(Locale.ROOT);
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
