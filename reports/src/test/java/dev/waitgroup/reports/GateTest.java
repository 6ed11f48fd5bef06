package dev.waitgroup.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.waitgroup.catalogue.Bug;
import dev.waitgroup.catalogue.Check;
import dev.waitgroup.catalogue.ImplementationKind;
import dev.waitgroup.catalogue.ReuseBehaviour;
import dev.waitgroup.catalogue.Suite;
import dev.waitgroup.record.CheckResult;
import dev.waitgroup.record.Expected;
import dev.waitgroup.record.ImplementationInfo;
import dev.waitgroup.record.ResultsFiles;
import dev.waitgroup.record.RunInfo;
import dev.waitgroup.record.Shard;
import dev.waitgroup.record.SuiteRecorder;
import dev.waitgroup.record.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate's rules, each on a small, hand-made run: an implementation {@code aqs} and a specimen
 * {@code lost-wakeup}, checked by one check per suite. A clean run passes; each test breaks it in
 * one way and reads the reason back.
 */
class GateTest {
    private static final String RUN = "run-1";
    private static final ReportContext CONTEXT = new ReportContext(RUN, "default", "aqs,lost-wakeup");
    private static final ImplementationInfo AQS = new ImplementationInfo("aqs", ImplementationKind.IMPLEMENTATION,
            "dev.waitgroup.impl.AqsWaitGroup", "aqs", "", "AQS", ReuseBehaviour.WAITS_FOR_NEW_ROUND, null, null);
    private static final ImplementationInfo LOST_WAKEUP = new ImplementationInfo("lost-wakeup",
            ImplementationKind.SPECIMEN, "dev.waitgroup.specimen.LostWakeUpWaitGroup", "lost-wakeup", "",
            "lost wake-up", ReuseBehaviour.UNKNOWN, Bug.LOST_WAKE_UP, null);

    @TempDir
    Path folder;

    @Test
    void aCompleteCleanRunPasses() {
        for (Suite suite : Suite.values()) {
            write(suite, clean(suite), true);
        }
        assertEquals(List.of(), reasons());
    }

    @Test
    void aResultsFileCutShortFailsNamingTheVerdictsItPromisedAndTheCut() {
        writeAllClean();
        List<CheckResult> kept = new ArrayList<>(clean(Suite.LINCHECK));
        kept.removeIf(r -> r.implementation().equals("aqs"));
        write(Suite.LINCHECK, kept, false);
        List<String> reasons = lines();
        assertTrue(reasons.contains("lincheck: lincheck did not finish: its results file was cut short (the suite's"
                + " runner died or was killed)"), reasons.toString());
        assertTrue(reasons.contains("aqs: lincheck: 1 promised verdict missing: mc-random"), reasons.toString());
    }

    @Test
    void aSuiteThatLeftNoResultsFailsTheGate() throws IOException {
        writeAllClean();
        Files.delete(ResultsFiles.of(folder, Suite.LINCHECK));
        assertTrue(lines().get(0).startsWith("lincheck: no results file lincheck.json"), lines().toString());
    }

    @Test
    void resultsOfAnotherRunAreRefusedAndNotCountedAsThisRuns() {
        writeAllClean();
        SuiteRecorder stale = recorder(Suite.JCSTRESS, "run-0");
        stale.expect(List.of(new Expected("aqs", Check.NO_LOST_WAKE_UP)));
        stale.finish();
        List<String> reasons = lines();
        assertEquals(1, reasons.size(), reasons.toString());
        assertTrue(reasons.get(0).startsWith("jcstress: results of another run in jcstress.json (run run-0; this run is"
                + " run-1)"), reasons.toString());
    }

    @Test
    void resultsOfAnotherSelectionAreRefused() {
        writeAllClean();
        SuiteRecorder other = new SuiteRecorder(Suite.CONTRACT, new RunInfo(RUN, "default", "go", "", Shard.WHOLE,
                "a JVM", 17), ResultsFiles.of(folder, Suite.CONTRACT));
        other.finish();
        assertTrue(lines().contains("contract: contract checked wg.impl=go, but this run selects wg.impl=aqs,lost-wakeup"),
                lines().toString());
    }

