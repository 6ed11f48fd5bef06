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
import org.openjdk.jcstress.infra.results.L_Result;

/**
 * The normal-mode twin of {@link NoLostWakeUp}: the release races with the waiter's arrival, many
 * times per second, in every order. The waiter waits at most one second; a correct WaitGroup is
 * released within microseconds, so "timed out" means the release was lost, when the release had
 * returned well before the second was over ({@link ReleaseClock}).
 */
@HarnessCheck(Check.NO_LOST_WAKE_UP_TIMED)
@JCStressTest
@Description("await(timeout) racing with done() is always released")
@Outcome(id = "released", expect = ACCEPTABLE, desc = "the waiter was released")
@Outcome(id = "timed out", expect = FORBIDDEN,
        desc = "the release was lost: await(1 s) timed out though done() had returned at least 500 ms before")
@Outcome(id = "starved", expect = ACCEPTABLE_INTERESTING, desc = ReleaseClock.STARVED_MEANS)
@Outcome(expect = FORBIDDEN, desc = "await() threw")
@State
public class NoLostWakeUpTimed {
    private final WaitGroup group = Subject.group(1);
    private final ReleaseClock clock = new ReleaseClock();

    @Actor
    public void waiter(L_Result r) {
        r.r1 = clock.awaitBounded(group);
    }

    @Actor
    public void releaser() {
        group.done();
        clock.released();
    }

    @Arbiter
    public void judgeTheWait(L_Result r) {
        r.r1 = clock.judge((String) r.r1);
    }
}
