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
 * {@code await()} on a zero counter returns at once: a finished (or never started) group must not
 * block anyone. The signal only reads the counter; the waiter has to finish without any help.
 */
@HarnessCheck(Check.AWAIT_ON_ZERO_NEVER_BLOCKS)
@JCStressTest(Mode.Termination)
@Description("await() on a zero counter returns without any release")
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "await() returned")
@Outcome(id = "STALE", expect = FORBIDDEN, desc = "await() blocked on a zero counter")
@State
public class AwaitOnZeroNeverBlocks {
    private final WaitGroup group = Subject.group(0);

    @Actor
    public void waiter() throws InterruptedException {
        group.await();
    }

    @Signal
    public void look() {
        group.count();
    }
}
