package dev.waitgroup.fray.scenario;

import dev.waitgroup.WaitGroup;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Two waiters and one {@code done()}: reaching zero releases every waiter, not one. Waking a single
 * waiter ({@code signal} for {@code signalAll}) leaves the other asleep (Fray reports the deadlock).
 */
public final class TwoWaitersOneReleaser implements Scenario {
    @Override
    public String name() {
        return "two-waiters-one-releaser";
    }

    @Override
    public String description() {
        return "two threads await while a third calls the releasing done(): both waiters return";
    }

    @Override
    public void run(Subject subject) throws Exception {
        WaitGroup group = subject.newGroup();
        group.add(1);
        AtomicBoolean begun = new AtomicBoolean();
        boolean[] sawRelease = new boolean[2];
        Actor first = Actor.start("waiter-1", self -> {
            self.record(Call.ofVoid("await()", group::await));
            sawRelease[0] = begun.get();
        });
        Actor second = Actor.start("waiter-2", self -> {
            self.record(Call.ofVoid("await()", group::await));
            sawRelease[1] = begun.get();
        });
        Actor releaser = Actor.start("releaser", self -> {
            begun.set(true);
            self.record(Call.ofVoid("done()", group::done));
        });
        first.join();
        second.join();
        releaser.join();
        Judgments.returnedNormally(releaser.call(), "releaser");
        Judgments.returnedAfterRelease(first.call(), sawRelease[0], "waiter-1");
        Judgments.returnedAfterRelease(second.call(), sawRelease[1], "waiter-2");
        Judgments.countIs(group, 0, "after the round");
    }
}
