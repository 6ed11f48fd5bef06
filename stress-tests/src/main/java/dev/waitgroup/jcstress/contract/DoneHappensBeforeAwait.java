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
import org.openjdk.jcstress.infra.results.LII_Result;

/**
 * Go's memory-model promise: "Done synchronizes before the return of any Wait call that it
 * unblocks". The worker makes two plain writes and calls {@code done()}; the coordinator's
 * {@code await()} returns and reads them. Nothing but the WaitGroup orders those writes and reads,
 * so seeing a write missing after {@code await()} returned is a WaitGroup without happens-before
 * (for example a counter read with a plain, non-volatile load). A wait that timed out is judged by
 * {@link ReleaseClock}: a lost wake-up only if {@code done()} had returned well before the bound.
 */
@HarnessCheck(Check.DONE_HAPPENS_BEFORE_AWAIT)
@JCStressTest
@Description("done() happens-before the await() it releases")
@Outcome(id = "released, 1, 2", expect = ACCEPTABLE, desc = "await() returned and saw both writes made before done()")
@Outcome(id = "released, .*", expect = FORBIDDEN,
        desc = "await() returned but a write made before done() is missing: no happens-before")
@Outcome(id = "timed out, .*", expect = FORBIDDEN,
        desc = "await() timed out though done() had returned at least 500 ms before its bound (a lost wake-up)")
@Outcome(id = "starved, .*", expect = ACCEPTABLE_INTERESTING, desc = ReleaseClock.STARVED_MEANS)
@Outcome(expect = FORBIDDEN, desc = "await() threw")
@State
public class DoneHappensBeforeAwait {
    private final WaitGroup group = Subject.group(1);
    private int first;
    private int second;
    private final ReleaseClock clock = new ReleaseClock();

    @Actor
    public void worker() {
        first = 1;
        second = 2;
        group.done();
        clock.released();
    }

    @Actor
    public void coordinator(LII_Result r) {
        r.r1 = clock.awaitBounded(group);
        r.r2 = first;
        r.r3 = second;
    }

    @Arbiter
    public void judgeTheWait(LII_Result r) {
        r.r1 = clock.judge((String) r.r1);
    }
}
