package dev.waitgroup.fray;

import dev.waitgroup.catalogue.Check;
import dev.waitgroup.catalogue.HarnessCheck;
import dev.waitgroup.fray.history.DrawnHistory;
import dev.waitgroup.harness.SuiteRun;
import dev.waitgroup.harness.ThreadDumps;
import dev.waitgroup.harness.junit.CheckRecorder;
import dev.waitgroup.harness.junit.EachImplementation;
import dev.waitgroup.harness.junit.Observation;
import dev.waitgroup.record.CheckResult;
import dev.waitgroup.record.Evidence;
import dev.waitgroup.record.Verdict;
import dev.waitgroup.settings.Property;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Fray suite's checks: small concurrent programs on the implementation, each run under many
 * schedules of Fray's controlled scheduler on its instrumented JDK, every history judged by the
 * contract's reference model ({@code dev.waitgroup.model}) with the implementation's documented reuse
 * behaviour. No check names a bug. Each runs in Fray child JVMs that {@link FrayEngine} starts and
 * bounds; the seed ({@code fray.seed}) and budget ({@code fray.schedules}, {@code fray.histories})
 * decide what is explored, so the same ones explore the same schedules again.
 *
 * <p>A failure's evidence is the history the model judged (a drawn one shrunk), the rule it breaks and
 * the schedule's recording, and its reproduce command replays that recording
 * ({@code -Dfray.replay=<recording>}), which prints the same failure again. What Fray itself cannot do
 * is never held against the implementation: without a JDK 25 every verdict is not-run; a unit Fray
 * lost control of is not run, with the reason; a schedule its Semaphore model got wrong is set aside;
 * a failure of Fray or of the engine is a harness error.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.waitgroup.harness.junit.HarnessSubject#selected")
@ExtendWith(CheckRecorder.class)
class FrayChecks extends EachImplementation {
    /** How long shrinking a failing drawn history may take: in a default run, and in the main job. */
    private static final int SHRINK_SECONDS = 2;
    private static final int SHRINK_SECONDS_MAIN_JOB = 30;
    /** The part of a check's bound that the engine leaves for recording its verdict. */
    private static final Duration MARGIN = Duration.ofSeconds(8);
    private static final int FRAY_LINES = 40;

    /** The seven targeted races, each under {@code fray.schedules} schedules. */
    @Test
    @HarnessCheck(Check.FRAY_RACES)
    void sevenRacesAtTheEdgesOfTheContract(Observation seen) throws Exception {
        check(FrayCheck.RACES, Check.FRAY_RACES, seen);
    }

    /**
     * {@code fray.histories} histories drawn from the contract's operations, each under
     * {@code fray.history.schedules} schedules.
     */
    @Test
    @HarnessCheck(Check.FRAY_HISTORIES)
    void historiesDrawnFromTheContractsOperations(Observation seen) throws Exception {
        check(FrayCheck.HISTORIES, Check.FRAY_HISTORIES, seen);
    }

    private void check(FrayCheck kind, Check check, Observation seen) throws Exception {
        FraySettings settings = FraySettings.ofThisJvm();
        Path work = settings.resultsDir.resolve("work").resolve("fray").resolve(implementation.name())
                .resolve(check.id());
        FrayEngine engine = FrayEngine.ofThisBuild(work);
        FrayEngine.Preparation ready = preparation(engine);
        if (!ready.ready()) {
            seen.how("Fray did not run: " + ready.reason());
            seen.verdict(ready.broken() ? Verdict.HARNESS_ERROR : Verdict.NOT_RUN, (ready.broken() ? ""
                    : "not run: ") + ready.reason());
            return;
        }
        if (settings.replay != null) {
            replay(engine, settings.replay, settings, seen);
            return;
        }
        FrayEngine.Request request = new FrayEngine.Request(implementation.type().getName(), implementation.classpath(),
                implementation.documentedReuse(), kind, kind == FrayCheck.RACES ? settings.schedules
                : settings.historySchedules, settings.histories, settings.seed, settings.scheduler,
                settings.checkBound.minus(MARGIN), settings.mainJob ? SHRINK_SECONDS_MAIN_JOB : SHRINK_SECONDS);
        FrayEngine.CheckRun run = engine.run(request);
        judge(kind, request, run, settings, seen);
    }

