package dev.waitgroup.fray.scenario;

import dev.waitgroup.WaitGroup;
import dev.waitgroup.model.Operation;

/**
 * An interrupt races the release: one thread waits while another interrupts it and a third calls the
 * releasing {@code done()}, and a fourth enters {@code await()} with an interrupt already pending (it
 * interrupted itself). Whatever the order, the interrupt is never swallowed: a wait entered with the
 * status set throws {@link InterruptedException}, whatever the counter, and one that returns normally
 * after the interrupt was sent still has its status. Then one more round checks that a waiter that
 * gave up left nothing behind.
 *
 * <p>The interrupt belongs to the one {@code await()} call ({@link Track#callInterrupted}): it is sent
 * while the call is open or not at all, so the status read after the call says what became of it.
 * Waiting uninterruptibly while being interrupted would hang Fray 0.9.2 itself ({@code docs/fray.md}).
 */
public final class InterruptDuringRelease implements Scenario {
    @Override
    public String name() {
        return "interrupt-during-release";
    }

    @Override
    public String description() {
        return "a waiter is interrupted while the releasing done() runs, another enters interrupted: each interrupt"
                + " is thrown or kept, never swallowed, and nothing is left behind";
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
        Track waiter = recorder.track("W");
        Track pending = recorder.track("P");
        Track releaser = recorder.track("R");
        waiter.start(self -> self.callInterrupted(new Operation.Await(), Calls.of(group, new Operation.Await()), "I"));
        pending.start(self -> {
            self.selfInterrupt();
            Calls.make(self, group, new Operation.Await());
        });
        releaser.start(self -> Calls.make(self, group, new Operation.Done()));
        waiter.join();
        pending.join();
        releaser.join();
        NextRound.holdsItsWaiter(group, recorder, main);
    }
}
