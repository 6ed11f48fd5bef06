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
 * No lost wake-up: once {@code done()} brings the counter to zero, a thread blocked in the untimed
 * {@code await()} must come out. A termination test: jcstress starts the waiter, then signals with
 * {@code done()}, and reports STALE if the waiter never finishes. A waiter that checked the counter,
 * then slept without holding the lock the releaser signals under, sleeps forever; so does one whose
 * compiled spin loop never re-reads a plain field.
 */
@HarnessCheck(Check.NO_LOST_WAKE_UP)
@JCStressTest(Mode.Termination)
@Description("await() always returns after done() brings the counter to zero")
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "await() returned after the release")
@Outcome(id = "STALE", expect = FORBIDDEN, desc = "await() never returned: the wake-up was lost")
@State
public class NoLostWakeUp {
    private final WaitGroup group = Subject.group(1);

    @Actor
    public void waiter() throws InterruptedException {
        group.await();
    }

    @Signal
    public void release() {
        group.done();
    }
}
