package dev.waitgroup.fray.scenario;

import dev.waitgroup.WaitGroup;
import dev.waitgroup.model.Operation;

/**
 * Three {@code done()} race on a counter of 2 while the main thread waits: two may succeed and one
 * must be refused (the counter may not go below zero), and the wait returns only once the counter is
 * zero. A non-atomic read-modify-write loses a decrement (the wait never ends); a check-then-act
 * refusal lets all three through. Then one more round checks that nothing was left behind.
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
    public int waiters() {
        return 1;
    }

    @Override
    public void run(Subject subject, Recorder recorder) throws Exception {
        WaitGroup group = subject.newGroup();
        Track main = recorder.track("main");
        Calls.make(main, group, new Operation.Add(2));
        Track[] dones = {recorder.track("T1"), recorder.track("T2"), recorder.track("T3")};
        for (Track done : dones) {
            done.start(self -> Calls.make(self, group, new Operation.Done()));
        }
        Calls.make(main, group, new Operation.Await());
        for (Track done : dones) {
            done.join();
        }
        NextRound.holdsItsWaiter(group, recorder, main);
    }
}
