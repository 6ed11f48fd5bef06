package dev.waitgroup.fray.scenario;

import dev.waitgroup.WaitGroup;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A waiter enters {@code await()} while the last {@code done()} runs, and a third thread calls
 * {@code add(0)}: whichever comes first, the wait returns, after the release began, and {@code add(0)}
 * changes nothing in any window. A waiter that checks the counter and then sleeps, not atomically with
 * the releaser's signal, misses the wake-up and sleeps forever (Fray reports the deadlock); an
 * {@code add(0)} that slips into the release and releases again leaves a wake-up for the next round.
 */
public final class AwaitRacesRelease implements Scenario {
    @Override
    public String name() {
        return "await-races-release";
    }

    @Override
    public String description() {
        return "await() races the releasing done() and an add(0): it returns, only after the release began, "
                + "and add(0) leaves nothing behind";
    }

    @Override
    public void run(Subject subject) throws Exception {
        WaitGroup group = subject.newGroup();
        group.add(1);
        AtomicBoolean begun = new AtomicBoolean();
        Actor releaser = Actor.start("releaser", self -> {
            begun.set(true);
            self.record(Call.ofVoid("done()", group::done));
        });
        Actor adder = Actor.start("add-zero", self -> self.record(Call.ofVoid("add(0)", () -> group.add(0))));
        Call await = Call.ofVoid("await()", group::await);
        boolean releaseBegun = begun.get();
        releaser.join();
        adder.join();
        Judgments.returnedNormally(releaser.call(), "releaser");
        Judgments.returnedNormally(adder.call(), "add-zero");
        Judgments.returnedAfterRelease(await, releaseBegun, "main");
        Judgments.countIs(group, 0, "after the round");
        NextRound.holdsItsWaiter(group);
    }
}
