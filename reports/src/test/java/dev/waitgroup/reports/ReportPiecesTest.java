package dev.waitgroup.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.waitgroup.catalogue.Benchmark;
import dev.waitgroup.catalogue.Check;
import dev.waitgroup.record.CheckResult;
import dev.waitgroup.record.Verdict;
import dev.waitgroup.record.GoResults;
import dev.waitgroup.record.ResultsFiles;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pieces of the report: JMH units, Go's figures, escaping. */
class ReportPiecesTest {

    @Test
    void jmhThroughputBecomesNanosecondsPerOperationForAllThreads(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("results.json");
        Files.writeString(file, "[{\"benchmark\":\"dev.waitgroup.bench.WaitGroupBenchmarks.addDone\",\"threads\":2,"
                + "\"params\":{\"impl\":\"cas\"},\"primaryMetric\":{\"score\":40.0,\"scoreError\":0.0,"
                + "\"scoreUnit\":\"ops/us\"}},"
                + "{\"benchmark\":\"dev.waitgroup.bench.WaitGroupBenchmarks.addDone\",\"threads\":2,"
                + "\"params\":{\"impl\":\"com.acme.MyWaitGroup\"},\"primaryMetric\":{\"score\":20.0,"
                + "\"scoreError\":0.0,\"scoreUnit\":\"ops/us\"}},"
                + "{\"benchmark\":\"dev.waitgroup.bench.AtomicIntegerBaseline.addDone\",\"threads\":2,"
                + "\"primaryMetric\":{\"score\":50.0,\"scoreError\":\"NaN\",\"scoreUnit\":\"ops/us\"}}]");
        JmhResults jmh = JmhResults.read(file);
        assertEquals(3, jmh.measurements.size());
        assertEquals("MyWaitGroup", jmh.measurements.get(1).implementation(),
                "a plugged-in class is named by its simple name, as in the suites' results");
        JmhResults.Measurement cas = jmh.measurements.get(0);
        assertEquals("cas", cas.implementation());
        assertEquals(25.0, cas.nsPerOp(), 1e-9, "40 operations per microsecond over both threads: 25 ns each");
        assertEquals("AtomicInteger", jmh.measurements.get(2).implementation(), "baselines are named by their class");

        Speed speed = Speed.of(jmh, java.util.List.of("cas"), null);
        Speed.Row row = speed.rows.get(0);
        assertEquals("cas", row.best());
        assertEquals(null, row.go(), "without Go in this run there is no Go figure to divide by");
        assertEquals(48.7, row.goReference(), 1e-9, "only the reference, for orientation");
        assertEquals(Map.of("AtomicInteger", 20.0), row.baselines());
        assertTrue(speed.chart("addDone", "").startsWith("<svg"), "a chart per benchmark");

        GoResults sameRun = new GoResults(ResultsFiles.FORMAT_VERSION, "go version go1.19.8 linux/amd64", "go test",
                "2026-11-29T04:00:00Z", 2, java.util.List.of(new GoResults.Figure("BenchmarkWaitGroupAddDone", "addDone",
                2, 10.5, 10.1, 11.0, 3)));
        Speed side = Speed.of(jmh, java.util.List.of("cas"), sameRun);
        assertEquals(10.5, side.rows.get(0).go().nsPerOp(), 1e-9, "Go's figure from this very run");
    }

    @Test
    void twoThreadsThatDoNotScaleFlagTheRun(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("results.json");
        Files.writeString(file, "[" + baseline(1, 200.0) + "," + baseline(2, 220.0) + "]");
        assertEquals(1.1, Speed.of(JmhResults.read(file), java.util.List.of(), null).twoThreadScaling(), 1e-9,
                "200 ops/us on one thread, 220 on two: a second core was not there");
        Files.writeString(file, "[" + baseline(1, 200.0) + "," + baseline(2, 396.0) + "]");
        assertEquals(1.98, Speed.of(JmhResults.read(file), java.util.List.of(), null).twoThreadScaling(), 1e-9);
    }