    /** The runner's finding if the image could not be built, else this JVM's own (cached, fast). */
    private static FrayEngine.Preparation preparation(FrayEngine engine) throws InterruptedException {
        String failed = System.getProperty(FraySuite.IMAGE_FAILED, "");
        return failed.isEmpty() ? engine.prepare() : new FrayEngine.Preparation(null, failed, true);
    }

    private void judge(FrayCheck kind, FrayEngine.Request request, FrayEngine.CheckRun run, FraySettings settings,
                       Observation seen) throws IOException {
        List<UnitResult> units = run.units();
        int judged = 0;
        long schedules = 0;
        int setAside = 0;
        int explained = 0;
        boolean cutShort = false;
        Map<String, List<String>> notRunByReason = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        UnitResult failed = null;
        for (UnitResult unit : units) {
            schedules += unit.schedules() + (unit.failed() ? 1 : 0);
            setAside += unit.setAside();
            explained += unit.explained();
            cutShort |= unit.cutShort();
            switch (unit.status()) {
                case PASSED:
                    judged++;
                    break;
                case FAILED:
                    judged++;
                    failed = unit;
                    break;
                case NOT_RUN:
                    notRunByReason.computeIfAbsent(unit.reason(), r -> new ArrayList<>()).add(unit.unit());
                    break;
                default:
                    errors.add(unit.unit() + ": " + unit.reason());
            }
        }
        List<String> notRun = new ArrayList<>();
        notRunByReason.forEach((reason, names) -> notRun.add(String.join(", ", names) + " (" + reason + ")"));
        int planned = kind.units(request.histories(), request.seed()).size();
        int secondLook = UnitExploration.secondLook(request.scheduler(), request.schedules());
        seen.how(String.format(Locale.ROOT, "%s, seed %d (" + Property.FRAY_SEED.key() + "), %d schedules per unit%s:"
                        + " %d of %d %s judged, %,d schedules in %d child JVMs%s%s%s. %s",
                request.scheduler().id().toUpperCase(Locale.ROOT), request.seed(), request.schedules(),
                secondLook == 0 ? "" : " and then " + secondLook + " under the random scheduler (a unit's schedules"
                        + " are numbered on from POS's)", judged, planned,
                kind == FrayCheck.RACES ? "races" : "drawn histories", schedules, run.jvms(),
                setAside > 0 ? "; " + setAside + " schedules set aside (" + FrayFacts.SEMAPHORE + ")" : "",
                explained > 0 ? "; " + explained + " ended in a deadlock the contract allows" : "",
                cutShort ? "; cut short by the check's bound" : "", FrayFacts.VIRTUAL_CLOCK + " "
                        + FrayFacts.MONITOR_WAKE_UPS));
        seen.detail("seed", request.seed());
        seen.detail("schedules", schedules);
        seen.detail("units judged", judged);
        if (failed != null) {
            fail(failed, run.folder().resolve(failed.unit()), request, settings, seen);
        }
        if (run.hang() != null) {
            seen.evidence(Evidence.Kind.THREAD_DUMP, "where the Fray child JVM's threads were when it was stopped",
                    ThreadDumps.relevantBlocks(run.hang().threadDump(), List.of(implementation.type().getName(),
                            "dev.waitgroup.fray")));
            seen.verdict(Verdict.TIMEOUT, run.hang().unit() + ": " + run.hang().reason() + ". " + FrayFacts.SPIN);
            return;
        }
        if (!run.error().isEmpty() || !errors.isEmpty()) {
            List<String> why = new ArrayList<>(errors);
            if (!run.error().isEmpty()) {
                why.add(run.error());
            }
            seen.evidence(Evidence.Kind.OUTPUT, "the Fray child JVMs' work folder", run.folder().toString());
            seen.verdict(Verdict.HARNESS_ERROR, "Fray could not judge " + implementation.name() + ": "
                    + String.join("; ", why));
            return;
        }
        if (judged == 0) {
            seen.verdict(Verdict.NOT_RUN, "not run: Fray could run no unit of this check on " + implementation.name()
                    + ": " + String.join("; ", notRun));
            return;
        }
        if (!notRun.isEmpty()) {
            seen.detail(CheckResult.PARTS_NOT_RUN, units.size() - judged);
            seen.verdict(Verdict.PASS, "every history Fray could judge was explained; not run under Fray on "
                    + implementation.name() + ": " + String.join("; ", notRun));
        }
    }

