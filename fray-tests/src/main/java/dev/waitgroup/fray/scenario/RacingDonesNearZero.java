package dev.waitgroup.fray.scenario;

import dev.waitgroup.WaitGroup;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Three {@code done()}s race on a counter of 2 while the main thread waits: two must succeed and one
 * be refused (the counter may not go below zero), the counter must end at zero, and the wait must
 * return, and only after the second {@code done()} began. A non-atomic read-modify-write loses a
 * decrement (the wait never ends); a check-then-act refusal lets all three through (counter -1).
 */
public final class RacingDonesNearZero implements Scenario {
    @Override
    public String name() {
        return "racing-dones-near-zero";
    }

    @Override
    public String description() {
        return "three done() race on a counter of 2 while main awaits: two succeed, one is refused, await returns";
    }

    @Override
    public void run(Subject subject) throws Exception {
        WaitGroup group = subject.newGroup();
        group.add(2);
        AtomicInteger begun = new AtomicInteger();
        Actor.Script done = self -> {
            begun.incrementAndGet();
            self.record(Call.ofVoid("done()", group::done));
        };
        Actor a = Actor.start("done-1", done);
        Actor b = Actor.start("done-2", done);
        Actor c = Actor.start("done-3", done);
        Call await = Call.ofVoid("await()", group::await);
        boolean secondBegun = begun.get() >= 2;
        a.join();
        b.join();
        c.join();
        Judgments.sequentiallyExplained(2, List.of(-1, -1, -1), Judgments.callsOf(a, b, c), group.count());
        Judgments.returnedAfterRelease(await, secondBegun, "main");
        NextRound.holdsItsWaiter(group);
    }
}
