package dev.waitgroup.fray;

import dev.waitgroup.fray.history.DrawnHistory;
import dev.waitgroup.fray.history.Shrinking;
import dev.waitgroup.fray.scenario.ContractViolation;
import dev.waitgroup.fray.scenario.Recorder;
import dev.waitgroup.fray.scenario.Scenario;
import dev.waitgroup.fray.scenario.ScenarioError;
import dev.waitgroup.fray.scenario.Scenarios;
import dev.waitgroup.fray.scenario.Subject;
import dev.waitgroup.model.History;
import dev.waitgroup.model.HistoryChecker;
import dev.waitgroup.model.Verdict;
import dev.waitgroup.record.Folders;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kotlinx.serialization.json.Json;
import org.pastalab.fray.core.randomness.Randomness;
import org.pastalab.fray.core.scheduler.Scheduler;

/**
 * Explores one unit of a Fray check (a race, or a drawn history) on one WaitGroup, in this Fray JVM:
 * runs it under the budget's schedules, has the model judge every history, and on the first one it
 * does not explain keeps that schedule's recording, shrinks a drawn history, and replays the recording
 * once to see that it fails again.
 *
 * <p>What a schedule can come to:
 * <ul>
 *   <li>a history the model explains: the schedule passed;</li>
 *   <li>a history it does not explain ({@link ContractViolation}): the unit failed;</li>
 *   <li>a deadlock Fray reports: the calls still running never returned, and the model judges that
 *       history too: a waiter whose round ended left waiting is a failure, while a wait for a counter
 *       a refusal left above zero is allowed and exploration goes on with the next schedule;</li>
 *   <li>a deadlock with a thread blocked in a {@code Semaphore}: Fray 0.9.2's model of it differs
 *       from the JDK's ({@link FrayFacts#SEMAPHORE}), so the schedule proves nothing and is set aside;</li>
 *   <li>a deadlock that lists a thread of the group's own (a pool's or timer's worker, which Fray then
 *       ends by force, {@link FrayFacts#THREADS_OUTLIVE_SCHEDULE}), or one while threads of the group that
 *       Fray does not schedule are alive ({@link FrayFacts#FOREIGN_THREADS}): the unit is not run, with
 *       the threads' names, and neither is any later unit in this JVM;</li>
 *   <li>anything else (Fray's internal error, a scenario that could not run): the unit could not be
 *       judged, an error.</li>
 * </ul>
 * Fray stops a run at its first failure, so going on after one starts a new run from the next
 * schedule of the same seed ({@link SeededRandomness}).
 *
 * <p>Files in the unit's folder when it failed: {@code history.txt} (the failing history as the model
 * judged it), {@code fray.txt} (Fray's report of the schedule), {@code recording/} (the schedule, with
 * {@code unit.properties} naming what it replays).
 */
final class UnitExploration {
    static final String HISTORY_FILE = "history.txt";
    static final String FRAY_FILE = "fray.txt";
    static final String RECORDING = "recording";
    static final String UNIT_FILE = "unit.properties";
    private static final Pattern BLOCKED_THREAD = Pattern.compile("Thread: Thread\\[#\\d+,(.*?),\\d+,[^\\]]*\\]\\s*\\n"
            + "Stacktrace:\\s*\\n((?:\\s+at .*\\n?)+)");
    private static final int STACK_FRAMES = 14;
    /** A thread in Fray's deadlock report: its id. */
    private static final Pattern LISTED_THREAD = Pattern.compile("Thread: Thread\\[#(\\d+),");
    /** The threads alive before the group's class was loaded: the JVM's own and the child's, none of the group's. */
    private static Set<Thread> threadsBefore = Set.of();
    /** Set once a deadlock showed the group's own threads: the unit whose deadlock it was. */
    private static String keptThreadsSeenIn = "";
    /**
     * Scheduling steps after which Fray stops a schedule: one of a scenario's few calls on a correct group
     * takes a few thousand (a 20 ms timed wait re-parks about two hundred times). Fray 0.9.2 counts a
     * schedule it stops so as passed, and takes no failure from it: a livelock (a timed wait that restarts
     * its time on every spurious wake-up Fray gives it) is not caught here, only kept from running forever.
     */
    static final int STEP_BOUND = 200_000;

    private final Scenario unit;
    private final FrayChild.Run run;
    private final long seed;
    private final Path folder;
    private final long deadline;
    private int attempts;

    UnitExploration(Scenario unit, FrayChild.Run run, long seed, Path folder, int seconds) {
        this.unit = unit;
        this.run = run;
        this.seed = seed;
        this.folder = folder;
        this.deadline = System.nanoTime() + seconds * 1_000_000_000L;
    }

