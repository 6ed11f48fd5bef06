package dev.waitgroup.examples.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class CourseExercisesTest {
    private static final Duration BOUND = Duration.ofSeconds(10);
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

    @Test
    void fiveTasksPrintOneToFiveBeforeTheProgramSaysDone() {
        List<Integer> printed = assertTimeoutPreemptively(BOUND, () -> FiveTasks.run(out));
        assertEquals(Set.of(1, 2, 3, 4, 5), new TreeSet<>(printed), "each number exactly once, in any order");
        assertEquals(5, printed.size());
        String text = output.toString(StandardCharsets.UTF_8);
        assertTrue(text.trim().endsWith("all 5 tasks done"), "the summary comes last:\n" + text);
    }

    @Test
    void theSummaryComesAfterTheSlowestSleeper() {
        SleepingWorkers.Summary summary = assertTimeoutPreemptively(BOUND,
                () -> SleepingWorkers.run(4, Duration.ofMillis(10), out));
        assertEquals(40, summary.longest().toMillis(), "the slowest worker had finished");
        assertTrue(summary.elapsed().toMillis() >= 40, "await() returned only after the longest sleep");
        String[] lines = output.toString(StandardCharsets.UTF_8).trim().split("\n");
        assertEquals(5, lines.length);
        assertTrue(lines[4].startsWith("summary: 4 workers"), lines[4]);
    }

    @Test
    void theWorkersOfThePoolDoEveryJobOnce() {
        WorkerPool.Result result = assertTimeoutPreemptively(BOUND, () -> WorkerPool.run(4, 1000, out));
        long expected = 0;
        for (long job = 1; job <= 1000; job++) {
            expected += job * job;
        }
        assertEquals(expected, result.sumOfSquares());
        assertEquals(1000, result.jobsPerWorker().values().stream().mapToInt(Integer::intValue).sum());
    }
}
