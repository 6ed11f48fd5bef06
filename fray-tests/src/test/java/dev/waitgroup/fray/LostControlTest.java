package dev.waitgroup.fray;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Fray's own hang is told from the WaitGroup's by where the scenario's threads sleep. */
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

    @Test
    void aScenarioThreadParkedInTheJdkOutsideFrayIsFraysLoss() {
        assertEquals(Optional.of("waiter-1: java.util.concurrent.locks.AbstractQueuedSynchronizer.acquire("
                        + "AbstractQueuedSynchronizer.java:790) blocks in JDK code Fray does not schedule, while "
                        + "Fray waits for it"),
                LostControl.frayStuck(FRAY_SCHEDULED + "\n" + BLOCKED_IN_THE_JDK));
    }

    @Test
    void aSpinningWaitGroupIsItsOwnHang() {
        assertEquals(Optional.empty(), LostControl.frayStuck(FRAY_SCHEDULED + "\n" + SPINNING));
    }

    @Test
    void everyScenarioThreadInFraysSchedulerIsFrayStuck() {
        assertEquals(Optional.of("every scenario thread waits in Fray's scheduler and none runs its own code: "
                + "Fray is stuck"), LostControl.frayStuck(FRAY_SCHEDULED));
    }
}
