package dev.waitgroup.fray.scenario;

import dev.waitgroup.WaitGroup;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A waiter enters {@code await()} while the last {@code done()} runs: whichever comes first, the wait
 * returns, after the release began. A waiter that checks the counter and then sleeps, not atomically
 * with the releaser's signal, misses the wake-up and sleeps forever (Fray reports the deadlock).
 */
public final class AwaitRacesRelease implements Scenario {
    @Override
    public String name() {
        return "await-races-release";
    }

    @Override
    public String description() {
        return "await() races the releasing done(): it returns, and only after the release began";
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
        Call await = Call.ofVoid("await()", group::await);
        boolean releaseBegun = begun.get();
        releaser.join();
        Judgments.returnedNormally(releaser.call(), "releaser");
        Judgments.returnedAfterRelease(await, releaseBegun, "main");
        Judgments.countIs(group, 0, "after the round");
    }
}
