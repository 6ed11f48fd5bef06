package dev.waitgroup.fray.scenario;

import dev.waitgroup.WaitGroup;
import dev.waitgroup.model.Operation;

/**
 * A waiter enters {@code await()} while the last {@code done()} runs, and a third thread calls
 * {@code add(0)}: whichever comes first, the wait returns, only at a moment the counter was zero, and
 * {@code add(0)} changes nothing in any window. A waiter that checks the counter and then sleeps, not
 * atomically with the releaser's signal, misses the wake-up and sleeps forever (Fray reports the
 * deadlock); an {@code add(0)} that slips into the release and releases again leaves a wake-up that
 * the next round's waiter takes.
 */
public final class AwaitRacesRelease implements Scenario {
    @Override
    public String name() {
        return "await-races-release";
    }

    @Override
    public String description() {
        return "await() races the releasing done() and an add(0): it returns once the counter is zero, and add(0)"
                + " leaves nothing behind";
    }

    @Override
    public int waiters() {
        return 1;
    }

    @Override
    public void run(Subject subject, Recorder recorder) throws Exception {
        WaitGroup group = subject.newGroup();
        Track main = recorder.track("main");
        Calls.make(main, group, new Operation.Add(1));
        Track releaser = recorder.track("T1");
        Track adder = recorder.track("T2");
        releaser.start(self -> Calls.make(self, group, new Operation.Done()));
        adder.start(self -> Calls.make(self, group, new Operation.Add(0)));
        Calls.make(main, group, new Operation.Await());
        releaser.join();
        adder.join();
        NextRound.holdsItsWaiter(group, recorder, main);
    }
}
