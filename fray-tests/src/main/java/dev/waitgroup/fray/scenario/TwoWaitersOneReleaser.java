package dev.waitgroup.fray.scenario;

import dev.waitgroup.WaitGroup;
import dev.waitgroup.model.Operation;

/**
 * Two waiters and one {@code done()}: reaching zero releases every waiter, not one. Waking a single
 * waiter ({@code signal} for {@code signalAll}) leaves the other asleep (Fray reports the deadlock,
 * and the model says the waiter's round had ended).
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
    public int waiters() {
        return 2;
    }

    @Override
    public void run(Subject subject, Recorder recorder) throws Exception {
        WaitGroup group = subject.newGroup();
        Track main = recorder.track("main");
        Calls.make(main, group, new Operation.Add(1));
        Track[] threads = {recorder.track("W1"), recorder.track("W2"), recorder.track("R")};
        threads[0].start(self -> Calls.make(self, group, new Operation.Await()));
        threads[1].start(self -> Calls.make(self, group, new Operation.Await()));
        threads[2].start(self -> Calls.make(self, group, new Operation.Done()));
        for (Track thread : threads) {
            thread.join();
        }
        Calls.make(main, group, new Operation.Count());
    }
}
