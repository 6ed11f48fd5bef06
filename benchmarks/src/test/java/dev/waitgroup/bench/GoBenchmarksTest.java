package dev.waitgroup.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.waitgroup.record.GoResults;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading Go's benchmark output, as {@code go test -bench WaitGroup -cpu 1,2 -count 3 sync} prints it. */
class GoBenchmarksTest {
    private static final String OUTPUT = String.join("\n",
            "goos: linux", "goarch: amd64", "pkg: sync", "cpu: AMD EPYC",
            "BenchmarkWaitGroupUncontended      \t185612415\t         6.418 ns/op",
            "BenchmarkWaitGroupUncontended      \t185612415\t         6.100 ns/op",
            "BenchmarkWaitGroupUncontended      \t185612415\t         7.000 ns/op",
            "BenchmarkWaitGroupAddDone-2        \t116893605\t        10.49 ns/op",
            "BenchmarkWaitGroupActuallyWait-2   \t  4756327\t       227.8 ns/op\t      32 B/op\t       2 allocs/op",
            "BenchmarkMutexUncontended          \t100000000\t         5.0 ns/op",
            "PASS", "ok  \tsync\t21.715s");

    @Test
    void eachBenchmarkAtEachGomaxprocsIsTheMedianOfItsRepetitionsUnderItsMirrorsName() {
        List<GoResults.Figure> figures = GoBenchmarks.parse(OUTPUT);
        assertEquals(3, figures.size(), "only WaitGroup benchmarks: " + figures);
        GoResults.Figure uncontended = figures.get(0);
        assertEquals("uncontended", uncontended.benchmark());
        assertEquals(1, uncontended.threads(), "no suffix is -cpu 1");
        assertEquals(6.418, uncontended.nsPerOp(), 1e-9);
        assertEquals(6.1, uncontended.min(), 1e-9);
        assertEquals(7.0, uncontended.max(), 1e-9);
        assertEquals(3, uncontended.samples());
        assertEquals(2, figures.get(1).threads());
        assertEquals("actuallyWait", figures.get(2).benchmark(), "Go's ActuallyWait starts a goroutine per round");
    }

    @Test
    void withoutAGoToolchainThereIsNoFileAndTheReasonSaysHowToGetOne(@TempDir Path folder) throws Exception {
        Path file = folder.resolve(GoResults.FILE);
        String why = GoBenchmarks.run(folder.resolve("no-such-go").toString(), 1, file);
        assertTrue(why.contains("apt-get install golang-go"), why);
        assertTrue(!file.toFile().exists());
        assertTrue(GoBenchmarks.run("none", 1, file).contains("wg.go=none"));
    }
}
