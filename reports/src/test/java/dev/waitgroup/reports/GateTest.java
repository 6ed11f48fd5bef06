package dev.waitgroup.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.waitgroup.record.Category;
import dev.waitgroup.record.CheckResult;
import dev.waitgroup.record.ImplementationInfo;
import dev.waitgroup.record.ResultsFiles;
import dev.waitgroup.record.SuiteResults;
import dev.waitgroup.record.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate's rules, each on a small, hand-made set of results files. */
class GateTest {
    private static final String RUN = "run-1";
    private static final ImplementationInfo AQS = new ImplementationInfo("aqs", "implementation",
            "dev.waitgroup.impl.AqsWaitGroup", "AQS", "waits-for-new-round", null);
    private static final ImplementationInfo LOST_WAKEUP = new ImplementationInfo("lost-wakeup", "specimen",
            "dev.waitgroup.specimen.LostWakeUpWaitGroup", "lost wake-up", "unknown", "interleaving");

    @TempDir
    Path root;

    @Test
    void aCompleteCleanRunPasses() throws IOException {
        writeAllSuites(List.of());
        assertEquals(List.of(), Gate.reasons(data("default")));
    }

    @Test
    void aSuiteThatLeftNoResultsFailsTheGate() throws IOException {
        writeAllSuites(List.of());
        Files.delete(Inputs.resultsFile(root, "lincheck"));
        List<String> reasons = Gate.reasons(data("default"));
        assertTrue(reasons.get(0).startsWith("lincheck: no results file"), reasons.toString());
    }

    @Test
    void resultsOfAnotherBuildAreRefused() throws IOException {
        writeAllSuites(List.of());
        write("jcstress", "run-0", List.of(AQS, LOST_WAKEUP), baseline("jcstress"));
        assertTrue(Gate.reasons(data("default")).toString().contains("jcstress: results of another build"));
    }

    @Test
    void anImplementationFailingACheckFailsTheGateNamingIt() throws IOException {
        writeAllSuites(List.of(result("aqs", "no-lost-wake-up", Category.CONTRACT, Verdict.TIMEOUT, "stuck")));
        List<String> reasons = Gate.reasons(data("default"));
        assertEquals(List.of("jcstress: aqs failed no-lost-wake-up (timeout): stuck"), reasons);
    }

    @Test
    void aSpecimenCaughtByNothingMeansTheHarnessLostItsTeeth() throws IOException {
        writeAllSuites(List.of(result("lost-wakeup", "mc-two-waiters", Category.CONTRACT, Verdict.PASS, null)));
        List<String> reasons = Gate.reasons(data("default"));
        assertTrue(reasons.contains("specimen lost-wakeup was caught by no check: the harness has lost its teeth"),
                reasons.toString());
    }

    @Test
    void theStressRunAlsoWantsEverySpecimenCaughtByJcstressAndBenchmarks() throws IOException {
        writeAllSuites(List.of());
        List<String> reasons = Gate.reasons(data("stress"));
        assertTrue(reasons.contains("specimen lost-wakeup was caught by no jcstress test in the stress run"),
                reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith("jmh: no benchmark results in a stress run")));
    }

    @Test
    void aReuseBehaviourThatDiffersFromTheClassCommentFailsTheGate() throws IOException {
        CheckResult measured = result("aqs", "reuse-before-wait-returned", Category.MISUSE, Verdict.HANDLED, "returned")
                .withDetails(Map.of("behaviour", "finishes-old-round"));
        writeAllSuites(List.of(measured));
        assertTrue(Gate.reasons(data("default")).toString().contains(
                "aqs documents reuse behaviour 'waits-for-new-round' but behaved 'finishes-old-round'"));
    }

    private ReportData data(String mode) {
        return new ReportData(Inputs.read(root), mode, RUN, "aqs,lost-wakeup");
    }

    /** Every suite with passing results, the specimen caught by Lincheck, plus the given overrides. */
    private void writeAllSuites(List<CheckResult> overrides) throws IOException {
        for (String suite : Inputs.SUITE_ORDER) {
            List<CheckResult> results = new ArrayList<>();
            for (CheckResult result : baseline(suite)) {
                boolean replaced = false;
                for (CheckResult override : overrides) {
                    if (override.implementation().equals(result.implementation())
                            && override.check().equals(result.check())) {
                        results.add(override);
                        replaced = true;
                    }
                }
                if (!replaced) {
                    results.add(result);
                }
            }
            write(suite, RUN, List.of(AQS, LOST_WAKEUP), results);
        }
    }

    private static List<CheckResult> baseline(String suite) {
        switch (suite) {
            case "contract":
                return List.of(
                        result("aqs", "add-inside-goroutine", Category.MISUSE, Verdict.REPRODUCED, "early"),
                        result("aqs", "forgotten-done", Category.MISUSE, Verdict.REPRODUCED, "stuck"),
                        result("aqs", "reuse-before-wait-returned", Category.MISUSE, Verdict.REPRODUCED, "silent")
                                .withDetails(Map.of("behaviour", "waits-for-new-round")),
                        result("lost-wakeup", "add-inside-goroutine", Category.MISUSE, Verdict.REPRODUCED, "early"));
            case "jcstress":
                return List.of(
                        result("aqs", "no-lost-wake-up", Category.CONTRACT, Verdict.PASS, null),
                        result("aqs", "add-inside-goroutine", Category.MISUSE, Verdict.REPRODUCED, "early"),
                        result("lost-wakeup", "no-lost-wake-up", Category.CONTRACT, Verdict.NOT_RUN, "no samples"));
            default:
                return List.of(
                        result("aqs", "mc-two-waiters", Category.CONTRACT, Verdict.PASS, null),
                        result("lost-wakeup", "mc-two-waiters", Category.CONTRACT, Verdict.FAIL, "hung"));
        }
    }

    private static CheckResult result(String implementation, String check, Category category, Verdict verdict,
                                      String message) {
        return CheckResult.of(implementation, check, category, verdict, 1, message);
    }

    private void write(String suite, String runId, List<ImplementationInfo> implementations, List<CheckResult> results) {
        ResultsFiles.write(new SuiteResults(suite, ResultsFiles.FORMAT_VERSION, "default", runId, "aqs,lost-wakeup",
                "test JVM", "2026-11-28T10:00:00Z", 10, implementations, results, List.of()),
                Inputs.resultsFile(root, suite));
    }
}
