package dev.waitgroup.fray.scenario;

import dev.waitgroup.WaitGroup;
import dev.waitgroup.catalogue.ReuseBehaviour;
import dev.waitgroup.model.Operation;

/**
 * A round is handed over while its waiters are leaving. Two waiters enter {@code await()} on round 1;
 * once both are blocked, one thread ends round 1 and at once opens round 2 ({@code done(); add(1)});
 * meanwhile a fourth thread calls {@code add(0)}, which takes a lock in some implementations and so
 * holds a waiter between its reads, and must change nothing in any window.
 *
 * <p>The waiters arrived in round 1, and what they may do once round 2 opened before they returned
 * is what the group documents ({@code ReuseBehaviour}), which the model holds it to: a generation-safe
 * group releases them although round 2 is open (the main thread ends round 2 only after both
 * returned, so a waiter that took round 2 for its own never returns); one that detects reuse may throw
 * instead; one that waits for the new round is given the end of round 2 first. Then one more round
 * checks that nothing was left behind.
 */
public final class RoundsHandedOver implements Scenario {
    /** How often the fourth thread calls {@code add(0)}: a lock it takes keeps arriving waiters queued. */
    static final int ADDS_OF_ZERO = 2;

    @Override
    public String name() {
        return "rounds-handed-over";
    }

    @Override
    public String description() {
        return "done(); add(1) on one thread while two waiters of round 1 leave and add(0) runs: the waiters act as the"
                + " group documents for reuse, nothing is left behind";
    }

    @Override
    public int waiters() {
        return 2;
    }

    @Override
    public void run(Subject subject, Recorder recorder) throws Exception {
        WaitGroup group = subject.newGroup();
        Track main = recorder.track("main");
        Calls.make(main, group, new Operation.Add(1));
        Track first = recorder.track("W1");
        Track second = recorder.track("W2");
        Track adder = recorder.track("A");
        Track handover = recorder.track("H");
        first.start(self -> Calls.make(self, group, new Operation.Await()));
        second.start(self -> Calls.make(self, group, new Operation.Await()));
        adder.start(self -> {
            for (int i = 0; i < ADDS_OF_ZERO; i++) {
                Calls.make(self, group, new Operation.Add(0));
            }
        });
        handover.start(self -> {
            Track.awaitBlockedOrDone(first, second); // seen waiting: both belong to round 1
            Calls.make(self, group, new Operation.Done());
            Calls.make(self, group, new Operation.Add(1));
        });
        handover.join();
        adder.join();
        boolean waitersFirst = subject.reuse() == ReuseBehaviour.FINISHES_OLD_ROUND
                || subject.reuse() == ReuseBehaviour.DETECTS_AND_THROWS;
        if (waitersFirst) {
            first.join();
            second.join();
        }
        Calls.make(main, group, new Operation.Done()); // ends round 2
        if (!waitersFirst) {
            first.join();
            second.join();
        }
        NextRound.holdsItsWaiter(group, recorder, main);
    }
}