    @Test
    void anImplementationFailingACheckFailsTheGateNamingItAndLinkingItsEvidence() {
        writeAllClean();
        List<CheckResult> results = new ArrayList<>(clean(Suite.JCSTRESS));
        results.set(0, result("aqs", Check.NO_LOST_WAKE_UP, Verdict.TIMEOUT, "stuck"));
        write(Suite.JCSTRESS, results, true);
        List<GateReason> reasons = reasons();
        assertEquals(1, reasons.size(), reasons.toString());
        assertEquals("aqs: jcstress: failed the check no-lost-wake-up (hang): stuck", reasons.get(0).line());
        assertEquals("ev-jcstress-aqs-no-lost-wake-up", reasons.get(0).anchor());
    }

    @Test
    void aHarnessErrorFailsTheGateAsSuchAndIsNeverTheImplementationsFailure() {
        writeAllClean();
        List<CheckResult> results = new ArrayList<>(clean(Suite.LINCHECK));
        results.set(0, result("aqs", Check.MC_RANDOM, Verdict.HARNESS_ERROR, "Lincheck itself failed"));
        write(Suite.LINCHECK, results, true);
        List<GateReason> reasons = reasons();
        assertEquals(1, reasons.size(), reasons.toString());
        assertEquals(GateReason.Kind.HARNESS_ERROR, reasons.get(0).kind());
        ChooseView.Row aqs = ChooseView.of(new Results(Inputs.read(folder)), SpeedView.of(new Results(Inputs.read(folder))))
                .rows().get(0);
        assertTrue(aqs.clean(), "aqs itself failed nothing");
        assertTrue(aqs.unsure(), "but it was not judged by every check, so it gets no ✓: " + aqs);
        assertEquals(List.of(new ChooseView.Listed(new Link("lincheck mc-random", "ev-lincheck-aqs-mc-random"), true)),
                aqs.unjudged());
    }

    /** A pass for only the parts Fray could run passes the gate, and the Choosing table names the check. */
    @Test
    void aPassInPartIsNamedInTheChoosingTable() {
        writeAllClean();
        List<CheckResult> results = new ArrayList<>(clean(Suite.FRAY));
        results.set(0, results.get(0).withDetails(java.util.Map.of(CheckResult.PARTS_NOT_RUN, 3)));
        write(Suite.FRAY, results, true);
        assertEquals(List.of(), reasons());
        ChooseView.Row aqs = ChooseView.of(new Results(Inputs.read(folder)), SpeedView.of(new Results(Inputs.read(folder))))
                .rows().get(0);
        assertTrue(aqs.partly(), aqs.toString());
        assertTrue(aqs.passed().endsWith(", 1 of them only for the parts that ran (fray fray-races)"), aqs.passed());
    }

    @Test
    void aSpecimenCaughtByNothingMeansTheHarnessLostItsTeeth() {
        writeAllClean();
        List<CheckResult> results = new ArrayList<>(clean(Suite.LINCHECK));
        results.set(1, result("lost-wakeup", Check.MC_RANDOM, Verdict.PASS, null));
        write(Suite.LINCHECK, results, true);
        List<CheckResult> contract = new ArrayList<>(clean(Suite.CONTRACT));
        contract.set(1, result("lost-wakeup", Check.AWAIT_BLOCKS_UNTIL_ZERO, Verdict.PASS, null));
        write(Suite.CONTRACT, contract, true);
        write(Suite.FRAY, List.of(result("aqs", Check.FRAY_RACES, Verdict.PASS, null),
                result("lost-wakeup", Check.FRAY_RACES, Verdict.PASS, null)), true);
        assertTrue(lines().contains("lost-wakeup: the specimen was caught by no check: the harness has lost its teeth"),
                lines().toString());
    }

    @Test
    void aSpecimenMustBeCaughtByTheSuiteThatSeesItsBugForCertain() {
        writeAllClean();
        List<CheckResult> results = new ArrayList<>(clean(Suite.LINCHECK));
        results.set(1, result("lost-wakeup", Check.MC_RANDOM, Verdict.PASS, null));
        write(Suite.LINCHECK, results, true);
        assertTrue(lines().contains("lost-wakeup: lincheck: the specimen's bug (lost-wake-up) must be caught by lincheck,"
                + " and no check of it caught it"), lines().toString());
    }

