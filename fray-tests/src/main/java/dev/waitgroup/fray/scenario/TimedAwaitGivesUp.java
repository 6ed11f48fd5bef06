package dev.waitgroup.fray.scenario;

import dev.waitgroup.WaitGroup;
import dev.waitgroup.model.Operation;
import java.util.concurrent.TimeUnit;

/**
 * A timed wait that may give up while the release is in flight: {@code await(1 ms)} races the
 * releasing {@code done()} on Fray's virtual clock (ten clock reads), so the timeout can fall before,
 * during or after the release. {@code true} is allowed only where the counter was zero, {@code false}
 * only once a millisecond of the clock has passed; a waiter that gave up must leave nothing behind
 * (the next round's waiter would take a wake-up meant for it).
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
        return "await(1 ms) races the releasing done() on a virtual clock: true only once the counter is zero, false"
                + " only after its millisecond, and a waiter that gave up leaves nothing behind";
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
        Track waiter = recorder.track("W");
        Track releaser = recorder.track("R");
        waiter.start(self -> Calls.make(self, group, new Operation.TimedAwait(TIMEOUT_MICROS, TimeUnit.MICROSECONDS)));
        releaser.start(self -> Calls.make(self, group, new Operation.Done()));
        waiter.join();
        releaser.join();
        NextRound.holdsItsWaiter(group, recorder, main);
    }
}
