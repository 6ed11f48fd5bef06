package dev.waitgroup.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.waitgroup.catalogue.Baseline;
import dev.waitgroup.catalogue.Benchmark;
import dev.waitgroup.catalogue.Category;
import dev.waitgroup.catalogue.Check;
import dev.waitgroup.catalogue.ImplementationKind;
import dev.waitgroup.catalogue.ReuseBehaviour;
import dev.waitgroup.catalogue.Suite;
import dev.waitgroup.record.CheckResult;
import dev.waitgroup.record.Evidence;
import dev.waitgroup.record.Expected;
import dev.waitgroup.record.ImplementationInfo;
import dev.waitgroup.record.ResultsFiles;
import dev.waitgroup.record.RunInfo;
import dev.waitgroup.record.Shard;
import dev.waitgroup.record.SuiteRecorder;
import dev.waitgroup.record.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report as the README runs it by hand, on a results folder the suites wrote when each was run on
 * its own: no run id, no selection given. Its settings come from the map given, never from the JVM's
 * system properties, so nothing on a user's command line changes these tests.
 */
class ReportMainTest {
    @TempDir
    Path folder;

    @Test
    void suitesRunByHandWithoutARunIdAreReportedAndGated() throws Exception {
        Path results = folder.resolve("results");
        for (Suite suite : Suite.values()) {
            writeOneVerdict(results, suite, new RunInfo(null, "default", "cas", "", Shard.WHOLE, "a JVM", 17), Verdict.PASS);
        }
        Path out = folder.resolve("out");

        int status = ReportMain.run(new String[] {out.toString()}, Map.of("wg.results.dir", results.toString())::get);

        assertEquals(0, status, "every verdict passed");
        assertTrue(Files.readString(out.resolve("site/report.md")).contains("**Gate: PASSED.**"));
    }

    @Test
    void aFailedGateIsStatusOneAndAnEarlierReportIsGoneFirst() throws Exception {
        Path results = folder.resolve("results");
        for (Suite suite : Suite.values()) {
            writeOneVerdict(results, suite, new RunInfo("r1", "default", "cas", "", Shard.WHOLE, "a JVM", 17),
                    suite == Suite.CONTRACT ? Verdict.FAIL : Verdict.PASS);
        }
        Path out = folder.resolve("out");
        Files.createDirectories(out.resolve("junit"));
        Files.writeString(out.resolve("junit/TEST-stale.xml"), "<testsuite name=\"an earlier run\"/>");

        int status = ReportMain.run(new String[] {out.toString()}, Map.of("wg.results.dir", results.toString())::get);

        assertEquals(1, status, "cas failed a contract check");
        assertFalse(Files.exists(out.resolve("junit/TEST-stale.xml")), "no JUnit XML of an earlier run is left behind");
        assertTrue(Files.readString(out.resolve("site/report.md")).contains("**Gate: FAILED**, 1 reason:"),
                Files.readString(out.resolve("site/report.md")));
    }

    /**
     * The Choosing table lists a group's failed checks with commas between them, and each failure's
     * Reproduce: line is a paragraph of its own, not run into its message.
     */
    @Test
    void theMarkdownSeparatesFailedChecksAndPutsEachReproduceCommandOnItsOwn() throws Exception {
        Path results = folder.resolve("results");
        RunInfo run = new RunInfo("r1", "default", "cas", "", Shard.WHOLE, "a JVM", 17);
        SuiteRecorder recorder = casRecorder(results, Suite.CONTRACT, run);
        List<Check> checks = Check.of(Suite.CONTRACT).stream().filter(c -> c.category() == Category.CONTRACT).limit(2)
                .toList();
        recorder.expect(checks.stream().map(c -> new Expected("cas", c)).toList());
        for (Check check : checks) {
            recorder.record(new CheckResult("cas", check, Verdict.FAIL, 1, "a test", "it failed", List.of(), Map.of(),
                    "java -Dwg.impl=cas -Dwg.check=" + check.id() + " -jar contract-tests/target/contract-suite.jar"));
        }
        recorder.finish();
        Path out = folder.resolve("out");

        ReportMain.run(new String[] {out.toString()}, Map.of("wg.results.dir", results.toString(), "wg.gate", "false")::get);

        String markdown = Files.readString(out.resolve("site/report.md"));
        assertTrue(markdown.contains("✗ 0 / 2: contract " + checks.get(0).id() + ", contract " + checks.get(1).id() + " |"),
                markdown);
        assertTrue(markdown.contains("it failed\n\n  Reproduce: `java -Dwg.impl=cas -Dwg.check=" + checks.get(0).id()),
                markdown);
        assertTrue(markdown.contains("No specimen was in this run's selection"), "no empty table: " + markdown);
        assertFalse(markdown.contains("| Specimen |"), markdown);
    }

