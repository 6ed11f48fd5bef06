package dev.waitgroup.fray;

import dev.waitgroup.catalogue.ReuseBehaviour;
import dev.waitgroup.fray.scenario.Scenario;
import dev.waitgroup.harness.ChildJvm;
import dev.waitgroup.harness.StuckCalls;
import dev.waitgroup.record.Folders;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Runs Fray for the harness, from any JDK 17+: finds a JDK 25 and builds (or reuses) the instrumented
 * image ({@link #prepare()}), then explores one check on one WaitGroup in child JVMs on that image
 * ({@link #run}), or replays one recorded failure ({@link #replay}).
 *
 * <p>A child JVM runs under {@link ChildJvm}'s watchdog with a stall rule ({@link ProgressWatch}): it
 * prints a line as each schedule starts, so a child that prints nothing for a while is stuck. The
 * thread dumps taken before it is killed decide whose fault that was: a scenario thread that stands
 * in the WaitGroup's own code in every dump spins where Fray cannot see it, the WaitGroup's hang;
 * every scenario thread waiting in Fray's scheduler or in JDK code Fray does not schedule is Fray
 * having lost control ({@link LostControl}), which is not the WaitGroup's doing: that unit is not run,
 * and since Fray 0.9.2 loses control of two waiters released together, no unit with two or more
 * waiters runs on that implementation afterwards. A child restarts on the units after a stalled one
 * while the check's bound lasts.
 *
 * <p>Invariant: {@link #run} returns within the request's bound plus the dump and kill time, and leaves
 * no process behind.
 */
public final class FrayEngine {
    /** The child JVM's heap: Fray keeps little per schedule. */
    static final String CHILD_HEAP = "-Xmx384m";
    /** Time kept back from the check's bound for the child's start, its last unit's end and the dumps. */
    static final Duration GRACE = Duration.ofSeconds(12);
    private static final Duration REPLAY_BOUND = Duration.ofMinutes(2);

    private final FrayLayout layout;
    private final Path work;
    private Preparation preparation;

    /**
     * The result of {@link #prepare()}: the image, or why there is none.
     *
     * @param image  the instrumented JDK, or null
     * @param reason without an image, one sentence why ("no JDK 25 found; looked in ..."); else empty
     * @param broken true if there should have been an image (jlink failed, Fray's artifacts are missing):
     *               a harness error rather than Fray not running here
     */
    public record Preparation(FrayImage image, String reason, boolean broken) {
        public boolean ready() {
            return image != null;
        }
    }

    /**
     * What to explore: one check on one WaitGroup.
     *
     * @param implementationClass the WaitGroup's class (public, with a public no-argument constructor)
     * @param classpath           where else to find it: jars or folders joined by the path separator, or empty
     * @param reuse               what it documents on reuse before the previous round's waiters returned
     * @param schedules           schedules per unit
     * @param histories           drawn histories ({@link FrayCheck#HISTORIES} only)
     * @param bound               how long the check may take in all
     * @param shrinkSeconds       how long shrinking a failing drawn history may take
     */
    public record Request(String implementationClass, String classpath, ReuseBehaviour reuse, FrayCheck check,
                          int schedules, int histories, long seed, SchedulerKind scheduler, Duration bound,
                          int shrinkSeconds) {
        public Request {
            classpath = classpath == null ? "" : classpath;
        }
    }

    /**
     * How a check went: a result per unit that ran (in order; the first failed one ends the list), or
     * the reason it could not go on.
     *
     * @param units   the units' results
     * @param hang    the unit in which the WaitGroup spun where Fray cannot see, with the child's thread
     *                dump; null if none
     * @param error   why the check could not be judged (the child ended without results, the bound ran
     *                out); empty if it could
     * @param folder  the check's work folder (logs, each unit's files)
     * @param jvms    child JVMs started
     */
    public record CheckRun(List<UnitResult> units, Hang hang, String error, Path folder, int jvms) {
        public CheckRun {
            units = List.copyOf(units);
        }
    }

    /** A unit whose child JVM was stopped because a thread of the WaitGroup stood still outside Fray's control. */
    public record Hang(String unit, String reason, String threadDump) {
    }

    public FrayEngine(FrayLayout layout, Path work) {
        this.layout = layout;
        this.work = work.toAbsolutePath().normalize();
    }

    /** An engine on this build's layout ({@link FrayLayout#ofThisBuild()}), working under {@code work}. */
    public static FrayEngine ofThisBuild(Path work) {
        return new FrayEngine(FrayLayout.ofThisBuild(), work);
    }

    /** Finds a JDK 25 and builds or reuses the image, once; later calls return the same answer. */
    public synchronized Preparation prepare() throws InterruptedException {
        if (preparation == null) {
            String missing = layout.missing();
            JdkLookup lookup = FrayJdk.find();
            if (!lookup.found()) {
                preparation = new Preparation(null, lookup.describe(), false);
            } else if (!missing.isEmpty()) {
                preparation = new Preparation(null, missing, true);
            } else {
                try {
                    preparation = new Preparation(FrayJdk.build(lookup.jdk().get(), layout, FrayJdk.JLINK_BOUND), "",
                            false);
                } catch (FrayJdkException e) {
                    preparation = new Preparation(null, "the instrumented JDK could not be built: " + e.getMessage(),
                            true);
                }
            }
        }
        return preparation;
    }

    /**
     * Explores {@code request}'s check in as many child JVMs as it takes (see the class comment).
     *
     * @throws IllegalStateException if {@link #prepare()} found no image
     */
    public CheckRun run(Request request) throws InterruptedException, IOException {
        FrayImage image = image();
        Path folder = work;
        Folders.delete(folder);
        Files.createDirectories(folder);
        List<Scenario> units = request.check().units(request.histories(), request.seed());
        List<UnitResult> results = new ArrayList<>();
        long deadline = System.nanoTime() + request.bound().toNanos();
        boolean skipWaiters = false;
        int next = 0;
        int jvms = 0;
        while (next < units.size()) {
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            if (left.compareTo(GRACE) <= 0) {
                return new CheckRun(results, null, "the check's bound of " + request.bound().toSeconds() + " s ran out"
                        + " with " + (units.size() - next) + " of " + units.size() + " units not run", folder, jvms);
            }
            List<Scenario> remaining = units.subList(next, units.size());
            jvms++;
            ChildJvm.Outcome ended = ChildJvm.run(new ChildJvm.Spec(image.java(), childOptions(), childClasspath(
                    request.classpath()), FrayChild.class.getName(), arguments(request, remaining, skipWaiters,
                    left.minus(GRACE)), folder, folder.resolve("child-" + jvms + ".log")),
                    new ProgressWatch(folder.resolve("child-" + jvms + ".log"), folder, left));
            int read = 0;
            for (Scenario unit : remaining) {
                Properties written = ResultFile.read(folder.resolve(unit.name()));
                if (written == null) {
                    break;
                }
                UnitResult result = UnitResult.of(written);
                results.add(result);
                read++;
                if (result.failed()) {
                    return new CheckRun(results, null, "", folder, jvms);
                }
            }
            next += read;
            if (next == units.size()) {
                break;
            }
            Scenario stalled = units.get(next);
            if (!ended.killed()) {
                return new CheckRun(results, null, "the Fray child JVM ended (exit status " + ended.exitCode()
                        + ") without a result for " + stalled.name() + "; its output ends with:\n" + ended.tail(15),
                        folder, jvms);
            }
            String dump = ended.threadDump() == null ? "" : ended.threadDump();
            Optional<String> frays = LostControl.frayStuck(dump);
            if (frays.isPresent()) {
                results.add(UnitResult.notRun(stalled.name(), "Fray lost control (" + ended.killedBecause() + "): "
                        + frays.get()));
                if (LostControl.groupKeepsAThread(dump)) {
                    for (Scenario rest : units.subList(next + 1, units.size())) {
                        results.add(UnitResult.notRun(rest.name(), FrayFacts.notRunAfter(stalled.name())));
                    }
                    break;
                }
                skipWaiters |= stalled.waiters() >= 2;
                next++;
                continue;
            }
            List<String> stuck = ended.stuckCalls(request.implementationClass());
            if (!stuck.isEmpty() && ended.killedBecause().startsWith(ProgressWatch.QUIET_REASON)) {
                return new CheckRun(results, new Hang(stalled.name(), ended.killedBecause() + "; a call stood still in"
                        + " every thread dump: " + stuck.get(0), dump), "", folder, jvms);
            }
            return new CheckRun(results, null, "the Fray child JVM was stopped in " + stalled.name() + " ("
                    + ended.killedBecause() + "), but no call into the WaitGroup stood still in the thread dumps taken"
                    + " before: the child was too slow, which is no hang", folder, jvms);
        }
        return new CheckRun(results, null, "", folder, jvms);
    }

    /**
     * Replays a failure's recording once on the same WaitGroup, in a child JVM.
     *
     * @return the replay's result: {@link UnitResult.Status#FAILED} with the rule when it failed again;
     *         its history is in {@code <work>/replay/history.txt}
     */
    public UnitResult replay(String implementationClass, String classpath, ReuseBehaviour reuse, Path recording)
            throws InterruptedException, IOException {
        FrayImage image = image();
        Folders.delete(work);
        Files.createDirectories(work);
        ChildJvm.Outcome ended = ChildJvm.run(new ChildJvm.Spec(image.java(), childOptions(), childClasspath(classpath),
                FrayChild.class.getName(), List.of("--implementation", implementationClass, "--reuse", reuse.id(),
                "--replay", recording.toAbsolutePath().toString(), "--out", work.toString()), work,
                work.resolve("replay.log")), new ProgressWatch(work.resolve("replay.log"), work, REPLAY_BOUND));
        Properties written = ResultFile.read(work.resolve("replay"));
        if (written == null) {
            return UnitResult.error("replay", "the replay's child JVM " + (ended.killed() ? "was stopped ("
                    + ended.killedBecause() + ")" : "ended (exit status " + ended.exitCode() + ")")
                    + " without a result; its output ends with:\n" + ended.tail(15));
        }
        return UnitResult.of(written);
    }

    /** Where a check's or replay's files are: {@code work}. */
    public Path work() {
        return work;
    }

    /**
     * Runs {@link FrayProbes} in a child JVM and returns what it printed, or the reason it could not run.
     *
     * @param iterations iterations per probe and timing
     */
    public String probe(int iterations, Duration bound) throws InterruptedException, IOException {
        Preparation ready = prepare();
        if (!ready.ready()) {
            return ready.reason();
        }
        Path out = work.resolve("probes");
        Folders.delete(out);
        ChildJvm.Outcome ended = ChildJvm.run(new ChildJvm.Spec(ready.image().java(), childOptions(),
                childClasspath(""), FrayProbes.class.getName(), List.of("--iterations", Integer.toString(iterations), "--out",
                out.toString()), out, out.resolve("probes.log")), ChildJvm.Watch.after(bound,
                "the probes did not finish within " + bound.toSeconds() + " s"));
        String probes = Files.readAllLines(ended.log()).stream().filter(l -> l.startsWith("PROBE "))
                .collect(Collectors.joining("\n"));
        return ended.killed() ? probes + "\n(" + ended.killedBecause() + "; log " + ended.log() + ")" : probes;
    }

    private FrayImage image() throws InterruptedException {
        Preparation ready = prepare();
        if (!ready.ready()) {
            throw new IllegalStateException("no Fray image: " + ready.reason());
        }
        return ready.image();
    }

    /**
     * The options of a child JVM on the image: Fray's agent and JVMTI library, its work folder, the heap,
     * C1 only ({@link ChildJvm#C1_ONLY}), and the work folder as its temporary folder: Fray's agent makes a
     * {@code fray-instrumentation*} folder there in every JVM and leaves it behind, which the next run of
     * the check removes with the rest of its work folder, instead of {@code /tmp} collecting them.
     */
    List<String> childOptions() {
        return List.of("-javaagent:" + layout.agentJar(), "-agentpath:" + layout.jvmtiLibrary(),
                "-Dfray.workDir=" + work, "-Djava.io.tmpdir=" + work, CHILD_HEAP, ChildJvm.C1_ONLY);
    }

    /** This module's class path for the child, then {@code classpath}'s entries, absolute. */
    private List<String> childClasspath(String classpath) throws IOException {
        List<String> entries = new ArrayList<>(layout.childClasspath());
        for (String entry : classpath.split("[" + File.pathSeparator + ",]")) {
            if (!entry.isBlank()) {
                entries.add(Path.of(entry.trim()).toAbsolutePath().toString());
            }
        }
        return entries;
    }

    private List<String> arguments(Request request, List<Scenario> remaining, boolean skipWaiters, Duration time) {
        List<String> arguments = new ArrayList<>(List.of(
                "--implementation", request.implementationClass(),
                "--reuse", request.reuse().id(),
                "--check", request.check().id(),
                "--schedules", Integer.toString(request.schedules()),
                "--histories", Integer.toString(request.histories()),
                "--seed", Long.toString(request.seed()),
                "--scheduler", request.scheduler().id(),
                "--seconds", Long.toString(Math.max(1, time.toSeconds())),
                "--shrink-seconds", Integer.toString(request.shrinkSeconds()),
                "--skip-waiters", Boolean.toString(skipWaiters),
                "--out", work.toString()));
        arguments.add("--units");
        arguments.add(remaining.stream().map(Scenario::name).collect(Collectors.joining(",")));
        return arguments;
    }

    /**
     * The stall rule of a Fray child, which prints a line whenever a schedule starts: it is stopped when
     * it printed nothing for {@link #IDLE} while using almost no CPU (Fray waits for a thread it lost),
     * or for {@link #QUIET} whatever it did (a thread spins where Fray cannot see), or when the bound ran
     * out. A dump taken a second later tells the two apart ({@link StuckCalls}).
     */
    static final class ProgressWatch implements ChildJvm.Watch {
        static final Duration IDLE = Duration.ofSeconds(3);
        static final Duration QUIET = Duration.ofSeconds(5);
        static final Duration STARTUP = Duration.ofSeconds(30);
        static final String IDLE_REASON = "idle";
        static final String QUIET_REASON = "quiet";
        private static final Duration IDLE_CPU = Duration.ofMillis(150);

        private final Path log;
        private final String folder;
        private final Duration bound;
        private long size = -1;
        private long changedAt = System.nanoTime();
        private Duration cpuAtChange = Duration.ZERO;
        private boolean started;

        /**
         * @param log    the child's output
         * @param folder its work folder, which its command line names: how it is told from other children
         * @param bound  how long it may run in all
         */
        ProgressWatch(Path log, Path folder, Duration bound) {
            this.log = log;
            this.folder = folder.toString();
            this.bound = bound;
        }

        @Override
        public Optional<String> stopBecause(Duration elapsed) {
            if (elapsed.compareTo(bound) > 0) {
                return Optional.of("the bound of " + bound.toSeconds() + " s ran out");
            }
            long now = System.nanoTime();
            long current = sizeOf(log);
            Duration cpu = cpu();
            if (current != size) {
                size = current;
                started = current > 0;
                changedAt = now;
                cpuAtChange = cpu;
                return Optional.empty();
            }
            Duration quiet = Duration.ofNanos(now - changedAt);
            if (!started) {
                return quiet.compareTo(STARTUP) > 0 ? Optional.of(QUIET_REASON + ": the child printed nothing for "
                        + STARTUP.toSeconds() + " s after it started") : Optional.empty();
            }
            if (quiet.compareTo(IDLE) > 0 && cpu.minus(cpuAtChange).compareTo(IDLE_CPU) < 0) {
                return Optional.of(IDLE_REASON + ": no schedule started for " + IDLE.toSeconds() + " s and the child"
                        + " used under " + IDLE_CPU.toMillis() + " ms of CPU");
            }
            if (quiet.compareTo(QUIET) > 0) {
                return Optional.of(QUIET_REASON + ": no schedule started for " + QUIET.toSeconds() + " s while the"
                        + " child kept a CPU busy");
            }
            return Optional.empty();
        }

        /** The CPU time the child used so far; zero if the system does not say. */
        private Duration cpu() {
            return ProcessHandle.current().children()
                    .filter(child -> child.info().commandLine().map(line -> line.contains(folder)).orElse(false))
                    .findFirst().flatMap(child -> child.info().totalCpuDuration()).orElse(Duration.ZERO);
        }

        private static long sizeOf(Path file) {
            try {
                return Files.size(file);
            } catch (IOException e) {
                return 0;
            }
        }
    }
}