    @Test
    void aSuiteThatRanWithEveryVerdictNotRunIsHeldToNoCatchAndTheReportSaysWhy() {
        writeAllClean();
        String noJdk = "not run: no JDK 25 found; looked in -Dfray.jdk (unset)";
        write(Suite.FRAY, List.of(result("aqs", Check.FRAY_RACES, Verdict.NOT_RUN, noJdk),
                result("lost-wakeup", Check.FRAY_RACES, Verdict.NOT_RUN, noJdk)), true);
        assertEquals(List.of(), lines(), "Fray did not run here: lost-wakeup did not escape it");

        Results results = new Results(Inputs.read(folder));
        SpecimenView specimens = SpecimenView.of(results, CONTEXT);
        assertTrue(specimens.power().contains("fray did not run here: no JDK 25 found"), specimens.power());
        assertTrue(specimens.suites().contains(new SpecimenView.Column("fray",
                "did not run: no JDK 25 found; looked in -Dfray.jdk (unset)")), specimens.suites().toString());
        assertTrue(MatrixView.of(results).suites().stream().anyMatch(t -> t.suite().equals("fray")
                && t.note().startsWith("did not run: no JDK 25 found")));
    }

    @Test
    void aSuiteThatCouldNotLookAtOneSpecimenIsNotHeldToCatchingIt() {
        writeAllClean();
        write(Suite.FRAY, List.of(result("aqs", Check.FRAY_RACES, Verdict.PASS, null), result("lost-wakeup",
                Check.FRAY_RACES, Verdict.NOT_RUN, "not run: Fray could run no unit of this check")), true);
        assertEquals(List.of(), lines());
        write(Suite.FRAY, List.of(result("aqs", Check.FRAY_RACES, Verdict.PASS, null), result("lost-wakeup",
                Check.FRAY_RACES, Verdict.PASS, null)), true);
        assertTrue(lines().contains("lost-wakeup: fray: the specimen's bug (lost-wake-up) must be caught by fray, and no"
                + " check of it caught it"), lines().toString());
    }

    /**
     * In shard 1 of 2 the specimen was dealt to jcstress only, which shows its bug only in the stress run:
     * nothing caught it here, but the contract and Lincheck suites look at it in the other shard. Held to
     * "caught by no check", every shard's gate would fail on the other's part; it is judged on the merge.
     */
    @Test
    void aShardHoldsASpecimenOnlyToTheSuitesThatLookedAtItInThatShard() {
        Shard first = new Shard(1, 2);
        for (Suite suite : Suite.values()) {
            List<CheckResult> part = suite == Suite.JCSTRESS ? clean(suite)
                    : clean(suite).stream().filter(r -> r.implementation().equals("aqs")).toList();
            SuiteRecorder recorder = new SuiteRecorder(suite, new RunInfo(RUN, "default", CONTEXT.selection(), "",
                    first, "a JVM", 17), ResultsFiles.of(folder, suite));
            recorder.implementation(AQS);
            if (suite == Suite.JCSTRESS) {
                recorder.implementation(LOST_WAKEUP);
            }
            part.forEach(result -> recorder.expect(List.of(result.key())));
            part.forEach(recorder::record);
            recorder.finish();
        }
        assertEquals(List.of(), lines(), "no suite that must catch lost-wakeup looked at it in this shard");
        GateView gate = GateView.of(reasons(), new Results(Inputs.read(folder)));
        assertTrue(gate.passedSummary().contains("in this shard (1/2), every suite that must catch a specimen's bug and"
                + " looked at it caught it; whether each specimen is caught at all is judged when the shards are merged"),
                gate.passedSummary());

        write(Suite.LINCHECK, List.of(result("aqs", Check.MC_RANDOM, Verdict.PASS, null),
                result("lost-wakeup", Check.MC_RANDOM, Verdict.PASS, null)), true);
        assertTrue(lines().contains("lost-wakeup: lincheck: the specimen's bug (lost-wake-up) must be caught by lincheck,"
                + " and no check of it caught it"), "a suite that looked and missed is an escape in a shard too: " + lines());
    }

    @Test
    void anImplementationThatContradictsItsDocumentedReuseBehaviourFailsTheGate() {
        writeAllClean();
        List<CheckResult> results = new ArrayList<>(clean(Suite.CONTRACT));
        results.add(result("aqs", Check.REUSE_BEFORE_WAIT_RETURNED, Verdict.HANDLED, "the old waiter returned"));
        write(Suite.CONTRACT, results, true);
        assertTrue(lines().contains("aqs: contract: documents reuse behaviour 'silently waits' but"
                + " reuse-before-wait-returned saw handled safely: the old waiter returned"), lines().toString());
    }

