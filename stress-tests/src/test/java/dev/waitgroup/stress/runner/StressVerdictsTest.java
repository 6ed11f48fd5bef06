package dev.waitgroup.stress.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.waitgroup.record.Category;
import dev.waitgroup.record.CheckResult;
import dev.waitgroup.record.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How outcome tables become verdicts; the tables are the shapes jcstress produces. */
class StressVerdictsTest {
    private static final String CONTRACT_TEST = "dev.waitgroup.stress.contract.NoLostWakeUpTimed";
    private static final String MISUSE_TEST = "dev.waitgroup.stress.misuse.ReuseBeforeWaitReturned";

    @Test
    void checkIdsAreTheTestNamesInKebabCase() {
        assertEquals("no-lost-wake-up-timed", StressVerdicts.checkId(CONTRACT_TEST));
        assertEquals(Category.MISUSE, StressVerdicts.category(MISUSE_TEST));
        assertEquals(Category.CONTRACT, StressVerdicts.category(CONTRACT_TEST));
    }

    @Test
    void aContractTestPassesWhenNoForbiddenOutcomeWasSeen() {
        CheckResult result = judge(CONTRACT_TEST, "NORMAL",
                outcome("released", 1000, "ACCEPTABLE", "released"),
                outcome("timed out", 0, "FORBIDDEN", "lost"));
        assertEquals(Verdict.PASS, result.verdict());
        assertEquals(1000L, result.details().get("samples"));
    }

    @Test
    void aForbiddenOutcomeFailsTheTestAndIsNamedWithItsCount() {
        CheckResult result = judge(CONTRACT_TEST, "NORMAL",
                outcome("released", 998, "ACCEPTABLE", "released"),
                outcome("timed out", 2, "FORBIDDEN", "the release was lost"));
        assertEquals(Verdict.FAIL, result.verdict());
        assertTrue(result.message().contains("\"timed out\" x2 (the release was lost)"), result.message());
        assertTrue(result.evidence().contains("FORBIDDEN"), "the outcome table is the evidence");
    }

    @Test
    void aTestWithoutSamplesDidNotRunAndIsNotAPass() {
        CheckResult result = judge("dev.waitgroup.stress.contract.NoLostWakeUp", "NORMAL",
                outcome("TERMINATED", 0, "ACCEPTABLE", "returned"), outcome("STALE", 0, "FORBIDDEN", "stuck"));
        assertEquals(Verdict.NOT_RUN, result.verdict());
    }

    @Test
    void aCrashedVmIsAnErrorNotAVerdictOnTheImplementation() {
        assertEquals(Verdict.ERROR, judge(CONTRACT_TEST, "VM_ERROR", outcome("released", 10, "ACCEPTABLE", "")).verdict());
    }

    @Test
    void anyDetectionMakesAMisuseTestDetected() {
        CheckResult result = judge(MISUSE_TEST, "NORMAL",
                outcome("released, ok, in round 1", 5000, "ACCEPTABLE", "SAFE: returned"),
                outcome("threw IllegalStateException, ok, in round 1", 3, "ACCEPTABLE_INTERESTING", "DETECTED: panic"));
        assertEquals(Verdict.DETECTED, result.verdict());
    }

    @Test
    void aBugShownInAtLeastOnePercentOfSamplesIsReproduced() {
        CheckResult result = judge(MISUSE_TEST, "NORMAL",
                outcome("released, ok, in round 1", 900, "ACCEPTABLE", "SAFE: returned"),
                outcome("released, ok, after round 2", 100, "ACCEPTABLE_INTERESTING", "SILENT: waited"));
        assertEquals(Verdict.REPRODUCED, result.verdict());
    }

    @Test
    void aBugShownInFewerThanOnePercentIsTimingNoise() {
        CheckResult result = judge(MISUSE_TEST, "NORMAL",
                outcome("released, ok, in round 1", 100_000, "ACCEPTABLE", "SAFE: returned"),
                outcome("released, ok, after round 2", 20, "ACCEPTABLE_INTERESTING", "SILENT: waited"));
        assertEquals(Verdict.HANDLED, result.verdict());
    }

    @Test
    void aMisuseTestThatShowedNothingTellsSo() {
        CheckResult result = judge("dev.waitgroup.stress.misuse.AddInsideGoroutine", "NORMAL",
                outcome("released, 1", 500, "ACCEPTABLE", "counted in time"),
                outcome("released, 0", 0, "ACCEPTABLE_INTERESTING", "THE BUG: early"));
        assertEquals(Verdict.NOT_SEEN, result.verdict());
    }

    private static CheckResult judge(String test, String status, TestSummary.Outcome... outcomes) {
        long samples = 0;
        for (TestSummary.Outcome outcome : outcomes) {
            samples += outcome.count();
        }
        return StressVerdicts.judge("aqs", new TestSummary(test, "a test", status, samples, 2, List.of(outcomes), List.of()), 10);
    }

    private static TestSummary.Outcome outcome(String id, long count, String expect, String description) {
        return new TestSummary.Outcome(id, count, expect, description);
    }
}
