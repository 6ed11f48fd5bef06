package dev.waitgroup.jcstress.contract;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.waitgroup.catalogue.Check;
import dev.waitgroup.catalogue.HarnessCheck;
import dev.waitgroup.WaitGroup;
import dev.waitgroup.jcstress.ReleaseClock;
import dev.waitgroup.jcstress.Subject;
import java.util.concurrent.Executor;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.LI_Result;

/**
 * The fix for {@code misuse.AddInsideGoroutine}: the coordinator starts the task with
 * {@code go(executor, task)}, which counts it before handing it over. The executor here is the other
 * actor's thread, which picks the task up whenever it gets to it. Whatever the timing, await()
 * cannot return before the work: the outcome that is merely "interesting" in the misuse test is
 * forbidden here.
 */
@HarnessCheck(Check.GO_COUNTS_BEFORE_START)
@JCStressTest
@Description("go(...) counts the task before it starts: await() never returns before the work")
@Outcome(id = "released, 1", expect = ACCEPTABLE, desc = "await() returned after the task's work")
@Outcome(id = "released, 0", expect = FORBIDDEN, desc = "await() returned before the task ran: go() counted too late")
@Outcome(id = "timed out, .*", expect = FORBIDDEN,
        desc = "await() timed out though the task had ended at least 500 ms before its bound")
@Outcome(id = "starved, .*", expect = ACCEPTABLE_INTERESTING, desc = ReleaseClock.STARVED_MEANS)
@Outcome(expect = FORBIDDEN, desc = "a call threw")
@State
public class GoCountsBeforeStart {
    private final WaitGroup group = Subject.group(0);
    private volatile Runnable handedOver;
    private int work;
    private final ReleaseClock clock = new ReleaseClock();

    private final Executor otherThread = task -> handedOver = task;

    @Actor
    public void coordinator(LI_Result r) {
        group.go(otherThread, () -> work = 1);
        r.r1 = clock.awaitBounded(group);
        r.r2 = work;
    }

    @Actor
    public void executorThread() {
        Runnable task;
        while ((task = handedOver) == null) {
            Thread.onSpinWait();
        }
        task.run();
        clock.released();
    }

    @Arbiter
    public void judgeTheWait(LI_Result r) {
        r.r1 = clock.judge((String) r.r1);
    }
}
