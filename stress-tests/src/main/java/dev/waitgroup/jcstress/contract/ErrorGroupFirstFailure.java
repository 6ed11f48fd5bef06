package dev.waitgroup.jcstress.contract;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.waitgroup.catalogue.Check;
import dev.waitgroup.catalogue.HarnessCheck;
import dev.waitgroup.ErrorGroup;
import dev.waitgroup.jcstress.Subject;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.LI_Result;

/**
 * ErrorGroup, on the WaitGroup under test: two tasks fail at the same moment. Exactly one failure is
 * "first" and becomes the cause; the other is attached as suppressed, unless the first one's
 * cancellation came before the second task started, in which case it never ran. Never both first,
 * never lost, never none. Tasks run in the caller's thread (an inline executor), so the race is the
 * recording itself.
 */
@HarnessCheck(Check.ERROR_GROUP_FIRST_FAILURE)
@JCStressTest
@Description("ErrorGroup: of two racing failures exactly one is the first, the other suppressed or not started")
@Outcome(id = {"first, 1", "second, 1"}, expect = ACCEPTABLE, desc = "one failure first, the other suppressed")
@Outcome(id = {"first, 0", "second, 0"}, expect = ACCEPTABLE,
        desc = "one failure first; it cancelled the group before the other task started")
@Outcome(expect = FORBIDDEN, desc = "no failure reported, a failure lost, or both counted first")
@State
public class ErrorGroupFirstFailure {
    private final IllegalStateException first = new IllegalStateException("first");
    private final IllegalStateException second = new IllegalStateException("second");
    private final ErrorGroup group = new ErrorGroup(Runnable::run, Subject.group(0));
    private volatile String goThrew;

    @Actor
    public void firstTask() {
        String thrown = Subject.go(group, () -> {
            throw first;
        });
        if (thrown != null) {
            goThrew = thrown;
        }
    }

    @Actor
    public void secondTask() {
        String thrown = Subject.go(group, () -> {
            throw second;
        });
        if (thrown != null) {
            goThrew = thrown;
        }
    }

    @Arbiter
    public void outcome(LI_Result r) {
        if (goThrew != null) {
            r.r1 = "go() " + goThrew;
            return;
        }
        try {
            group.await(Subject.BOUND_MILLIS, TimeUnit.MILLISECONDS);
            r.r1 = "none";
        } catch (ExecutionException e) {
            r.r1 = e.getCause() == first ? "first" : e.getCause() == second ? "second" : "other";
            r.r2 = e.getSuppressed().length;
        } catch (Exception e) {
            r.r1 = Subject.thrown(e);
        }
    }
}