    private static String baseline(int threads, double opsPerMicrosecond) {
        return "{\"benchmark\":\"dev.waitgroup.bench.AtomicIntegerBaseline.uncontended\",\"threads\":" + threads
                + ",\"primaryMetric\":{\"score\":" + opsPerMicrosecond + ",\"scoreError\":0.0,\"scoreUnit\":\"ops/us\"}}";
    }

    @Test
    void speedRowsOrderParametersAsNumbersAndJmhTimeIsSummedOverForks(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("results.json");
        StringBuilder json = new StringBuilder("[");
        for (String tasks : new String[] {"64", "1", "8"}) {
            json.append(json.length() > 1 ? "," : "")
                    .append("{\"benchmark\":\"dev.waitgroup.bench.WaitGroupBenchmarks.forkJoin\",\"threads\":1,")
                    .append("\"forks\":2,\"warmupIterations\":1,\"warmupTime\":\"500 ms\",")
                    .append("\"measurementIterations\":2,\"measurementTime\":\"1 s\",")
                    .append("\"params\":{\"impl\":\"go\",\"tasks\":\"").append(tasks).append("\"},")
                    .append("\"primaryMetric\":{\"score\":1.0,\"scoreError\":0.0,\"scoreUnit\":\"us/op\"}}");
        }
        Files.writeString(file, json.append("]").toString());
        JmhResults jmh = JmhResults.read(file);
        assertEquals(3 * 2 * (500 + 2 * 1_000), jmh.iterationMillis, "three runs of two forks, 2.5 s each");
        assertEquals(java.util.List.of("tasks=1", "tasks=8", "tasks=64"),
                Speed.of(jmh, java.util.List.of("go"), null).rows.stream().map(Speed.Row::params).toList());
        assertTrue(Speed.NATURAL.compare("", "tasks=1") < 0, "a benchmark without parameters comes first");
        assertEquals(0, Speed.NATURAL.compare("", ""));
    }

    @Test
    void goReferenceHasTheSixBenchmarksAtOneAndTwoThreads() {
        Map<String, Double> go = Speed.goReference();
        assertEquals(12, go.size());
        assertEquals(236.0, go.get("actuallyWait@2"), 1e-9);
        assertTrue(go.keySet().stream().allMatch(key -> !key.startsWith("handOff")), "the hand-off is not Go's");
        for (String key : go.keySet()) {
            String benchmark = key.substring(0, key.indexOf('@'));
            assertTrue(Benchmark.of(benchmark).flatMap(Benchmark::goCounterpart)
                    .filter(Benchmark.GoCounterpart::exact).isPresent(), key + ": filed under a Go benchmark's exact mirror");
        }
    }

    /** A variant of a Go benchmark is compared with its exact mirror's Go figure; what is not Go's with none. */
    @Test
    void goFiguresAreFoundThroughTheCatalogue(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("results.json");
        StringBuilder json = new StringBuilder("[");
        for (String benchmark : new String[] {"actuallyWait", "actuallyWaitVirtual", "handOff"}) {
            json.append(json.length() > 1 ? "," : "")
                    .append("{\"benchmark\":\"dev.waitgroup.bench.WaitGroupBenchmarks.").append(benchmark)
                    .append("\",\"threads\":2,\"params\":{\"impl\":\"cas\"},")
                    .append("\"primaryMetric\":{\"score\":1.0,\"scoreError\":0.0,\"scoreUnit\":\"us/op\"}}");
        }
        Files.writeString(file, json.append("]").toString());
        JmhResults jmh = JmhResults.read(file);
        GoResults sameRun = new GoResults(ResultsFiles.FORMAT_VERSION, "go version go1.19.8 linux/amd64", "go test",
                "2026-11-29T04:00:00Z", 2, java.util.List.of(new GoResults.Figure("BenchmarkWaitGroupActuallyWait",
                "actuallyWait", 2, 227.8, 220.0, 230.0, 3)));
        for (GoResults go : java.util.Arrays.asList(null, sameRun)) {
            java.util.List<Speed.Row> rows = Speed.of(jmh, java.util.List.of("cas"), go).rows;
            assertEquals(java.util.List.of("actuallyWait", "actuallyWaitVirtual", "handOff"),
                    rows.stream().map(Speed.Row::benchmark).toList(), "in the catalogue's order");
            assertEquals(236.0, rows.get(1).goReference(), 1e-9, "the variant: the reference of Go's ActuallyWait");
            assertEquals(go == null ? null : 227.8, rows.get(1).go() == null ? null : rows.get(1).go().nsPerOp());
            assertEquals(rows.get(0).go(), rows.get(1).go());
            assertEquals(null, rows.get(2).goReference(), "the hand-off is not Go's");
            assertEquals(null, rows.get(2).go());
        }
    }

