package dev.waitgroup.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.waitgroup.catalogue.Suite;
import dev.waitgroup.record.CheckResult;
import dev.waitgroup.record.SuiteResults;
import dev.waitgroup.record.Verdict;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Correct WaitGroups written outside the project, each in a style of its own (a plain monitor, a
 * CountDownLatch per round, a lock and condition with its own go() of lambdas and an anonymous class,
 * a stack of nested-class nodes allocated in await), pass: no false failure, no harness error. The
 * node stack is the one Lincheck once could not load. So does one whose constructor starts a thread
 * that never ends: every engine's JVM ends once its verdicts are written, whatever threads the code
 * under test left. The exploration of the contract, on real threads and under Fray, finds nothing wrong
 * with any of them.
 */
class CorrectPlugInTest {
    private static final String CORRECT = "com.acme.MonitorWaitGroup,com.acme.LatchPerRoundWaitGroup,"
            + "com.acme.LambdaLockWaitGroup,com.acme.NodeStackWaitGroup";

    @Test
    void theyPassEveryContractCheck(@TempDir Path results) {
        Harness.Run run = Harness.contract(results, "wg.impl=" + CORRECT, Harness.plugIns());
        assertEquals(0, run.exit(), run.output());
        assertEveryVerdictClean(run.suite(Suite.CONTRACT));
    }

    /** Nested, anonymous and lambda classes load in Lincheck's instrumented JVM too. */
    @Test
    void theyPassLincheckNestedClassesIncluded(@TempDir Path results) {
        Harness.Run run = Harness.lincheck(results, "wg.impl=com.acme.NodeStackWaitGroup,com.acme.LambdaLockWaitGroup",
                Harness.plugIns(),
                "wg.check=mc-two-waiters,mc-racing-dones,mc-late-release");
        assertEquals(0, run.exit(), run.output());
        assertEveryVerdictClean(run.suite(Suite.LINCHECK));
    }

    /**
     * The exploration suites name no bug, so nothing but the contract decides their verdicts: histories
     * drawn from the whole API on real threads, and under Fray's controlled scheduler (not-run, with the
     * reason, on a machine without a JDK 25: never a pass that proves nothing, never a failure). The
     * group with a reporter thread of its own is left to the first: Fray schedules that endless thread
     * too, so each of its checks runs to its bound and says it was cut short.
     */
    @Test
    void theExplorationOfTheContractFindsNothingWrongWithThem(@TempDir Path results) {
        Harness.Run exploration = Harness.exploration(results, "wg.impl=" + CORRECT + ",com.acme.ReporterThreadWaitGroup,"
                + "com.acme.TimerTokenWaitGroup", Harness.plugIns());
        Harness.Run fray = Harness.fray(results, "wg.impl=" + CORRECT, Harness.plugIns());

        for (Harness.Run run : List.of(exploration, fray)) {
            assertEquals(0, run.exit(), run.output());
        }
        assertEveryVerdictClean(exploration.suite(Suite.EXPLORATION));
        assertEveryVerdictClean(fray.suite(Suite.FRAY));
    }

    /**
     * A group whose timed wait asks a static timer to wake it keeps the timer's thread: Fray 0.9.2 ends a
     * schedule only once every thread started in it has ended, and ended that one by force, which broke
     * the timer for the schedules after and once made a correct group fail. Now Fray says it could not
     * explore such a group, naming the thread. (On real threads the exploration finds it correct, above;
     * Lincheck's verdicts on it are below.)
     */
    @Test
    void oneWithATimerThreadFrayCannotScheduleIsNotRunByFrayNeverFailed(@TempDir Path results) {
        Harness.Run fray = Harness.fray(results, "wg.impl=com.acme.TimerTokenWaitGroup", Harness.plugIns());

        assertEquals(0, fray.exit(), fray.output());
        for (CheckResult result : fray.suite(Suite.FRAY).results()) {
            assertEquals(Verdict.NOT_RUN, result.verdict(), result.check().id() + ": " + result.message());
            boolean frayRan = result.message().contains("Fray could run no unit"); // else: no JDK 25 here
            assertTrue(!frayRan || result.message().contains("\"acme-timer\""), result.message());
        }
    }

    /**
     * A reporter thread per group, non-daemon and never ending: jcstress's forked VMs used to wait for it
     * forever; three of its tests (two races and a termination test) show that every forked VM ends now.
     * Lincheck runs one check of each strategy: what matters is that its JVM ends. Lincheck also
     * looks at the group with a static timer, in the one check whose wait reaches the timer: on JDK 17 its
     * restore of the state the group reaches fails inside Lincheck on the timer's objects, which is not-run
     * with that reason, not a harness error that fails the gate; on JDK 25 it gets through, and passes.
     */
    @Test
    void oneWithAThreadOfItsOwnPassesEverySuite(@TempDir Path results) {
        String[] plugIn = {"wg.impl=com.acme.ReporterThreadWaitGroup", Harness.plugIns()};
        Harness.Run contract = Harness.contract(results, plugIn);
        Harness.Run lincheck = Harness.lincheck(results, plugIn[0] + ",com.acme.TimerTokenWaitGroup", plugIn[1],
                "wg.check=mc-two-waiters,stress-random,mc-huge-timeout");
        Harness.Run jcstress = Harness.jcstress(results, plugIn[0], plugIn[1],
                "wg.check=racing-add-and-done,forgotten-done,polling-await-sees-release");

        for (Harness.Run run : List.of(contract, lincheck, jcstress)) {
            assertEquals(0, run.exit(), run.output());
        }
        assertEveryVerdictClean(contract.suite(Suite.CONTRACT));
        assertEveryVerdictClean(lincheck.suite(Suite.LINCHECK));
        assertEveryVerdictClean(jcstress.suite(Suite.JCSTRESS));
        CheckResult timerHugeTimeout = lincheck.suite(Suite.LINCHECK).results().stream()
                .filter(r -> r.implementation().equals("TimerTokenWaitGroup") && r.check().id().equals("mc-huge-timeout"))
                .findFirst().orElseThrow();
        if (timerHugeTimeout.verdict() != Verdict.PASS) { // on JDK 25 Lincheck's restore got through: a pass
            assertEquals(Verdict.NOT_RUN, timerHugeTimeout.verdict(), timerHugeTimeout.message());
            assertTrue(timerHugeTimeout.message().contains("failed inside its restore"), timerHugeTimeout.message());
        }
    }

    private static void assertEveryVerdictClean(SuiteResults suite) {
        assertEquals(List.of(), suite.missing());
        for (CheckResult result : suite.results()) {
            assertEquals(false, result.verdict().isFailure() || result.verdict() == Verdict.HARNESS_ERROR,
                    result.implementation() + " " + result.check().id() + ": " + result.verdict() + " " + result.message());
        }
    }
}
