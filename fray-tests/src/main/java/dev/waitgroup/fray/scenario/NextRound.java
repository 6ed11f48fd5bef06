package dev.waitgroup.fray.scenario;

import dev.waitgroup.WaitGroup;

/**
 * The check that a round left nothing behind: on a group whose counter is zero, opens one more round,
 * lets a waiter enter {@code await}, and only then ends the round. A wake-up left over from an earlier
 * round (a stray permit, a waiter that gave up but still counts, a second release) lets that waiter
 * out while its round is open, which {@link Judgments#returnedAfterRelease} reports.
 */
public final class NextRound {
    private NextRound() {
    }

    /** Runs the check on {@code group}, whose counter must be zero. */
    public static void holdsItsWaiter(WaitGroup group) throws InterruptedException {
        Judgments.countIs(group, 0, "before the next round");
        group.add(1);
        boolean[] released = new boolean[1];
        Object guard = new Object();
        Actor waiter = Actor.start("next-round waiter", self -> {
            Call await = self.record(Call.ofVoid("await()", group::await));
            boolean releasedBeforeReturn;
            synchronized (guard) {
                releasedBeforeReturn = released[0];
            }
            Judgments.returnedAfterRelease(await, releasedBeforeReturn, "the next round's waiter");
        });
        Actor.awaitBlockedOrDone(waiter);
        synchronized (guard) {
            released[0] = true;
        }
        group.done();
        waiter.join();
    }
}
