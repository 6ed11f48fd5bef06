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
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.LII_Result;

/**
 * The fast path of {@code await}: a poll with {@code await(0, NANOSECONDS)} that finds the counter at
 * zero must see everything the worker wrote before its {@code done()}. Nothing blocks, so the only
 * order between the two threads is the counter's own: read it with a plain load and the compiler may
 * let the reads after it overtake it.
 */
@HarnessCheck(Check.ZERO_AWAIT_HAPPENS_BEFORE)
@JCStressTest
@Description("await(0) that finds the counter at zero sees the writes made before done()")
@Outcome(id = "released, 1, 2", expect = ACCEPTABLE, desc = "the poll saw the release and both writes")
@Outcome(id = "not yet, .*", expect = ACCEPTABLE, desc = "the poll came before the release")
@Outcome(id = "released, .*", expect = FORBIDDEN, desc = "the poll saw the release but missed a write: no happens-before")
@Outcome(expect = FORBIDDEN, desc = "await(0) threw")
@State
public class ZeroAwaitHappensBefore {
    private final WaitGroup group = Subject.group(1);
    private int first;
    private int second;

    @Actor
    public void worker() {
        first = 1;
        second = 2;
        group.done();
    }

    @Actor
    public void poller(LII_Result r) {
        String seen;
        try {
            seen = group.await(0, TimeUnit.NANOSECONDS) ? "released" : "not yet";
        } catch (InterruptedException | RuntimeException e) {
            seen = Subject.thrown(e);
        }
        r.r1 = seen;
        r.r2 = first;
        r.r3 = second;
    }
}
