package dev.waitgroup.fray.scenario;

import dev.waitgroup.WaitGroup;
import dev.waitgroup.catalogue.ReuseBehaviour;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A round is handed over while its waiters are leaving. Two waiters enter {@code await()} on round 1;
 * once both are blocked, one thread ends round 1 and at once opens round 2 ({@code done(); add(1)});
 * meanwhile a fourth thread calls {@code add(0)}, which takes a lock in some implementations and so
 * holds a waiter between its reads, and must change nothing in any window.
 *
 * <p>The waiters arrived in round 1, so a generation-safe group releases them although round 2 is
 * open: the main thread ends round 2 only after both returned (a waiter that took round 2 for its own
 * never returns, and Fray reports the deadlock). A group that detects reuse may throw instead. A group
 * that silently waits for the new round is given the end of round 2 before its waiters are joined.
 * Then a third round checks that nothing was left behind.
 */
public final class RoundsHandedOver implements Scenario {
    @Override
    public String name() {
        return "rounds-handed-over";
    }

    @Override
    public String description() {
        return "done(); add(1) on one thread while two waiters of round 1 leave and add(0) runs: "
                + "the waiters act as the group promises for reuse, nothing is left behind";
    }

    @Override
    public void run(Subject subject) throws Exception {
        WaitGroup group = subject.newGroup();
        group.add(1);
        AtomicBoolean firstEnding = new AtomicBoolean();
        boolean[] sawRelease = new boolean[2];
        Actor first = Actor.start("waiter-1", self -> {
            self.record(Call.ofVoid("await()", group::await));
            sawRelease[0] = firstEnding.get();
        });
        Actor second = Actor.start("waiter-2", self -> {
            self.record(Call.ofVoid("await()", group::await));
            sawRelease[1] = firstEnding.get();
        });
        Actor adder = Actor.start("add-zero", self -> self.record(Call.ofVoid("add(0)", () -> group.add(0))));
        Actor handover = Actor.start("handover", self -> {
            Actor.awaitBlockedOrDone(first, second);
            firstEnding.set(true);
            self.record(Call.ofVoid("done()", group::done));
            self.record(Call.ofVoid("add(1)", () -> group.add(1)));
        });
        handover.join();
        adder.join();
        boolean waitersFirst = subject.reuse() == ReuseBehaviour.FINISHES_OLD_ROUND
                || subject.reuse() == ReuseBehaviour.DETECTS_AND_THROWS;
        if (waitersFirst) {
            first.join();
            second.join();
        }
        Call endOfSecond = Call.ofVoid("done()", group::done);
        if (!waitersFirst) {
            first.join();
            second.join();
        }
        for (Call call : Judgments.callsOf(handover, adder)) {
            Judgments.returnedNormally(call, "handover/add-zero");
        }
        Judgments.returnedNormally(endOfSecond, "main ending round 2");
        Judgments.oldRoundWaiter(first.call(), subject.reuse(), sawRelease[0], "waiter-1");
        Judgments.oldRoundWaiter(second.call(), subject.reuse(), sawRelease[1], "waiter-2");
        NextRound.holdsItsWaiter(group);
    }
}
