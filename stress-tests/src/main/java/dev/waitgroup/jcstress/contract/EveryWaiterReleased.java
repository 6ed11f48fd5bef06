package dev.waitgroup.jcstress.contract;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.waitgroup.catalogue.Check;
import dev.waitgroup.catalogue.HarnessCheck;
import dev.waitgroup.WaitGroup;
import dev.waitgroup.jcstress.Subject;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;

/**
 * Reaching zero releases every waiter, not just one. The actor starts a second waiter thread and
 * waits itself, so two threads block in the untimed {@code await()}; the signal's {@code done()}
 * must release both (the actor finishes only when the second waiter has, too). A WaitGroup that
 * wakes a single waiter ({@code signal()} where {@code signalAll()} is needed) leaves one asleep
 * forever: STALE.
 *
 * <p>A termination test because jcstress runs no more actors than there are CPUs, and two waiters
 * plus a releaser need three on this project's two-core machines.
 */
@HarnessCheck(Check.EVERY_WAITER_RELEASED)
@JCStressTest(Mode.Termination)
@Description("done() that reaches zero releases both of two waiters")
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "both waiters were released")
@Outcome(id = "STALE", expect = FORBIDDEN, desc = "a waiter was left asleep: only one waiter was woken")
@State
public class EveryWaiterReleased {
    private final WaitGroup group = Subject.group(1);

    @Actor
    public void twoWaiters() throws InterruptedException {
        Thread secondWaiter = new Thread(() -> {
            try {
                group.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        secondWaiter.setDaemon(true);
        secondWaiter.start();
        group.await();
        secondWaiter.join();
    }

    @Signal
    public void release() {
        group.done();
    }
}
