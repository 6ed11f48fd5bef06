package dev.waitgroup.fray.scenario;

import dev.waitgroup.WaitGroup;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A timed wait that may give up while the release is in flight: {@code await(1 ms)} races the
 * releasing {@code done()} on Fray's virtual clock, so the timeout can fall before, during or after
 * the release. {@code true} is allowed only after the release began; {@code false} at any point. A
 * waiter that gave up must leave nothing behind: the next round still holds its waiter (a waiter
 * that timed out but still counts receives a wake-up nobody takes, and the next waiter takes it).
 */
public final class TimedAwaitGivesUp implements Scenario {
    /** Short enough to end within a few of Fray's virtual clock reads (100 µs each). */
    static final long TIMEOUT_MICROS = 1_000;

    @Override
    public String name() {
        return "timed-await-gives-up";
    }

    @Override
    public String description() {
        return "await(1 ms) races the releasing done() on a virtual clock: true only after the release, "
                + "and a waiter that gave up leaves nothing behind";
    }

    @Override
    public void run(Subject subject) throws Exception {
        WaitGroup group = subject.newGroup();
        group.add(1);
        AtomicBoolean begun = new AtomicBoolean();
        boolean[] sawRelease = new boolean[1];
        Actor waiter = Actor.start("timed-waiter", self -> {
            self.record(Call.of("await(1 ms)", () -> group.await(TIMEOUT_MICROS, TimeUnit.MICROSECONDS)));
            sawRelease[0] = begun.get();
        });
        Actor releaser = Actor.start("releaser", self -> {
            begun.set(true);
            self.record(Call.ofVoid("done()", group::done));
        });
        waiter.join();
        releaser.join();
        Judgments.returnedNormally(releaser.call(), "releaser");
        Judgments.timedAwaitTruthful(waiter.call(), sawRelease[0], "timed-waiter");
        NextRound.holdsItsWaiter(group);
    }
}
