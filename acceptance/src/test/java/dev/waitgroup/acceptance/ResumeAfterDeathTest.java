package dev.waitgroup.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.waitgroup.catalogue.Suite;
import dev.waitgroup.record.CheckResult;
import dev.waitgroup.record.MutationResults;
import dev.waitgroup.record.MutationScore;
import dev.waitgroup.record.SuiteResults;
import dev.waitgroup.record.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
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
 * code under test in JVMs of their own, whose deaths they contain themselves.
 *
 * <p>The second test kills every engine's JVM from outside, as the OS does when memory runs out, once
 * it has finished a check: the same runner resumes each, jcstress (which loses what it found when its
 * JVM dies) by running its tests again. The third kills a PIT JVM, whose unit is a whole implementation.
 * (The cross-examination's JVM is killed in its own module's {@code CrossExaminationTest}.)
 */
class ResumeAfterDeathTest {
    /**
     * PIT's log once its JVM has handed the checks to its first minion: seconds before it ends, the coverage
     * and every mutant still to come (measured on lock with one check: 1 s after its start, 4 s before its end).
     */
    private static final String PIT_MEASURING = "(?s).*PIT >> INFO : Sent tests to minion.*";

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
        assertEquals(Verdict.FAIL, died.get(0).verdict(), "a halt, which only code under test does, is its failure");
        assertTrue(died.get(0).message().startsWith("the JVM ended (exit status 77) during this check"),
                died.get(0).message());
        assertTrue(died.get(0).message().endsWith("code under test called Runtime.halt(77)"), died.get(0).message());
        assertTrue(verdicts.results().size() > 1 + passedIn(results, suite, "batch0-1"),
                "some checks passed after the death: " + verdicts.results());
        assertTrue(passedIn(results, suite, "batch0-2") > 0, "a second JVM resumed on the checks left");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "contract    | aqs,phaser | reuse-rounds,every-waiter-released,new-group-is-zero,overflow-refused",
            "lincheck    | aqs        | mc-two-waiters,mc-racing-dones,mc-late-release",
            "exploration | aqs        | explore-sequential,explore-rounds,explore-concurrent",
            "fray        | aqs,phaser,lock,cas | fray-races",
            "jcstress    | aqs        | racing-add-and-done,racing-dones-one-refused,forgotten-done,error-group-first-failure"})
    void aJvmTheOsKillsCostsAtMostTheCheckItWasRunningInEveryEngine(String suiteId, String implementations,
                                                                    String checks, @TempDir Path results) {
        Suite suite = Suite.of(suiteId);
        Path firstJvm = results.resolve("work").resolve(suite.id()).resolve("batch0-1");
        Harness.Run run = Harness.suite(suite, results, harness -> killOnceItFinishedACheck(harness, firstJvm, suite),
                "wg.impl=" + implementations, "wg.check=" + checks, "exploration.histories=30",
                "exploration.rounds=200", "fray.schedules=2");

        assertEquals(0, run.exit(), run.output());
        assertTrue(Files.exists(firstJvm.resolveSibling("batch0-2")), "a fresh JVM resumed: " + run.output());
        SuiteResults verdicts = run.suite(suite);
        assertEquals(List.of(), verdicts.missing(), "every check has its verdict");
        List<CheckResult> lost = verdicts.results().stream()
                .filter(r -> r.verdict() != Verdict.PASS && r.verdict() != Verdict.REPRODUCED).toList();
        assertTrue(lost.size() <= 1, "at most the check that was running is lost: " + lost);
        for (CheckResult result : lost) {
            assertEquals(Verdict.HARNESS_ERROR, result.verdict(), result.toString());
            assertTrue(result.message().startsWith("the JVM ended (exit status 137) during this check"), result.message());
        }
    }

    /**
     * PIT, the last engine of the runner, measures one implementation per JVM: a PIT JVM the OS kills
     * costs the implementation it was measuring, which says how its JVM ended, and a fresh JVM measures
     * the next. (One contract check, so that PIT's run is short.)
     */
    @Test
    void aPitJvmTheOsKillsCostsAtMostTheImplementationItWasMeasuring(@TempDir Path results) {
        Path firstJvm = results.resolve("work").resolve("mutation").resolve("batch0-1");
        Harness.Run run = Harness.mutation(results,
                harness -> killOnce(harness, firstJvm, firstJvm.resolve("output.log"), PIT_MEASURING),
                "wg.impl=lock,aqs", "wg.check=new-group-is-zero");

        assertEquals(0, run.exit(), run.output());
        assertTrue(Files.exists(firstJvm.resolveSibling("batch1-1")), "a fresh JVM measured the next: " + run.output());
        MutationResults mutation = run.mutation();
        assertTrue(mutation.complete(), run.output());
        MutationScore killed = mutation.scores().get(0);
        assertEquals("lock", killed.implementation());
        assertTrue(killed.error() != null && killed.error().contains("the JVM ended (exit status 137)"), killed.toString());
        MutationScore next = mutation.scores().get(1);
        assertEquals("aqs", next.implementation());
        assertEquals(null, next.error(), next.toString());
        assertTrue(next.mutants() > 0 && next.killed() > 0, next.toString());
    }

    /**
     * Kills the suite's first engine JVM (and what it started) with SIGKILL once it has finished a check:
     * its journal has an END line, or, for jcstress, whose JVMs do not journal, its log a test's result.
     */
    private static void killOnceItFinishedACheck(Process harness, Path firstJvm, Suite suite) {
        if (suite == Suite.JCSTRESS) {
            killOnce(harness, firstJvm, firstJvm.resolve("output.log"), "(?s).*\\n\\.+ +\\[[A-Z ]+] .*");
        } else {
            killOnce(harness, firstJvm, firstJvm.resolve("journal"), "(?s)(.*\\n)?END\t.*");
        }
    }

    /** SIGKILL, as the OS sends it, to the JVM working in {@code firstJvm} and its children, once {@code progress} matches. */
    private static void killOnce(Process harness, Path firstJvm, Path progress, String finished) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        while (harness.isAlive() && System.nanoTime() < deadline) {
            try {
                if (Files.isRegularFile(progress) && Files.readString(progress).matches(finished)) {
                    harness.descendants().filter(p -> p.info().commandLine().orElse("").contains(firstJvm.toString()))
                            .forEach(jvm -> {
                                jvm.descendants().forEach(ProcessHandle::destroyForcibly);
                                jvm.destroyForcibly();
                            });
                    return;
                }
                Thread.sleep(50);
            } catch (IOException | java.io.UncheckedIOException e) {
                // being written: read it again
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The checks a test JVM finished, as its journal says. */
    private static long passedIn(Path results, Suite suite, String jvm) throws IOException {
        Path journal = results.resolve("work").resolve(suite.id()).resolve(jvm).resolve("journal");
        return Files.isRegularFile(journal) ? Files.readAllLines(journal).stream().filter(l -> l.startsWith("END\t")).count() : 0;
    }
}
