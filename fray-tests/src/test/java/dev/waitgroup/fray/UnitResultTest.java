package dev.waitgroup.fray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** How the child JVM tells the engine what a unit came to, and what it reads of Fray's deadlock report. */
class UnitResultTest {

    @Test
    void aResultReadsBackAsTheChildWroteIt() {
        UnitResult failed = new UnitResult("history-3", UnitResult.Status.FAILED, 6, 6, "release",
                "T2: await() did not return", true, 1, 2, false, 812, "", "history-3-shrunk|0|await|add:1,done",
                "history-3|0|await,count|add:1,done", 8, "true");
        assertEquals(failed, UnitResult.of(failed.properties()));
        UnitResult notRun = UnitResult.notRun("two-waiters-one-releaser", FrayFacts.TWO_WAITERS_SKIPPED);
        assertEquals(notRun, UnitResult.of(notRun.properties()));
        Properties broken = new Properties();
        broken.setProperty("status", "exploded");
        assertThrows(IllegalArgumentException.class, () -> UnitResult.of(broken));
    }

    @Test
    void aDeadlockReportGivesEachBlockedThreadItsStackWithoutFraysFrames() {
        String log = "2026-11-30 16:37:02 [INFO]: Error: org.pastalab.fray.runtime.DeadlockException\n"
                + "Thread: Thread[#366,W2,5,main]\n"
                + "Stacktrace: \n"
                + "\tat java.base/java.lang.Thread.getStackTrace(Thread.java:2193)\n"
                + "\tat org.pastalab.fray.core.RunContext.reportError(RunContext.kt:137)\n"
                + "\tat java.base/java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject.await(AbstractQueuedSynchronizer.java)\n"
                + "\tat dev.waitgroup.specimen.StaleRoundWaitGroup.await(StaleRoundWaitGroup.java:59)\n"
                + "\tat dev.waitgroup.fray.scenario.Calls.lambda$of$2(Calls.java:40)\n"
                + "\tat dev.waitgroup.fray.scenario.Track.record(Track.java:112)\n"
                + "\n"
                + "2026-11-30 16:37:02 [INFO]: The recording is saved to /tmp/recording\n";
        assertEquals(Map.of("W2", "java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject.await("
                + "AbstractQueuedSynchronizer.java)\ndev.waitgroup.specimen.StaleRoundWaitGroup.await("
                + "StaleRoundWaitGroup.java:59)\n"), UnitExploration.blockedThreads(log));
    }
}