    /** A pass for only the units Fray could run is never shown as a plain pass, and its evidence says why. */
    @Test
    void aPassInPartLooksLikeNoPlainPassAndShowsItsEvidence() {
        CheckResult whole = CheckResult.of("go", Check.FRAY_RACES, Verdict.PASS, 10, "Fray", "");
        CheckResult inPart = whole.withDetails(Map.of(CheckResult.PARTS_NOT_RUN, 2));

        assertEquals("✓", Look.symbol(whole, false));
        assertEquals("◐", Look.symbol(inPart, false));
        assertEquals("pass, in part (2 parts not run)", Look.label(inPart, false));
        assertEquals(Look.PARTLY, Look.cssClass(inPart, false));
        assertTrue(EvidenceView.shows(inPart), "the reader can see which parts did not run, and why");
        assertEquals("not caught by this check", Look.label(inPart, true), "for a specimen it is still a miss");
        assertEquals(false, CheckResult.of("go", Check.FRAY_RACES, Verdict.NOT_RUN, 10, "Fray", "")
                .withDetails(Map.of(CheckResult.PARTS_NOT_RUN, 7)).passedInPart(), "only a pass is a pass in part");
    }

    /** A verdict whose message begins with its label says it once; any other message follows a dash. */
    @Test
    void aLabelIsSaidOnceWhereTheMessageBeginsWithIt() {
        CheckResult notRun = CheckResult.of("go", Check.FRAY_RACES, Verdict.NOT_RUN, 0, "Fray",
                "not run: no JDK 25 found; looked in /usr/lib/jvm\nand more");
        CheckResult failed = CheckResult.of("go", Check.FRAY_RACES, Verdict.FAIL, 10, "Fray", "[release] await() did not return");

        assertEquals("not run: no JDK 25 found; looked in /usr/lib/jvm", Look.labelled(Look.label(notRun, false),
                notRun.message()));
        assertEquals("fail — [release] await() did not return", Look.labelled(Look.label(failed, false),
                failed.message()));
        assertEquals("pass", Look.labelled("pass", ""));
    }

    @Test
    void evidenceCutShortSaysHowMuchIsLeftAndWhereItIsKept() {
        String fiveLines = "one\ntwo\nthree\nfour\nfive";
        assertEquals(fiveLines, EvidenceView.firstLines(fiveLines, 5), "what fits is shown whole");
        String cut = EvidenceView.firstLines(fiveLines, 2);
        assertTrue(cut.startsWith("one\ntwo\n... 3 more lines: "), cut);
        assertTrue(cut.contains("target/wg-results/") && cut.contains("target/wg-reproduce/"),
                "the results folder is replaced by the next build, so the reproduce command's folder is named too: "
                        + cut);
    }

    @Test
    void textIsEscapedForHtml() {
        assertEquals("&lt;a href=&quot;x&quot;&gt;&amp;&#39;", Html.escape("<a href=\"x\">&'"));
    }
}
