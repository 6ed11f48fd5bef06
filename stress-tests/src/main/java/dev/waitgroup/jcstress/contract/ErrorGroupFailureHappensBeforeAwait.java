package dev.waitgroup.jcstress.contract;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.waitgroup.catalogue.Check;
import dev.waitgroup.catalogue.HarnessCheck;
import dev.waitgroup.ErrorGroup;
import dev.waitgroup.jcstress.ReleaseClock;
import dev.waitgroup.jcstress.Subject;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.LI_Result;

/**
 * ErrorGroup, on the WaitGroup under test: a task writes its partial result, then fails; a
 * coordinator awaits the group concurrently. If await() reports the failure, the task's writes
 * before it must be visible: the failure is recorded before the task is counted down, and the
 * WaitGroup's release orders both before the await returns. (The await may also come before the
 * task was counted at all, and then it reports nothing.)
 */
@HarnessCheck(Check.ERROR_GROUP_FAILURE_HAPPENS_BEFORE_AWAIT)
@JCStressTest
@Description("ErrorGroup: a failure seen by await() comes with everything the task did before it")
@Outcome(id = "failed, 42", expect = ACCEPTABLE, desc = "await() saw the failure and the task's write")
@Outcome(id = "none, .*", expect = ACCEPTABLE, desc = "await() ran before the task was counted")
@Outcome(id = "failed, 0", expect = FORBIDDEN, desc = "await() saw the failure but not the write made before it")
@Outcome(id = "timed out, .*", expect = FORBIDDEN,
        desc = "await() timed out though the task's go() had returned at least 500 ms before its bound")
@Outcome(id = "starved, .*", expect = ACCEPTABLE_INTERESTING, desc = ReleaseClock.STARVED_MEANS)
@Outcome(expect = FORBIDDEN, desc = "await() threw something else")
@State
public class ErrorGroupFailureHappensBeforeAwait {
    private final ErrorGroup group = new ErrorGroup(Runnable::run, Subject.group(0));
    private int partial;
    private final ReleaseClock clock = new ReleaseClock();

    @Actor
    public void task(LI_Result r) {
        String thrown = Subject.go(group, () -> {
            partial = 42;
            throw new IllegalStateException("failed after writing");
        });
        if (thrown != null) {
            r.r1 = "go() " + thrown;
        }
        clock.released();
    }

    @Actor
    public void coordinator(LI_Result r) {
        String outcome;
        clock.waitStarts();
        try {
            group.await(Subject.BOUND_MILLIS, TimeUnit.MILLISECONDS);
            outcome = "none";
        } catch (ExecutionException e) {
            outcome = "failed";
        } catch (TimeoutException e) {
            outcome = Subject.TIMED_OUT;
        } catch (Exception e) {
            outcome = Subject.thrown(e);
        }
        r.r2 = partial;
        if (r.r1 == null) {
            r.r1 = outcome;
        }
    }

    @Arbiter
    public void judgeTheWait(LI_Result r) {
        r.r1 = clock.judge((String) r.r1);
    }
}