    private void writeAllClean() {
        for (Suite suite : Suite.values()) {
            write(suite, clean(suite), true);
        }
    }

    /** The clean results of a suite: aqs passes, the specimen is caught. */
    private static List<CheckResult> clean(Suite suite) {
        switch (suite) {
            case CONTRACT:
                return List.of(result("aqs", Check.AWAIT_BLOCKS_UNTIL_ZERO, Verdict.PASS, null),
                        result("lost-wakeup", Check.AWAIT_BLOCKS_UNTIL_ZERO, Verdict.FAIL, "did not return"));
            case JCSTRESS:
                return List.of(result("aqs", Check.NO_LOST_WAKE_UP, Verdict.PASS, null),
                        result("lost-wakeup", Check.NO_LOST_WAKE_UP, Verdict.NOT_RUN, "sanity"));
            case FRAY:
                return List.of(result("aqs", Check.FRAY_RACES, Verdict.PASS, null),
                        result("lost-wakeup", Check.FRAY_RACES, Verdict.FAIL, "[release] never returned"));
            default:
                return List.of(result("aqs", Check.MC_RANDOM, Verdict.PASS, null),
                        result("lost-wakeup", Check.MC_RANDOM, Verdict.FAIL, "hung"));
        }
    }

    @Test
    void aSpecimenWhoseBugThisHardwareCannotShowIsNotHeldAgainstTheHarness() {
        ImplementationInfo plainRead = new ImplementationInfo("plain-read", ImplementationKind.SPECIMEN,
                "dev.waitgroup.specimen.PlainReadWaitGroup", "plain-read", "", "a plain read on the fast path",
                ReuseBehaviour.UNKNOWN, Bug.PLAIN_FAST_PATH, null);
        ReportContext stress = new ReportContext(RUN, "stress", "plain-read");
        for (String arch : List.of("amd64", "aarch64")) {
            Path run = folder.resolve(arch);
            SuiteRecorder recorder = new SuiteRecorder(Suite.JCSTRESS, new RunInfo(RUN, "stress", "plain-read", "",
                    Shard.WHOLE, "a JVM", 17, arch), ResultsFiles.of(run, Suite.JCSTRESS));
            recorder.implementation(plainRead);
            recorder.expect(List.of(new Expected("plain-read", Check.DONE_HAPPENS_BEFORE_AWAIT)));
            recorder.record(result("plain-read", Check.DONE_HAPPENS_BEFORE_AWAIT, Verdict.PASS, null));
            recorder.finish();
        }
        List<String> onX86 = Gate.reasons(new Results(Inputs.read(folder.resolve("amd64"))), stress).stream()
                .map(GateReason::line).filter(line -> line.startsWith("plain-read")).toList();
        List<String> onArm = Gate.reasons(new Results(Inputs.read(folder.resolve("aarch64"))), stress).stream()
                .map(GateReason::line).filter(line -> line.startsWith("plain-read")).toList();
        assertEquals(List.of(), onX86, "x86-64 keeps loads in order: no jcstress run there can show this bug");
        assertEquals(List.of("plain-read: the specimen was caught by no check: the harness has lost its teeth"), onArm,
                "on AArch64 the same escape fails the gate");
    }

    private void write(Suite suite, List<CheckResult> results, boolean complete) {
        SuiteRecorder recorder = recorder(suite, RUN);
        for (CheckResult result : clean(suite)) {
            recorder.expect(List.of(result.key()));
        }
        results.forEach(recorder::record);
        if (complete) {
            recorder.finish();
        } else {
            recorder.write();
        }
    }

    private SuiteRecorder recorder(Suite suite, String run) {
        SuiteRecorder recorder = new SuiteRecorder(suite, new RunInfo(run, "default", CONTEXT.selection(), "",
                Shard.WHOLE, "a JVM", 17), ResultsFiles.of(folder, suite));
        recorder.implementation(AQS);
        recorder.implementation(LOST_WAKEUP);
        return recorder;
    }

    private static CheckResult result(String implementation, Check check, Verdict verdict, String message) {
        return CheckResult.of(implementation, check, verdict, 1, "a test", message);
    }

    private List<GateReason> reasons() {
        return Gate.reasons(new Results(Inputs.read(folder)), CONTEXT);
    }

    private List<String> lines() {
        return reasons().stream().map(GateReason::line).toList();
    }
}