    /** The Markdown twin, like the page and the JUnit XML, shows the shortest failing history an exploration found. */
    @Test
    void theMarkdownShowsAFailuresShortestHistoryBesideItsReproduceCommand() throws Exception {
        Path results = folder.resolve("results");
        RunInfo run = new RunInfo("r1", "default", "cas", "", Shard.WHOLE, "a JVM", 17);
        SuiteRecorder recorder = casRecorder(results, Suite.EXPLORATION, run);
        Check check = Check.of(Suite.EXPLORATION).get(0);
        recorder.expect(List.of(new Expected("cas", check)));
        String history = "scenario:\nT1:\n    add(1)\n    await(1, NANOSECONDS)\n    await()";
        recorder.record(CheckResult.of("cas", check, Verdict.FAIL, 1, "an exploration", "[release] T1: await() did not return")
                .withEvidence(new Evidence(Evidence.Kind.HISTORY, "the shortest failing history found", history))
                .withEvidence(new Evidence(Evidence.Kind.STACK_TRACE, "what the check threw", "java.lang.AssertionError")));
        recorder.finish();
        Path out = folder.resolve("out");

        ReportMain.run(new String[] {out.toString()}, Map.of("wg.results.dir", results.toString(), "wg.gate", "false")::get);

        String markdown = Files.readString(out.resolve("site/report.md"));
        assertTrue(markdown.contains("the shortest failing history found:\n\n```\n" + history + "\n```"), markdown);
        assertFalse(markdown.contains("java.lang.AssertionError"), "a stack trace stays in the page: " + markdown);
    }

    @Test
    void withTheGateOffAFailedGateLetsTheBuildGoOn() throws Exception {
        Path results = folder.resolve("results");
        for (Suite suite : Suite.values()) {
            writeOneVerdict(results, suite, new RunInfo("r1", "default", "cas", "", Shard.WHOLE, "a JVM", 17), Verdict.FAIL);
        }

        int status = ReportMain.run(new String[] {folder.resolve("out").toString()},
                Map.of("wg.results.dir", results.toString(), "wg.gate", "false")::get);

        assertEquals(0, status);
    }

    /** A default run measures nothing: the speed section says what the benchmarks measure when they run. */
    @Test
    void withoutSpeedFiguresTheSpeedSectionShowsTheWholeCatalogueAsNotMeasured() throws Exception {
        Path results = folder.resolve("results");
        writeOneVerdict(results, Suite.CONTRACT, new RunInfo("r1", "default", "cas", "", Shard.WHOLE, "a JVM", 17),
                Verdict.PASS);
        Path out = folder.resolve("out");

        ReportMain.run(new String[] {out.toString()}, Map.of("wg.results.dir", results.toString())::get);

        String markdown = speedSection(Files.readString(out.resolve("site/report.md")));
        assertTrue(markdown.contains("No speed figures in this run"), markdown);
        assertTrue(markdown.contains("What the benchmarks measure when they run (no figures from them in this run)"),
                markdown);
        for (Benchmark benchmark : Benchmark.values()) {
            assertTrue(markdown.contains("- **" + benchmark.method() + "**: " + benchmark.measures()), benchmark.method());
        }
        for (Baseline baseline : Baseline.values()) {
            assertTrue(markdown.contains("- **" + baseline.label() + "** (JDK baseline): " + baseline.what()),
                    baseline.label());
        }
        assertTrue(markdown.contains("Go counterpart: BenchmarkWaitGroupWait."), markdown);
        assertTrue(markdown.contains("Go counterpart: BenchmarkWaitGroupActuallyWait, a variant: compared with"
                + " actuallyWait's Go figure."), markdown);
        assertTrue(markdown.contains("Go counterpart: none."), markdown);
        String html = Files.readString(out.resolve("site/index.html"));
        assertTrue(html.contains("<dt>forkJoin</dt><dd>" + Html.escape(Benchmark.FORK_JOIN.measures())), "the HTML too");
    }

