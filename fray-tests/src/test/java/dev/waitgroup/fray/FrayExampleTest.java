package dev.waitgroup.fray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.waitgroup.catalogue.ReuseBehaviour;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fray at work, in two small examples (seconds each, once the instrumented JDK is built: the first run
 * of a fresh build links it, about 25 s): a lost wake-up found, judged by the model and replayed from
 * its recording, and a correct WaitGroup passing. Where there is no JDK 25 they are skipped with the
 * reason; the suite itself ({@code fray-suite.jar}) is the build's integration test, not these.
 */
class FrayExampleTest {
    private static FrayEngine.Preparation ready;

    @BeforeAll
    static void prepareTheImage() throws InterruptedException {
        ready = FrayEngine.ofThisBuild(Path.of("target", "fray-examples")).prepare();
    }

    private static FrayEngine.Request races(Class<?> type, ReuseBehaviour reuse, int schedules) {
        return new FrayEngine.Request(type.getName(), "", reuse, FrayCheck.RACES, schedules, 0, 1, SchedulerKind.POS,
                Duration.ofSeconds(60), 2);
    }

    @Test
    void aLostWakeUpIsADeadlockTheModelJudgesAndItsRecordingReplaysIt() throws Exception {
        Assumptions.assumeTrue(ready.ready(), ready.reason());
        FrayEngine engine = FrayEngine.ofThisBuild(Path.of("target", "fray-examples", "lost-wakeup"));
        FrayEngine.CheckRun run = engine.run(races(dev.waitgroup.specimen.LostWakeUpWaitGroup.class,
                ReuseBehaviour.UNKNOWN, 20));

        UnitResult first = run.units().get(0);
        assertEquals("racing-dones-near-zero", first.unit());
        assertEquals(UnitResult.Status.FAILED, first.status(), first.toString());
        assertEquals("release", first.rule(), "a waiter whose round ended never returned");
        assertTrue(first.deadlock(), "Fray found every thread blocked");
        assertEquals("true", first.replayed(), "the child replayed the recording once and it failed again");

        Path recording = run.folder().resolve(first.unit()).resolve("recording");
        UnitResult again = FrayEngine.ofThisBuild(Path.of("target", "fray-examples", "replay"))
                .replay(dev.waitgroup.specimen.LostWakeUpWaitGroup.class.getName(), "", ReuseBehaviour.UNKNOWN, recording);
        assertEquals(UnitResult.Status.FAILED, again.status(), again.toString());
        assertEquals(first.failedAt(), again.failedAt());
        String history = Files.readString(Path.of("target", "fray-examples", "replay", "replay", "history.txt"));
        assertTrue(history.contains("main  await() never returned"), history);
    }

    @Test
    void aCorrectGroupPassesEveryRaceItsFewSchedules() throws Exception {
        Assumptions.assumeTrue(ready.ready(), ready.reason());
        FrayEngine.CheckRun run = FrayEngine.ofThisBuild(Path.of("target", "fray-examples", "lock"))
                .run(races(dev.waitgroup.impl.LockConditionWaitGroup.class, ReuseBehaviour.FINISHES_OLD_ROUND, 5));
        assertEquals(7, run.units().size(), run.toString());
        for (UnitResult unit : run.units()) {
            assertEquals(UnitResult.Status.PASSED, unit.status(), unit.toString());
            assertEquals(5 + 2, unit.schedules(), "5 under POS, then a second look of 2 under the random scheduler: "
                    + unit);
        }
        try (Stream<Path> files = Files.list(run.folder())) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith("fray-instrumentation")),
                    "what Fray's agent leaves in its temporary folder is in the check's work folder, not in /tmp");
        }
    }
}