    /** A failing unit's verdict: the history the model judged, the schedule, the command that replays it. */
    private void fail(UnitResult failed, Path folder, FrayEngine.Request request, FraySettings settings,
                      Observation seen)
            throws IOException {
        Path recording = folder.resolve(UnitExploration.RECORDING);
        String history = read(folder.resolve(UnitExploration.HISTORY_FILE));
        String what = failed.unit();
        if (!failed.history().isEmpty()) {
            DrawnHistory shown = DrawnHistory.decode(failed.history());
            String shrunk = failed.original().isEmpty() ? "" : String.format(Locale.ROOT, ", shrunk from %d to %d calls"
                    + " in %d runs", DrawnHistory.decode(failed.original()).size(), shown.size(), failed.shrinkRuns());
            what = failed.unit() + shrunk;
            history = "scenario:\n" + shown.text() + "\n" + history;
        }
        seen.evidence(Evidence.Kind.HISTORY, "the failing history as the contract's model judged it (" + what
                + ", schedule " + failed.failedAt() + " of its seed)", history);
        seen.evidence(Evidence.Kind.OUTPUT, "the schedule: Fray's recording, which replays it (replayed once: "
                + ("true".equals(failed.replayed()) ? "it failed again by the same rule"
                : "it did NOT fail the same way")
                + "), and what Fray reported", "recording: " + shownPath(recording, settings) + "\n\n"
                + firstLines(read(folder.resolve(UnitExploration.FRAY_FILE)), FRAY_LINES));
        seen.detail(SuiteRun.REPLAY_DETAIL, Property.FRAY_REPLAY.option(shownPath(recording, settings)));
        throw new AssertionError("[" + failed.rule() + "] " + failed.sentence() + " (" + what + ", schedule "
                + failed.failedAt() + " of seed " + request.seed() + (failed.deadlock() ? ": Fray found every thread"
                + " blocked" : "") + ")");
    }

    /** Replays one recorded failure ({@code fray.replay}) and reports it as the verdict it was. */
    private void replay(FrayEngine engine, Path recording, FraySettings settings, Observation seen)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(recording.resolve(UnitExploration.UNIT_FILE))) {
            seen.verdict(Verdict.HARNESS_ERROR, "no Fray recording at " + shownPath(recording, settings) + " (its "
                    + UnitExploration.UNIT_FILE + " is missing): the run that kept it was removed or is elsewhere");
            return;
        }
        UnitResult again = engine.replay(implementation.type().getName(), implementation.classpath(),
                implementation.documentedReuse(), recording);
        Path folder = engine.work().resolve("replay");
        seen.how("Fray replayed the recording " + shownPath(recording, settings) + ": its scheduler fed the random"
                + " choices it drew. " + FrayFacts.VIRTUAL_CLOCK);
        if (again.status() == UnitResult.Status.FAILED) {
            String history = read(folder.resolve(UnitExploration.HISTORY_FILE));
            if (!again.history().isEmpty()) {
                history = "scenario:\n" + DrawnHistory.decode(again.history()).text() + "\n" + history;
            }
            seen.evidence(Evidence.Kind.HISTORY, "the failing history as the contract's model judged it, replayed ("
                    + again.unit() + ", schedule " + again.failedAt() + " of its seed)", history);
            seen.detail(SuiteRun.REPLAY_DETAIL, Property.FRAY_REPLAY.option(shownPath(recording, settings)));
            throw new AssertionError("[" + again.rule() + "] " + again.sentence() + " (" + again.unit()
                    + ", replayed from its recording" + (again.deadlock() ? ": Fray found every thread blocked" : "")
                    + ")");
        }
        seen.verdict(Verdict.HARNESS_ERROR, "the recording " + shownPath(recording, settings) + " did not replay a"
                + " failure on " + implementation.name() + ": " + (again.status() == UnitResult.Status.PASSED
                ? "its schedule's history is one the model explains" : again.reason()));
    }

    private static String shownPath(Path path, FraySettings settings) {
        return settings.shown(path);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no " + file.getFileName() + ": " + e.getMessage() + ")";
        }
    }

    private static String firstLines(String text, int lines) {
        String[] all = text.split("\n");
        if (all.length <= lines) {
            return text;
        }
        return String.join("\n", java.util.Arrays.copyOf(all, lines)) + "\n... " + (all.length - lines) + " more lines";
    }
}