    /** Only what ran is described, each benchmark with its Go counterpart, each baseline with what it does. */
    @Test
    void withSpeedFiguresOnlyTheBenchmarksAndBaselinesThatRanAreDescribed() throws Exception {
        Path results = folder.resolve("results");
        writeOneVerdict(results, Suite.CONTRACT, new RunInfo("r1", "default", "cas", "", Shard.WHOLE, "a JVM", 17),
                Verdict.PASS);
        Files.writeString(results.resolve(Inputs.SPEED_FILE), "["
                + "{\"benchmark\":\"dev.waitgroup.bench.WaitGroupBenchmarks.addDone\",\"threads\":1,"
                + "\"params\":{\"impl\":\"cas\"},\"primaryMetric\":{\"score\":40.0,\"scoreError\":0.0,"
                + "\"scoreUnit\":\"ops/us\"}},"
                + "{\"benchmark\":\"dev.waitgroup.bench.PhaserBaseline.addDone\",\"threads\":1,"
                + "\"primaryMetric\":{\"score\":50.0,\"scoreError\":0.0,\"scoreUnit\":\"ops/us\"}}]");
        Path out = folder.resolve("out");

        ReportMain.run(new String[] {out.toString()}, Map.of("wg.results.dir", results.toString())::get);

        String markdown = speedSection(Files.readString(out.resolve("site/report.md")));
        assertTrue(markdown.contains("- **addDone**: " + Benchmark.ADD_DONE.measures()
                + " Go counterpart: BenchmarkWaitGroupAddDone."), markdown);
        assertTrue(markdown.contains("- **Phaser** (JDK baseline): " + Baseline.PHASER.what()), markdown);
        for (Benchmark benchmark : Benchmark.values()) {
            assertEquals(benchmark == Benchmark.ADD_DONE, markdown.contains(benchmark.measures()),
                    benchmark.method() + " is described only when it ran");
        }
        for (Baseline baseline : Baseline.values()) {
            assertEquals(baseline == Baseline.PHASER, markdown.contains(baseline.what()),
                    baseline.label() + " is described only when it ran");
        }
        assertFalse(markdown.contains("What the benchmarks measure when they run"), markdown);
    }

    private static String speedSection(String markdown) {
        int start = markdown.indexOf("## Speed");
        return markdown.substring(start, markdown.indexOf("\n## ", start + 1));
    }

    private static void writeOneVerdict(Path results, Suite suite, RunInfo run, Verdict verdict) {
        SuiteRecorder recorder = casRecorder(results, suite, run);
        Check check = Check.of(suite).get(0);
        recorder.expect(List.of(new Expected("cas", check)));
        recorder.record(CheckResult.of("cas", check, verdict, 1, "a test", verdict == Verdict.PASS ? null : "it failed"));
        recorder.finish();
    }

    /** A recorder of the suite's verdicts on cas, the one implementation of these runs. */
    private static SuiteRecorder casRecorder(Path results, Suite suite, RunInfo run) {
        SuiteRecorder recorder = new SuiteRecorder(suite, run, ResultsFiles.of(results, suite));
        recorder.implementation(new ImplementationInfo("cas", ImplementationKind.IMPLEMENTATION,
                "dev.waitgroup.impl.CasSpinWaitGroup", "cas", "", "cas", ReuseBehaviour.FINISHES_OLD_ROUND, null, null));
        return recorder;
    }
}
