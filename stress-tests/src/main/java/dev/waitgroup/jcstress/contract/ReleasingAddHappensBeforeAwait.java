package dev.waitgroup.jcstress.contract;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.waitgroup.catalogue.Check;
import dev.waitgroup.catalogue.HarnessCheck;
import dev.waitgroup.WaitGroup;
import dev.waitgroup.jcstress.ReleaseClock;
import dev.waitgroup.jcstress.Subject;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.LI_Result;

/**
 * The same promise for a release by {@code add(-n)}: a worker that finishes two tasks at once with
 * {@code add(-2)} publishes its write to the coordinator whose {@code await()} it releases.
 */
@HarnessCheck(Check.RELEASING_ADD_HAPPENS_BEFORE_AWAIT)
@JCStressTest
@Description("add(-2) that brings the counter to zero happens-before the await() it releases")
@Outcome(id = "released, 42", expect = ACCEPTABLE, desc = "await() returned and saw the write made before add(-2)")
@Outcome(id = "released, 0", expect = FORBIDDEN, desc = "await() returned but missed the write: no happens-before")
@Outcome(id = "timed out, .*", expect = FORBIDDEN,
        desc = "await() timed out though add(-2) had returned at least 500 ms before its bound")
@Outcome(id = "starved, .*", expect = ACCEPTABLE_INTERESTING, desc = ReleaseClock.STARVED_MEANS)
@Outcome(expect = FORBIDDEN, desc = "await() threw")
@State
public class ReleasingAddHappensBeforeAwait {
    private final WaitGroup group = Subject.group(2);
    private int result;
    private final ReleaseClock clock = new ReleaseClock();

    @Actor
    public void worker() {
        result = 42;
        group.add(-2);
        clock.released();
    }

    @Actor
    public void coordinator(LI_Result r) {
        r.r1 = clock.awaitBounded(group);
        r.r2 = result;
    }

    @Arbiter
    public void judgeTheWait(LI_Result r) {
        r.r1 = clock.judge((String) r.r1);
    }
}
