package dev.waitgroup.jcstress.contract;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.waitgroup.WaitGroup;
import dev.waitgroup.catalogue.Check;
import dev.waitgroup.catalogue.HarnessCheck;
import dev.waitgroup.jcstress.Subject;
import java.util.concurrent.TimeUnit;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;

/**
 * A progress loop polls {@code await(0, NANOSECONDS)} until the group is done. Compiled, a loop whose
 * every iteration reads the counter with a plain load and nothing volatile may read it once, outside
 * the loop, and never see the release: STALE (as does a group whose await(0) returns false on a zero
 * counter, which the cross-examination then finds reachable by interleaving alone).
 */
@HarnessCheck(Check.POLLING_AWAIT_SEES_RELEASE)
@JCStressTest(Mode.Termination)
@Description("a loop polling await(0) ends once done() brings the counter to zero")
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the loop saw the release")
@Outcome(id = "STALE", expect = FORBIDDEN, desc = "the loop never saw the release: await(0) went on returning false"
        + " after done() (a counter read hoisted out of the loop, or a zero counter not taken for a release)")
@State
public class PollingAwaitSeesRelease {
    private final WaitGroup group = Subject.group(1);

    @Actor
    public void poller() throws InterruptedException {
        while (!group.await(0, TimeUnit.NANOSECONDS)) {
            // poll: nothing else, as a tight progress loop does
        }
    }

    @Signal
    public void release() {
        group.done();
    }
}
