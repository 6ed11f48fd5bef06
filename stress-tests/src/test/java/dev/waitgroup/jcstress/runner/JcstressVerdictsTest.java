package dev.waitgroup.jcstress.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.waitgroup.catalogue.Check;
import dev.waitgroup.record.CheckResult;
import dev.waitgroup.record.Evidence;
import dev.waitgroup.record.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jcstress.infra.runners.TestList;

/** How outcome tables become verdicts; the tables are the shapes jcstress produces. */
class JcstressVerdictsTest {
    private static final String CONTRACT_TEST = "dev.waitgroup.jcstress.contract.NoLostWakeUpTimed";
    private static final String MISUSE_TEST = "dev.waitgroup.jcstress.misuse.ReuseBeforeWaitReturned";

    @Test
    void everyJcstressTestNamesACatalogueCheckOfTheJcstressSuiteAndNoTwoShareOne() {
        List<String> tests = TestList.tests().stream().filter(t -> t.startsWith("dev.waitgroup.")).toList();
        assertTrue(tests.size() >= 18, "the jcstress tests are listed: " + tests);
        java.util.Set<Check> seen = new java.util.HashSet<>();
        for (String test : tests) {
            Check check = JcstressVerdicts.checkOf(test);
            assertTrue(check.suites().contains(dev.waitgroup.catalogue.Suite.JCSTRESS), test + " runs " + check.id());
            assertTrue(seen.add(check), "two tests run " + check.id());
        }
        for (Check check : Check.of(dev.waitgroup.catalogue.Suite.JCSTRESS)) {
            assertTrue(seen.contains(check), "no jcstress test runs " + check.id());
        }
    }

    @Test
    void aContractTestPassesWhenNoForbiddenOutcomeWasSeen() {
        CheckResult result = judge(CONTRACT_TEST, "NORMAL",
                outcome("released", 1000, "ACCEPTABLE", "released"),
                outcome("timed out", 0, "FORBIDDEN", "lost"));
        assertEquals(Verdict.PASS, result.verdict());
        assertEquals(Check.NO_LOST_WAKE_UP_TIMED, result.check());
        assertEquals(1000L, result.details().get("samples"));
    }

    @Test
    void aPassNamesTheSamplesItCouldNotJudge() {
        CheckResult result = judge(CONTRACT_TEST, "NORMAL",
                outcome("released", 34, "ACCEPTABLE", "released"),
                outcome("timed out", 0, "FORBIDDEN", "lost"),
                outcome("starved", 1, "ACCEPTABLE_INTERESTING", "the machine ran the releaser too late"));
        assertEquals(Verdict.PASS, result.verdict());
        assertEquals("35 samples, no forbidden outcome; not judged: \"starved\" x1 (the machine ran the releaser too"
                + " late)", result.message());
    }

    @Test
    void aForbiddenOutcomeFailsTheTestAndIsNamedWithItsCountAndTable() {
        CheckResult result = judge(CONTRACT_TEST, "NORMAL",
                outcome("released", 998, "ACCEPTABLE", "released"),
                outcome("timed out", 2, "FORBIDDEN", "the release was lost"));
        assertEquals(Verdict.FAIL, result.verdict());
        assertTrue(result.message().contains("\"timed out\" x2 (the release was lost)"), result.message());
        assertEquals(Evidence.Kind.OUTCOME_TABLE, result.evidence().get(0).kind());
        assertTrue(result.evidence().get(0).text().contains("FORBIDDEN"), "the outcome table is the evidence");
    }

    @Test
    void aTestWithoutSamplesDidNotRunAndIsNotAPass() {
        CheckResult result = judge("dev.waitgroup.jcstress.contract.NoLostWakeUp", "NORMAL",
                outcome("TERMINATED", 0, "ACCEPTABLE", "returned"), outcome("STALE", 0, "FORBIDDEN", "stuck"));
        assertEquals(Verdict.NOT_RUN, result.verdict());
    }

    @Test
    void aCrashedVmIsAHarnessErrorUnlessCodeUnderTestExitedIt() {
        assertEquals(Verdict.HARNESS_ERROR,
                judge(CONTRACT_TEST, "VM_ERROR", outcome("released", 10, "ACCEPTABLE", "")).verdict());
        TestSummary exited = new TestSummary(CONTRACT_TEST, "a test", "VM_ERROR", 10, 1,
                List.of(outcome("released", 10, "ACCEPTABLE", "")),
                List.of("wg-lab: System.exit was called from code under test:", "\tat com.acme.Bad.add(Bad.java:3)"));
        assertEquals(Verdict.FAIL, JcstressVerdicts.judge("aqs", "com.acme.Bad", exited, 10, "jcstress").verdict());
    }

    @Test
    void aTestThatCouldNotBeSetUpBecauseTheImplementationThrewIsItsFailure() {
        TestSummary broken = new TestSummary(CONTRACT_TEST, "a test", "CHECK_TEST_ERROR", 0, 1, List.of(),
                List.of("java.lang.UnsupportedOperationException: add", "\tat com.acme.Throws.add(Throws.java:10)"));
        assertEquals(Verdict.FAIL, JcstressVerdicts.judge("Throws", "com.acme.Throws", broken, 10, "jcstress").verdict());
    }

    @Test
    void anyDetectionMakesAMisuseTestDetected() {
        CheckResult result = judge(MISUSE_TEST, "NORMAL",
                outcome("released, ok, in round 1", 5000, "ACCEPTABLE", "generation-safe"),
                outcome("threw IllegalStateException, ok, in round 1", 3, "ACCEPTABLE_INTERESTING", "detected"));
        assertEquals(Verdict.DETECTED, result.verdict());
    }

