package dev.waitgroup.lincheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.waitgroup.harness.Implementations;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The interrupt operations on real threads: what each returns for a correct group and for a broken one. */
class WaitGroupUnderCheckTest {
    private static final long BOUND_SECONDS = 10;

    @AfterEach
    void clearThisThreadsStatus() {
        Thread.interrupted();
    }

    @Test
    void everyOperationStartsByClearingAStatusLeftOnItsThread() throws Exception {
        WaitGroupUnderCheck group = on("aqs");
        group.add(1);
        Thread.currentThread().interrupt();
        assertEquals(1, group.count());
        assertFalse(Thread.currentThread().isInterrupted());
        Thread.currentThread().interrupt();
        assertFalse(group.awaitNow(), "a leftover interrupt would make await(0) throw");
        Thread.currentThread().interrupt();
        group.done();
        Thread.currentThread().interrupt();
        group.await();
        assertFalse(Thread.currentThread().isInterrupted());
    }

    @Test
    void anInterruptedWaiterThrowsWithItsStatusCleared() throws Exception {
        WaitGroupUnderCheck group = on("aqs");
        group.add(1);
        CompletableFuture<Object> waiter = onAThread(group::awaitInterruptibly);
        group.interruptWaiter();
        assertEquals(InterruptedException.class, outcome(waiter));
        assertEquals(1, group.count());
    }

    /** The release and the interrupt race: either result the specification allows, never a lost interrupt. */
    @Test
    void anInterruptRacingTheReleaseIsThrownOrKept() throws Exception {
        for (String name : new String[] {"aqs", "phaser", "lock", "cas", "go"}) {
            for (int round = 0; round < 20; round++) {
                WaitGroupUnderCheck group = on(name);
                group.add(1);
                CompletableFuture<Object> waiter = onAThread(group::awaitInterruptibly);
                CompletableFuture<Object> releaser = onAThread(() -> {
                    group.doneAfterWaiterPublished();
                    return null;
                });
                group.interruptWaiter();
                Object seen = outcome(waiter);
                assertTrue(seen == InterruptedException.class || Boolean.TRUE.equals(seen), name + ": " + seen);
                outcome(releaser);
                assertEquals(0, group.count());
            }
        }
    }

    @Test
    void aPendingInterruptIsThrownByACorrectGroupAndLostByTheSpecimen() throws Exception {
        assertEquals(InterruptedException.class, outcome(onAThread(on("aqs")::selfInterruptedAwait)));
        assertEquals(false, outcome(onAThread(on("lost-interrupt")::selfInterruptedAwait)),
                "the specimen returns on a zero counter with the interrupt gone: what no order explains");
    }

    @Test
    void theNextRoundsPollShowsAWakeUpAGaveUpWaiterLeft() throws Exception {
        for (String name : new String[] {"aqs", "stray-permit"}) {
            WaitGroupUnderCheck group = on(name);
            group.add(1);
            assertFalse(group.awaitNow());
            group.done();
            group.add(1);
            assertEquals(name.equals("stray-permit"), group.awaitNow(), name);
        }
    }

    @Test
    void aTimeoutThatCannotExpireWaitsForTheRelease() throws Exception {
        WaitGroupUnderCheck group = on("cas");
        group.add(1);
        CompletableFuture<Object> waiter = onAThread(group::awaitWithHugeTimeout);
        group.done();
        assertEquals(true, outcome(waiter));
        assertEquals(false, outcome(onAThread(() -> {
            WaitGroupUnderCheck overflowing = on("deadline-overflow");
            overflowing.add(1);
            return overflowing.awaitWithHugeTimeout();
        })), "the specimen gives up at once");
    }

    private static WaitGroupUnderCheck on(String name) {
        WaitGroupUnderCheck.check(Implementations.named(name));
        return new WaitGroupUnderCheck();
    }

    /** Runs {@code call} on a thread of its own; its result, or the class of what it threw. */
    private static CompletableFuture<Object> onAThread(Callable<?> call) {
        CompletableFuture<Object> outcome = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                outcome.complete(call.call());
            } catch (Exception e) {
                outcome.complete(e.getClass());
            }
        });
        thread.setDaemon(true);
        thread.start();
        return outcome;
    }

    private static Object outcome(CompletableFuture<Object> outcome) throws Exception {
        return outcome.get(BOUND_SECONDS, TimeUnit.SECONDS);
    }
}