    /** What one schedule, or a run of schedules, came to. */
    private record Attempt(UnitResult.Status status, int schedules, int failedAt, Classified failure, int setAside,
                           int explained, boolean cutShort, Path report) {
        boolean failed() {
            return status == UnitResult.Status.FAILED;
        }
    }

    /** A failure as classified: the kind, and for a violation what the model said. */
    private record Classified(Kind kind, String rule, String sentence, String history, String fray, boolean deadlock) {
        enum Kind { VIOLATION, EXPLAINED_DEADLOCK, SET_ASIDE, LOST_CONTROL, ERROR }
    }

    /**
     * Notes the threads alive now, before the group's class is loaded: any thread alive later and not
     * among them was started by the code under test. Called first thing in the child JVM.
     */
    static void rememberThreadsBeforeTheGroup() {
        threadsBefore = Set.copyOf(Thread.getAllStackTraces().keySet());
    }

    UnitResult explore() throws IOException {
        long start = System.nanoTime();
        Folders.delete(folder);
        Files.createDirectories(folder);
        Attempt best = attempt(unit, deadline);
        Scenario failing = unit;
        int shrinkRuns = 0;
        if (best.failed() && unit instanceof DrawnHistory) {
            long until = Math.min(deadline, System.nanoTime() + run.shrinkSeconds() * 1_000_000_000L);
            for (boolean smaller = true; smaller && System.nanoTime() < until; ) {
                smaller = false;
                for (DrawnHistory candidate : Shrinking.candidates((DrawnHistory) failing)) {
                    if (System.nanoTime() >= until) {
                        break;
                    }
                    shrinkRuns++;
                    Attempt tried = attempt(candidate, until);
                    if (tried.failed() && tried.failure().rule().equals(best.failure().rule())) {
                        Folders.delete(best.report());
                        best = tried;
                        failing = candidate;
                        smaller = true;
                        break;
                    }
                    Folders.delete(tried.report());
                }
            }
        }
        UnitResult result = result(best, failing, shrinkRuns);
        if (best.failed()) {
            result = keep(best, failing, result);
        }
        Folders.delete(best.report());
        return result.took((System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Schedules under the random scheduler that follow the budget's POS schedules, one for every
     * {@code SECOND_LOOK_SHARE} of them (16 after the default run's 48): measured, POS missed an outside
     * user's group that "forgives" an interrupt racing the release (it returns normally with the status
     * already cleared) in 300 schedules per race, where the random scheduler found it at schedule 3 and
     * PCT at 30. The POS schedules stay as they were, so what they catch is still caught.
     */
    static final int SECOND_LOOK_SHARE = 2;

    /** The schedules of one run of a scenario: {@code run.schedules()} under its scheduler, and a second look. */
    private static int schedulesOf(FrayChild.Run run) {
        return run.schedules() + secondLook(run.scheduler(), run.schedules());
    }

    /**
     * Schedules under the random scheduler after {@code schedules} POS ones; none when another scheduler
     * was chosen, which then explores alone.
     */
    static int secondLook(SchedulerKind scheduler, int schedules) {
        return scheduler == SchedulerKind.POS ? Math.max(1, schedules / SECOND_LOOK_SHARE) : 0;
    }

    /** The scheduler of schedule {@code index}: the run's, then the random scheduler for the second look. */
    private SchedulerKind schedulerOf(int index) {
        return index < run.schedules() ? run.scheduler() : SchedulerKind.RANDOM;
    }

    /** Runs {@code scenario} under the budget's schedules, from the unit's seed, until one fails. */
    private Attempt attempt(Scenario scenario, long until) throws IOException {
        Path report = folder.resolve("attempt-" + attempts++);
        int next = 0;
        int passed = 0;
        int setAside = 0;
        int explained = 0;
        int schedules = schedulesOf(run);
        while (next < schedules) {
            int seconds = (int) ((until - System.nanoTime()) / 1_000_000_000L);
            if (seconds < 1) {
                return new Attempt(UnitResult.Status.PASSED, passed, -1, null, setAside, explained, true, report);
            }
            int sameScheduler = (next < run.schedules() ? run.schedules() : schedules) - next;
            SeededRandomness randomness = new SeededRandomness(seed, next);
            Scheduler scheduler = schedulerOf(next).make(randomness.getRandomness());
            FrayRun.Result ran = FrayRun.run(() -> once(scenario, run.subject()), report, sameScheduler, seconds,
                    scheduler, randomness, false, scenario.timing(), STEP_BOUND);
            passed += ran.iteration();
            if (ran.failure() == null) {
                if (next + ran.iteration() < next + sameScheduler) {
                    return new Attempt(UnitResult.Status.PASSED, passed, -1, null, setAside, explained, true, report);
                }
                next += sameScheduler;
                continue;
            }
            int at = next + ran.iteration();
            Classified failure = classify(ran.failure(), report, run.subject(), unit.name());
            switch (failure.kind()) {
                case VIOLATION:
                    return new Attempt(UnitResult.Status.FAILED, passed, at, failure, setAside, explained, false, report);
                case ERROR:
                    return new Attempt(UnitResult.Status.ERROR, passed, at, failure, setAside, explained, false, report);
                case LOST_CONTROL:
                    return new Attempt(UnitResult.Status.NOT_RUN, passed, at, failure, setAside, explained, false, report);
                case SET_ASIDE:
                    setAside++;
                    break;
                default:
                    explained++;
                    passed++;
                    break;
            }
            next = at + 1;
        }
        return new Attempt(UnitResult.Status.PASSED, passed, -1, null, setAside, explained, false, report);
    }

    /**
     * One schedule of a scenario, as Fray's executor runs it: record, then judge. When Fray finds every
     * thread blocked it ends them with an error and reports the deadlock itself; the history of that
     * schedule, its calls still running never to return, is then judged by {@link #classify}.
     */
    private static void once(Scenario scenario, Subject subject) throws Exception {
        Thread.currentThread().setName("main");
        Recorder recorder = new Recorder();
        scenario.run(subject, recorder);
        if (!recorder.endedByFray()) {
            recorder.judge(subject.reuse());
        }
    }

    /** What a failed schedule means (see the class comment). */
    private static Classified classify(Throwable failure, Path report, Subject subject, String unitName) {
        String log = read(report.resolve("fray.log"));
        String fray = stackTrace(failure) + "\n--- Fray's log ---\n" + log;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ContractViolation) {
                ContractViolation v = (ContractViolation) t;
                return new Classified(Classified.Kind.VIOLATION, v.rule(), v.sentence(), v.history(), fray, false);
            }
            if (t instanceof ScenarioError) {
                return new Classified(Classified.Kind.ERROR, "", "the scenario could not run as written: " + t.getMessage(),
                        "", fray, false);
            }
        }
        String type = failure.getClass().getName();
        if (type.equals("org.pastalab.fray.runtime.DeadlockException")) {
            if (log.contains("java.util.concurrent.Semaphore.")) {
                return new Classified(Classified.Kind.SET_ASIDE, "", FrayFacts.SEMAPHORE, "", fray, true);
            }
            List<String> own = groupsOwnThreads(log);
            if (!own.isEmpty()) {
                return lostControl(unitName, "Fray reported a deadlock of " + String.join(", ", own) + ", which the group"
                        + " started and keeps, and ended it by force, which leaves the group's shared state (its pool"
                        + " or timer) broken for the schedules after; " + FrayFacts.THREADS_OUTLIVE_SCHEDULE, fray);
            }
            List<String> foreign = foreignThreads(log);
            if (!foreign.isEmpty()) {
                return lostControl(unitName, "Fray found every thread it schedules blocked while threads it does not schedule"
                        + " were alive (" + String.join("; ", foreign) + "): threads the group started outside Fray's"
                        + " control may be the ones that would wake the others, so this deadlock is no evidence; "
                        + FrayFacts.FOREIGN_THREADS, fray);
            }
            Recorder recorded = Recorder.latest();
            if (recorded == null) {
                return new Classified(Classified.Kind.ERROR, "", "Fray reported a deadlock before the scenario recorded"
                        + " anything", "", fray, true);
            }
            History history = recorded.atDeadlock(blockedThreads(log));
            Verdict verdict = HistoryChecker.check(history, subject.reuse());
            if (verdict instanceof Verdict.Violation) {
                Verdict.Violation v = (Verdict.Violation) verdict;
                return new Classified(Classified.Kind.VIOLATION, v.rule().id(), v.sentence(),
                        history.toText(v.event(), 60) + "verdict: " + v + "\n", fray, true);
            }
            return new Classified(Classified.Kind.EXPLAINED_DEADLOCK, "", "", history.toText(), fray, true);
        }
        String why = type.equals("org.pastalab.fray.core.FrayInternalError") ? "Fray failed inside: " : "the run threw ";
        return new Classified(Classified.Kind.ERROR, "", why + firstLine(failure), "", fray, false);
    }

    /**
     * A deadlock that proves nothing because the group runs threads of its own: this unit is not run, and
     * no later one in this JVM is either (the group's shared state may be broken).
     */
    private static Classified lostControl(String unitName, String reason, String fray) {
        keptThreadsSeenIn = unitName;
        return new Classified(Classified.Kind.LOST_CONTROL, "", reason, "", fray, true);
    }

    /**
     * The unit that showed that no more units can be judged in this JVM (the group keeps threads of its own
     * that Fray either does not schedule or ended by force), or empty.
     */
    static String keptThreadsSeenIn() {
        return keptThreadsSeenIn;
    }

    /** The threads Fray's deadlock report lists that are not the scenario's: the group's own, with their top frame. */
    private static List<String> groupsOwnThreads(String frayLog) {
        List<String> own = new ArrayList<>();
        Matcher m = BLOCKED_THREAD.matcher(frayLog);
        while (m.find()) {
            if (!m.group(2).contains("dev.waitgroup.fray.")) {
                String top = m.group(2).lines().map(String::trim).filter(f -> f.startsWith("at "))
                        .filter(f -> !f.contains("jdk.internal.misc.Unsafe.park") && !f.contains("LockSupport"))
                        .findFirst().orElse("at (no frame)").substring(3).replaceFirst("^java\\.base/", "");
                own.add("\"" + m.group(1) + "\" (in " + top + ")");
            }
        }
        return own;
    }

    /**
     * The live threads that Fray's deadlock report does not list and that were not alive before the group's
     * class was loaded, without Fray's and the JVM's own: threads the code under test started and Fray
     * does not schedule (a static timer's or pool's worker started as the class loaded), each named with
     * its state and top frame.
     */
    private static List<String> foreignThreads(String frayLog) {
        Set<Long> listed = new HashSet<>();
        Matcher m = LISTED_THREAD.matcher(frayLog);
        while (m.find()) {
            listed.add(Long.parseLong(m.group(1)));
        }
        List<String> foreign = new ArrayList<>();
        for (Map.Entry<Thread, StackTraceElement[]> live : Thread.getAllStackTraces().entrySet()) {
            Thread thread = live.getKey();
            @SuppressWarnings("deprecation") // Thread.threadId() is Java 19+; this module compiles for 17
            long id = thread.getId();
            if (thread == Thread.currentThread() || !thread.isAlive() || listed.contains(id)
                    || threadsBefore.contains(thread) || LostControl.isTheJvms(thread.getName())
                    || Arrays.stream(live.getValue()).anyMatch(f -> f.getClassName().startsWith("org.pastalab.fray."))) {
                continue;
            }
            StackTraceElement[] stack = live.getValue();
            foreign.add("\"" + thread.getName() + "\" " + thread.getState().name()
                    + (stack.length == 0 ? "" : " in " + stack[0]));
        }
        return foreign;
    }

    /**
     * The stacks of the threads Fray's deadlock report lists, by thread name: each from where its thread
     * blocked down to the scenario's call, without Fray's own frames above it.
     */
    static Map<String, String> blockedThreads(String frayLog) {
        Map<String, String> stacks = new LinkedHashMap<>();
        Matcher m = BLOCKED_THREAD.matcher(frayLog);
        while (m.find()) {
            StringBuilder frames = new StringBuilder();
            int kept = 0;
            for (String line : m.group(2).split("\n")) {
                String frame = line.trim().replaceFirst("^at ", "").replaceFirst("^java\\.base/", "");
                if (frame.startsWith("java.lang.Thread.getStackTrace") || frame.startsWith("org.pastalab.fray.")) {
                    continue; // Fray taking the stack, and Fray's scheduler
                }
                if (frame.startsWith("dev.waitgroup.fray.") || kept++ == STACK_FRAMES) {
                    break; // the scenario's own frames below the call
                }
                frames.append(frame).append('\n');
            }
            stacks.put(m.group(1), frames.toString());
        }
        return stacks;
    }

    private UnitResult result(Attempt attempt, Scenario failing, int shrinkRuns) {
        Classified f = attempt.failure();
        String history = failing instanceof DrawnHistory ? ((DrawnHistory) failing).encode() : "";
        String original = failing != unit && unit instanceof DrawnHistory ? ((DrawnHistory) unit).encode() : "";
        String reason = attempt.status() == UnitResult.Status.ERROR || attempt.status() == UnitResult.Status.NOT_RUN
                ? f.sentence() : "";
        return new UnitResult(unit.name(), attempt.status(), attempt.schedules(), attempt.failedAt(),
                f == null || attempt.status() != UnitResult.Status.FAILED ? "" : f.rule(),
                f == null || attempt.status() != UnitResult.Status.FAILED ? "" : f.sentence(),
                f != null && f.deadlock(), attempt.setAside(), attempt.explained(), attempt.cutShort(), 0, reason,
                history, original, shrinkRuns, "");
    }

    /** Keeps the failing schedule's recording and evidence in the unit's folder, and replays it once. */
    private UnitResult keep(Attempt failed, Scenario failing, UnitResult result) throws IOException {
        Path recording = folder.resolve(RECORDING);
        copyTree(failed.report().resolve("recording"), recording);
        Properties what = new Properties();
        what.setProperty("unit", failing.name());
        what.setProperty("history", failing instanceof DrawnHistory ? ((DrawnHistory) failing).encode() : "");
        what.setProperty("implementation", run.subject().type().getName());
        what.setProperty("reuse", run.subject().reuse().id());
        what.setProperty("rule", failed.failure().rule());
        what.setProperty("seed", Long.toString(seed));
        what.setProperty("schedule", Integer.toString(failed.failedAt()));
        try (Writer out = Files.newBufferedWriter(recording.resolve(UNIT_FILE), StandardCharsets.UTF_8)) {
            what.store(out, "what this Fray recording replays");
        }
        Files.writeString(folder.resolve(HISTORY_FILE), failed.failure().history(), StandardCharsets.UTF_8);
        Files.writeString(folder.resolve(FRAY_FILE), failed.failure().fray(), StandardCharsets.UTF_8);
        UnitResult again = replay(recording, run.subject(), folder.resolve("replay"));
        boolean same = again.failed() && again.rule().equals(result.rule());
        return new UnitResult(result.unit(), result.status(), result.schedules(), result.failedAt(), result.rule(),
                result.sentence(), result.deadlock(), result.setAside(), result.explained(), result.cutShort(),
                result.millis(), result.reason(), result.history(), result.original(), result.shrinkRuns(),
                Boolean.toString(same));
    }

    /**
     * Replays a failure's recording once: the same unit on the same WaitGroup under the recorded
     * scheduler, fed the random numbers it drew. Writes the judged history to {@code out}.
     */
    static UnitResult replay(Path recording, Subject subject, Path out) throws IOException {
        long start = System.nanoTime();
        Properties what = new Properties();
        try (Reader in = Files.newBufferedReader(recording.resolve(UNIT_FILE), StandardCharsets.UTF_8)) {
            what.load(in);
        }
        String encoded = what.getProperty("history", "");
        Scenario scenario = encoded.isEmpty() ? Scenarios.named(what.getProperty("unit")) : DrawnHistory.decode(encoded);
        Folders.delete(out);
        Files.createDirectories(out);
        Path report = out.resolve("fray-report");
        String schedulerClass = Files.readString(recording.resolve("scheduler"), StandardCharsets.UTF_8).trim();
        FrayRun.Result ran = FrayRun.run(() -> once(scenario, subject), report, 1, 120,
                recordedScheduler(recording, schedulerClass), new SeededRandomness(0), true, scenario.timing(),
                STEP_BOUND);
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (ran.failure() == null) {
            return new UnitResult(scenario.name(), UnitResult.Status.PASSED, 1, -1, "", "", false, 0, 0, false, millis,
                    "", encoded, "", 0, "");
        }
        Classified failure = classify(ran.failure(), report, subject, scenario.name());
        Files.writeString(out.resolve(FRAY_FILE), failure.fray(), StandardCharsets.UTF_8);
        if (failure.kind() != Classified.Kind.VIOLATION) {
            return new UnitResult(scenario.name(), UnitResult.Status.ERROR, 0, 0, "", "", failure.deadlock(), 0, 0, false,
                    millis, "the replay did not fail the way the model judges: " + (failure.sentence().isEmpty()
                    ? failure.kind().name().toLowerCase(java.util.Locale.ROOT) : failure.sentence()), encoded, "", 0, "");
        }
        Files.writeString(out.resolve(HISTORY_FILE), failure.history(), StandardCharsets.UTF_8);
        return new UnitResult(scenario.name(), UnitResult.Status.FAILED, 0, Integer.parseInt(what.getProperty("schedule",
                "-1")), failure.rule(), failure.sentence(), failure.deadlock(), 0, 0, false, millis, "", encoded, "", 0,
                "");
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

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no " + file.getFileName() + ")";
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        if (!Files.isDirectory(from)) {
            return;
        }
        try (var files = Files.list(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(file)) {
                    Files.copy(file, to.resolve(file.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
