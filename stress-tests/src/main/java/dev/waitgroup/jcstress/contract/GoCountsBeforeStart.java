package dev.waitgroup.jcstress.contract;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.waitgroup.catalogue.Check;
import dev.waitgroup.catalogue.HarnessCheck;
import dev.waitgroup.WaitGroup;
import dev.waitgroup.jcstress.Subject;
import java.util.concurrent.Executor;
import org.openjdk.jcstress.annotations.Actor;
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
@Outcome(id = "timed out, .*", expect = FORBIDDEN, desc = "await() never saw the task's done()")
@Outcome(expect = FORBIDDEN, desc = "a call threw")
@State
public class GoCountsBeforeStart {
    private final WaitGroup group = Subject.group(0);
    private volatile Runnable handedOver;
    private int work;

    private final Executor otherThread = task -> handedOver = task;

    @Actor
    public void coordinator(LI_Result r) {
        group.go(otherThread, () -> work = 1);
        r.r1 = Subject.awaitBounded(group);
        r.r2 = work;
    }

    @Actor
    public void executorThread() {
        Runnable task;
        while ((task = handedOver) == null) {
            Thread.onSpinWait();
        }
        task.run();
    }
}
