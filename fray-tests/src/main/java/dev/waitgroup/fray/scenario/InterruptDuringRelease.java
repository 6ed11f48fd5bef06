package dev.waitgroup.fray.scenario;

import dev.waitgroup.WaitGroup;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An interrupt races the release: one thread waits, one calls the releasing {@code done()}, one
 * interrupts the waiter, and a second waiter enters {@code await()} with an interrupt already pending
 * (it interrupted itself). Whatever the order, the interrupt is never swallowed: a waiter that entered
 * {@code await} already interrupted throws {@link InterruptedException} (whatever the counter), and one
 * that returned normally, when the interrupt had surely been sent by then, still has its interrupt
 * status. A waiter that gave up leaves nothing behind for the next round.
 *
 * <p>The waiter reads whether the interrupt was sent, then its status, right after {@code await}
 * returns, rather than waiting for the interrupter: waiting uninterruptibly
 * ({@code Condition.awaitUninterruptibly}) while being interrupted hangs Fray 0.9.2 itself
 * ({@code docs/fray.md}), and an interruptible wait would consume the status to be read.
 */
public final class InterruptDuringRelease implements Scenario {
    @Override
    public String name() {
        return "interrupt-during-release";
    }

    @Override
    public String description() {
        return "a waiter is interrupted while the releasing done() runs: the interrupt is thrown or kept, "
                + "never swallowed, and nothing is left behind";
    }

    @Override
    public void run(Subject subject) throws Exception {
        WaitGroup group = subject.newGroup();
        group.add(1);
        AtomicBoolean begun = new AtomicBoolean();
        AtomicBoolean sent = new AtomicBoolean();
        boolean[] seen = new boolean[4]; // interrupted on entry, release begun, interrupt sent, interrupted after
        Actor waiter = Actor.start("waiter", self -> {
            seen[0] = Thread.currentThread().isInterrupted();
            self.record(Call.ofVoid("await()", group::await));
            seen[1] = begun.get();
            seen[2] = sent.get();                                // first whether it was surely sent,
            seen[3] = Thread.currentThread().isInterrupted();    // then the status
        });
        boolean[] pending = new boolean[1];
        Actor pendingWaiter = Actor.start("interrupted-waiter", self -> {
            Thread.currentThread().interrupt();
            self.record(Call.ofVoid("await()", group::await));
            pending[0] = Thread.currentThread().isInterrupted();
        });
        Actor releaser = Actor.start("releaser", self -> {
            begun.set(true);
            self.record(Call.ofVoid("done()", group::done));
        });
        Actor interrupter = Actor.start("interrupter", self -> {
            waiter.thread().interrupt();
            sent.set(true);
        });
        waiter.join();
        pendingWaiter.join();
        releaser.join();
        interrupter.join();
        Judgments.returnedNormally(releaser.call(), "releaser");
        Call await = waiter.call();
        Judgments.interruptNotSwallowed(await, seen[0], seen[2], seen[3], "waiter");
        Judgments.interruptNotSwallowed(pendingWaiter.call(), true, true, pending[0], "interrupted-waiter");
        if (await.returned()) {
            Judgments.returnedAfterRelease(await, seen[1], "waiter");
        }
        Judgments.countIs(group, 0, "after the round");
        NextRound.holdsItsWaiter(group);
    }
}
