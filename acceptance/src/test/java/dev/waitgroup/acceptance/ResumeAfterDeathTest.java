package dev.waitgroup.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.waitgroup.catalogue.Suite;
import dev.waitgroup.record.CheckResult;
import dev.waitgroup.record.SuiteResults;
import dev.waitgroup.record.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A test JVM that dies under a check costs that check, not the run, in every suite whose test JVMs run
 * the code under test: the one bounded runner blames the check that was running and starts a fresh JVM
 * on the checks left, whose verdicts are then as for any other group. {@code ExitsOnceWaitGroup} is
 * correct, except that it halts its suite's first test JVM at its 50th add.
 *
 * <p>Three children, one loop: JUnit with the contract's checks, Lincheck's instrumented JVM, and the
 * exploration's real threads. (The JVM halts with {@code Runtime.halt}: inside a Lincheck scenario,
 * {@code System.exit} blocks instead. No {@code System.exit} is seen, so the dead check is a harness
 * error, which proves nothing about the group: a crash is nobody's verdict.) jcstress and Fray run the
 * code under test in JVMs of their own, whose deaths they contain themselves; the runner resumes their
 * suites' JVMs the same way when a bound or a stall ends them.
 */
class ResumeAfterDeathTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "contract    | reuse-rounds,every-waiter-released,new-group-is-zero,timed-await-short-timeouts,overflow-refused",
            "lincheck    | mc-two-waiters,mc-racing-dones,mc-late-release,mc-second-round",
            "exploration | explore-sequential,explore-rounds,explore-concurrent"})
    void theCheckThatWasRunningIsBlamedAndAFreshJvmDoesTheRest(String suiteId, String checks, @TempDir Path results)
            throws IOException {
        Suite suite = Suite.of(suiteId);
        String[] properties = {"wg.impl=com.acme.ExitsOnceWaitGroup", Harness.plugIns(), "wg.check=" + checks,
                "exploration.histories=30", "exploration.rounds=200"};
        Harness.Run run = switch (suite) {
            case CONTRACT -> Harness.contract(results, properties);
            case LINCHECK -> Harness.lincheck(results, properties);
            case EXPLORATION -> Harness.exploration(results, properties);
            default -> throw new IllegalArgumentException(suiteId);
        };

        assertEquals(0, run.exit(), run.output());
        SuiteResults verdicts = run.suite(suite);
        assertEquals(List.of(), verdicts.missing(), "every check has its verdict");
        List<CheckResult> died = verdicts.results().stream().filter(r -> r.verdict() != Verdict.PASS).toList();
        assertEquals(1, died.size(), "one check died with its JVM, the others passed: " + verdicts.results());
        assertEquals(Verdict.HARNESS_ERROR, died.get(0).verdict());
        assertTrue(died.get(0).message().startsWith("the JVM ended (exit status 77) during this check"),
                died.get(0).message());
        assertTrue(verdicts.results().size() > 1 + passedIn(results, suite, "batch0-1"),
                "some checks passed after the death: " + verdicts.results());
        assertTrue(passedIn(results, suite, "batch0-2") > 0, "a second JVM resumed on the checks left");
    }

    /** The checks a test JVM finished, as its journal says. */
    private static long passedIn(Path results, Suite suite, String jvm) throws IOException {
        Path journal = results.resolve("work").resolve(suite.id()).resolve(jvm).resolve("journal");
        return Files.isRegularFile(journal) ? Files.readAllLines(journal).stream().filter(l -> l.startsWith("END\t")).count() : 0;
    }
}