    @Test
    void aBugShownInAtLeastOnePercentOfSamplesIsReproduced() {
        CheckResult result = judge("dev.waitgroup.jcstress.misuse.AddInsideGoroutine", "NORMAL",
                outcome("released, 1", 900, "ACCEPTABLE", "counted in time"),
                outcome("released, 0", 100, "ACCEPTABLE_INTERESTING", "the bug: early"));
        assertEquals(Verdict.REPRODUCED, result.verdict());
    }

    /**
     * A generation-safe waiter slow to wake looks like one that waited for round 2, often on a busy
     * machine; a group that keeps it for round 2 shows the safe outcome only by a narrow miss of the
     * test's clock. Between the two, a few samples on a busy machine tell neither apart: undecided. (The
     * second case is a fresh user's correct group on a busy machine, which the rule before, the bug
     * outnumbering the safe outcome, called silent; the last, aqs in the thorough preset.)
     */
    @Test
    void aSilentWaitIsReadOnlyWhereTheSafeOutcomeIsASmallShare() {
        CheckResult slow = judge(MISUSE_TEST, "NORMAL",
                outcome("released, ok, in round 1", 54, "ACCEPTABLE", "generation-safe"),
                outcome("released, ok, after round 2", 3, "ACCEPTABLE_INTERESTING", "silent"));
        CheckResult slowerThanSafe = judge(MISUSE_TEST, "NORMAL",
                outcome("released, ok, in round 1", 3, "ACCEPTABLE", "generation-safe"),
                outcome("released, ok, after round 2", 4, "ACCEPTABLE_INTERESTING", "silent"));
        CheckResult asSlowAsSafe = judge(MISUSE_TEST, "NORMAL",
                outcome("released, ok, in round 1", 5, "ACCEPTABLE", "generation-safe"),
                outcome("released, ok, after round 2", 5, "ACCEPTABLE_INTERESTING", "silent"));
        CheckResult silent = judge(MISUSE_TEST, "NORMAL",
                outcome("released, ok, in round 1", 0, "ACCEPTABLE", "generation-safe"),
                outcome("released, ok, after round 2", 15, "ACCEPTABLE_INTERESTING", "silent"));
        CheckResult silentWithNarrowMisses = judge(MISUSE_TEST, "NORMAL",
                outcome("released, ok, in round 1", 236, "ACCEPTABLE", "generation-safe"),
                outcome("released, ok, after round 2", 7_813, "ACCEPTABLE_INTERESTING", "silent"));

        assertEquals(Verdict.HANDLED, slow.verdict(), slow.message());
        assertTrue(slow.message().contains("a slow waiter explains"), slow.message());
        assertEquals(Verdict.NOT_RUN, slowerThanSafe.verdict(), "neither a silent group nor a quick correct one: "
                + slowerThanSafe.message());
        assertTrue(slowerThanSafe.message().startsWith("undecided, which proves nothing"), slowerThanSafe.message());
        assertEquals(Verdict.HANDLED, asSlowAsSafe.verdict(), asSlowAsSafe.message());
        assertEquals(Verdict.REPRODUCED, silent.verdict(), silent.message());
        assertEquals(Verdict.REPRODUCED, silentWithNarrowMisses.verdict(), silentWithNarrowMisses.message());
    }

    @Test
    void aBugShownInFewerThanOnePercentIsTimingNoise() {
        CheckResult result = judge(MISUSE_TEST, "NORMAL",
                outcome("released, ok, in round 1", 100_000, "ACCEPTABLE", "generation-safe"),
                outcome("released, ok, after round 2", 20, "ACCEPTABLE_INTERESTING", "silent"));
        assertEquals(Verdict.HANDLED, result.verdict());
    }

    @Test
    void aMisuseTestThatShowedNothingTellsSo() {
        CheckResult result = judge("dev.waitgroup.jcstress.misuse.AddInsideGoroutine", "NORMAL",
                outcome("released, 1", 500, "ACCEPTABLE", "counted in time"),
                outcome("released, 0", 0, "ACCEPTABLE_INTERESTING", "the bug: early"));
        assertEquals(Verdict.NOT_SEEN, result.verdict());
    }

    @Test
    void aHungTestIsFoundInTheForkedVmsThreadDumpByItsActorsFrames() {
        String dump = "\"worker\" #14 WAITING\n\tat dev.waitgroup.jcstress.contract.RacingAddAndDone_jcstress.actor1(X.java:1)\n";
        assertEquals(List.of("dev.waitgroup.jcstress.contract.RacingAddAndDone"), JcstressSuite.hungTests(dump,
                List.of("dev.waitgroup.jcstress.contract.NoLostWakeUp", "dev.waitgroup.jcstress.contract.RacingAddAndDone")));
    }

    private static CheckResult judge(String test, String status, TestSummary.Outcome... outcomes) {
        long samples = 0;
        for (TestSummary.Outcome outcome : outcomes) {
            samples += outcome.count();
        }
        return JcstressVerdicts.judge("aqs", "dev.waitgroup.impl.AqsWaitGroup", new TestSummary(test, "a test", status,
                samples, 2, List.of(outcomes), List.of()), 10, "jcstress");
    }

    private static TestSummary.Outcome outcome(String id, long count, String expect, String description) {
        return new TestSummary.Outcome(id, count, expect, description);
    }
}
