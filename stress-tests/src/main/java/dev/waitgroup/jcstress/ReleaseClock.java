package dev.waitgroup.jcstress;

import dev.waitgroup.WaitGroup;
import dev.waitgroup.model.Slack;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Tells a release a waiter missed from one that came too late to judge, for a test whose waiter
 * waits at most {@link Subject#BOUND_MILLIS} for another actor's release.
 *
 * <p>A wait that timed out is evidence of a lost release only if the release had happened well
 * before the wait gave up. On a machine busy with other work the releasing actor may not run at all
 * until the bound is nearly over (a fresh user's correct WaitGroup once showed "timed out, 0, 0": the
 * worker had not even made its writes when the second was over). So the waiter records when it began
 * to wait, the releaser when its releasing call returned, and the test's arbiter, which jcstress runs
 * after both actors, turns "timed out" into {@link #STARVED} unless the release returned at least the
 * reference model's slack ({@link Slack#MINIMUM}, 500 ms) before the waiter's bound ran out: the rule
 * the exploration suites judge a timed wait by. A WaitGroup that loses a release is still caught: its
 * releaser returns within microseconds, a second before the bound.
 *
 * <p>Both fields are plain: each is written by one actor and read only by the arbiter, which jcstress
 * orders after both. Neither actor reads the other's field, so the clock adds no happens-before edge
 * between them that a test of the WaitGroup's own edges could mistake for the WaitGroup's.
 */
public final class ReleaseClock {
    /** The outcome id of a wait whose bound ran out before a release it could be expected to see. */
    public static final String STARVED = "starved";
    /** What {@link #STARVED} means, for a test's {@code @Outcome}. */
    public static final String STARVED_MEANS = "the bound ran out less than 500 ms after the release returned, or"
            + " before it: the machine ran the releaser too late to judge the wait (no evidence either way)";

    private final LongSupplier nanoTime;
    private long waitStartedAt;
    private long releaseReturnedAt;
    private boolean released;

    /** A clock read from {@link System#nanoTime()}. */
    public ReleaseClock() {
        this(System::nanoTime);
    }

    ReleaseClock(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** The waiter's {@code await(BOUND)}, as {@link Subject#awaitBounded} gives it, timed. */
    public String awaitBounded(WaitGroup group) {
        waitStarts();
        return Subject.awaitBounded(group);
    }

    /** The waiter's clock starts now, for a wait the test makes itself. */
    public void waitStarts() {
        waitStartedAt = nanoTime.getAsLong();
    }

    /** The releaser calls this as soon as its releasing call has returned. */
    public void released() {
        releaseReturnedAt = nanoTime.getAsLong();
        released = true;
    }

    /**
     * The arbiter's reading of the waiter's outcome: {@link Subject#TIMED_OUT} stays only when the
     * release returned at least the slack before the bound ran out; otherwise {@link #STARVED}. Any
     * other outcome is returned as it is.
     */
    public String judge(String outcome) {
        if (!Subject.TIMED_OUT.equals(outcome)) {
            return outcome;
        }
        long boundEndsAt = waitStartedAt + TimeUnit.MILLISECONDS.toNanos(Subject.BOUND_MILLIS);
        boolean releasedInTime = released && boundEndsAt - releaseReturnedAt >= Slack.MINIMUM.toNanos();
        return releasedInTime ? Subject.TIMED_OUT : STARVED;
    }
}
