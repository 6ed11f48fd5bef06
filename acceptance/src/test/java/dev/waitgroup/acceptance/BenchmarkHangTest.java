package dev.waitgroup.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.waitgroup.record.BenchmarkRun;
import dev.waitgroup.record.ResultsFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A WaitGroup that hangs some way into a benchmark costs the run its bound, not the run: JMH's own
 * timeout only interrupts, and this one waits again. The forked VM is ended at {@code bench.bound},
 * the hang is recorded with where the threads were, the other benchmarks go on, and the report and
 * its gate name it.
 */
class BenchmarkHangTest {

    @Test
    void aBenchmarkThatHangsIsEndedAtItsBoundAndTheReportNamesIt(@TempDir Path folder) throws Exception {
        Path results = folder.resolve("results");
        Harness.Run benchmarks = Harness.benchmarks(results, "wg.impl=aqs,com.acme.HangsLaterWaitGroup",
                Harness.plugIns(), "bench.include=WaitGroupBenchmarks.handOff", "bench.bound=5s");

        assertEquals(0, benchmarks.exit(), "the benchmarks ran, whatever they found:\n" + benchmarks.output());
        BenchmarkRun run = ResultsFiles.readBenchmarkRun(results.resolve(BenchmarkRun.FILE));
        assertTrue(run.complete(), "every benchmark was measured or ended");
        assertEquals(2, run.problems().size(), "handOff at 1 and at 2 threads: " + run.problems());
        for (BenchmarkRun.Problem hang : run.problems()) {
            assertEquals(BenchmarkRun.Kind.HUNG, hang.kind());
            assertEquals("com.acme.HangsLaterWaitGroup", hang.implementation());
            assertTrue(hang.message().contains("finished no iteration for 5 s"), hang.message());
            assertTrue(hang.evidence().contains("at com.acme.HangsLaterWaitGroup.await(HangsLaterWaitGroup.java:"),
                    "the evidence shows where the benchmark's thread waits: " + hang.evidence());
        }
        assertTrue(Files.readString(results.resolve("jmh.json")).contains("\"aqs\""), "aqs was measured all the same");

        Harness.Run report = Harness.report(results, folder.resolve("report"));
        assertEquals(1, report.exit(), "a hang in a benchmark fails the gate:\n" + report.output());
        assertTrue(report.output().contains("com.acme.HangsLaterWaitGroup"), report.output());
        assertTrue(Files.readString(folder.resolve("report/site/index.html"))
                .contains("com.acme.HangsLaterWaitGroup hung"), "the speed section shows the hang");
    }
}
