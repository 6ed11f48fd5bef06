package dev.waitgroup.fray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Fray's own hang is told from the WaitGroup's by where the scenario's threads, and the group's own, sleep. */
class LostControlTest {
    private static final String FRAY_SCHEDULED = "\"waiter-2\" #24 prio=5 waiting on condition\n"
            + "   java.lang.Thread.State: WAITING (parking)\n"
            + "\tat jdk.internal.misc.Unsafe.park(java.base@25.0.3/Native Method)\n"
            + "\tat org.pastalab.fray.core.utils.Sync.block(Sync.kt:28)\n"
            + "\tat dev.waitgroup.fray.scenario.Call.of(Call.java:26)\n";
    private static final String BLOCKED_IN_THE_JDK = "\"waiter-1\" #23 prio=5 waiting on condition\n"
            + "   java.lang.Thread.State: WAITING (parking)\n"
            + "\tat jdk.internal.misc.Unsafe.park(java.base@25.0.3/Native Method)\n"
            + "\tat java.util.concurrent.locks.LockSupport.park(java.base@25.0.3/LockSupport.java:223)\n"
            + "\tat java.util.concurrent.locks.AbstractQueuedSynchronizer.acquire(AbstractQueuedSynchronizer.java:790)\n"
            + "\tat dev.waitgroup.fray.scenario.Call.of(Call.java:26)\n";
    private static final String SPINNING = "\"waiter-1\" #23 prio=5 runnable\n"
            + "   java.lang.Thread.State: RUNNABLE\n"
            + "\tat dev.waitgroup.specimen.UnsynchronizedReadWaitGroup.await(UnsynchronizedReadWaitGroup.java:40)\n"
            + "\tat dev.waitgroup.fray.scenario.Call.of(Call.java:26)\n";

    private static final String TIMER_OF_THE_GROUP = "\"acme-timer\" #64 [5092] daemon prio=5 waiting on condition\n"
            + "   java.lang.Thread.State: WAITING (parking)\n"
            + "\tat jdk.internal.misc.Unsafe.park(java.base@25.0.3/Native Method)\n"
            + "\tat java.util.concurrent.locks.LockSupport.park(java.base@25.0.3/LockSupport.java:369)\n"
            + "\tat java.util.concurrent.ScheduledThreadPoolExecutor$DelayedWorkQueue.take("
            + "java.base@25.0.3/ScheduledThreadPoolExecutor.java:1154)\n"
            + "\tat java.lang.Thread.run(java.base@25.0.3/Thread.java:1474)\n";
    private static final String FRAY_AT_THE_END_OF_THE_SCHEDULE = "\"main\" #60 [5088] prio=5 waiting on condition\n"
            + "   java.lang.Thread.State: WAITING (parking)\n"
            + "\tat org.pastalab.fray.core.utils.Sync.block(Sync.kt:28)\n"
            + "\tat org.pastalab.fray.core.RunContext.waitForAllThreadsToFinish_IoAF18A$lambda$0(RunContext.kt:202)\n"
            + "\tat org.pastalab.fray.core.TestRunner.run$lambda$0(TestRunner.kt:69)\n";
    private static final String THE_JVMS_OWN = "\"Common-Cleaner\" #17 daemon prio=8 waiting on condition\n"
            + "   java.lang.Thread.State: TIMED_WAITING (parking)\n"
            + "\tat jdk.internal.misc.Unsafe.park(java.base@25.0.3/Native Method)\n"
            + "\tat jdk.internal.ref.CleanerImpl.run(java.base@25.0.3/CleanerImpl.java:140)\n";

    /**
     * A group whose timed wait schedules its wake-up on a static pool: the pool's worker outlives the
     * schedule, and Fray waits for it at the end of every schedule. No unit can be judged.
     */
    @Test
    void aThreadTheGroupKeepsStopsEverySchedule() {
        String dump = FRAY_AT_THE_END_OF_THE_SCHEDULE + "\n" + TIMER_OF_THE_GROUP + "\n" + THE_JVMS_OWN;
        assertEquals(Optional.of("Fray is stuck while \"acme-timer\" (in java.util.concurrent.ScheduledThreadPoolExecutor"
                        + "$DelayedWorkQueue.take(ScheduledThreadPoolExecutor.java:1154)), a thread the group started and"
                        + " keeps, is parked where Fray does not schedule it; " + FrayFacts.THREADS_OUTLIVE_SCHEDULE),
                LostControl.frayStuck(dump));
        assertTrue(LostControl.groupKeepsAThread(dump));
    }

    /** The same worker while a scenario thread still waits in Fray's scheduler: still the group's thread. */
    @Test
    void aThreadTheGroupKeepsIsNamedWhileTheScenarioWaits() {
        String dump = FRAY_SCHEDULED + "\n" + TIMER_OF_THE_GROUP;
        assertTrue(LostControl.frayStuck(dump).orElseThrow().startsWith("Fray is stuck while \"acme-timer\""));
        assertTrue(LostControl.groupKeepsAThread(dump));
        assertFalse(LostControl.groupKeepsAThread(FRAY_SCHEDULED + "\n" + THE_JVMS_OWN), "the JVM's threads are no one's");
    }

    @Test
    void aScenarioThreadParkedInTheJdkOutsideFrayIsFraysLoss() {
        assertEquals(Optional.of("waiter-1: java.util.concurrent.locks.AbstractQueuedSynchronizer.acquire("
                        + "AbstractQueuedSynchronizer.java:790) blocks in JDK code Fray does not schedule, while "
                        + "Fray waits for it; " + FrayFacts.LOST_CONTROL),
                LostControl.frayStuck(FRAY_SCHEDULED + "\n" + BLOCKED_IN_THE_JDK));
    }

    @Test
    void aSpinningWaitGroupIsItsOwnHang() {
        assertEquals(Optional.empty(), LostControl.frayStuck(FRAY_SCHEDULED + "\n" + SPINNING));
    }

    @Test
    void everyScenarioThreadInFraysSchedulerIsFrayStuck() {
        assertEquals(Optional.of("every scenario thread waits in Fray's scheduler and none runs its own code: "
                + "Fray is stuck; " + FrayFacts.LOST_CONTROL), LostControl.frayStuck(FRAY_SCHEDULED));
    }
}
