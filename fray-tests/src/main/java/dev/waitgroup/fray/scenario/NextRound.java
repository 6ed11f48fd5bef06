package dev.waitgroup.fray.scenario;

import dev.waitgroup.WaitGroup;
import dev.waitgroup.model.Operation;

/**
 * The check that a history left nothing behind: on a group whose counter reads zero, one more round
 * whose waiter enters {@code await} before the round ends. A wake-up left over from earlier (a stray
 * permit, a waiter that gave up but still counts, a second release) lets that waiter out while its
 * round is open, and the model sees an {@code await} return while the counter was one.
 */
public final class NextRound {
    private NextRound() {
    }

    /** Reads the counter on {@code main}, and if it is zero, runs one more round with a waiter of its own. */
    public static void holdsItsWaiter(WaitGroup group, Recorder recorder, Track main) throws InterruptedException {
        if (!Integer.valueOf(0).equals(Calls.make(main, group, new Operation.Count()))) {
            return; // the model judges what led here
        }
        Calls.make(main, group, new Operation.Add(1));
        Track waiter = recorder.track("next");
        waiter.start(self -> Calls.make(self, group, new Operation.Await()));
        Track.awaitBlockedOrDone(waiter);
        Calls.make(main, group, new Operation.Done());
        waiter.join();
    }
}
