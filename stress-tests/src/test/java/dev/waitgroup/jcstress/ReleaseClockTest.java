package dev.waitgroup.jcstress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * When a wait that timed out is a lost release and when the machine merely ran the release too late:
 * the bound is 1 s, and the release must have returned at least the slack, 500 ms, before it ran out.
 */
class ReleaseClockTest {
    private long now;
    private final ReleaseClock clock = new ReleaseClock(() -> now);

    private void at(long millis) {
        now = TimeUnit.MILLISECONDS.toNanos(millis);
    }

    @Test
    void aReleaseThatReturnedASecondBeforeTheBoundRanOutWasLost() {
        at(0);
        clock.waitStarts();
        clock.released();
        assertEquals(Subject.TIMED_OUT, clock.judge(Subject.TIMED_OUT));
    }

    @Test
    void aReleaseThatReturnedExactlyTheSlackBeforeTheBoundStillCountsAsLost() {
        at(100);
        clock.waitStarts();
        at(600);
        clock.released();
        assertEquals(Subject.TIMED_OUT, clock.judge(Subject.TIMED_OUT));
    }

    @Test
    void aReleaseWithinTheSlackOfTheBoundIsTooLateToJudge() {
        at(0);
        clock.waitStarts();
        at(501);
        clock.released();
        assertEquals(ReleaseClock.STARVED, clock.judge(Subject.TIMED_OUT));
    }

    @Test
    void aReleaseAfterTheBoundOrNoneAtAllIsTooLateToJudge() {
        at(0);
        clock.waitStarts();
        assertEquals(ReleaseClock.STARVED, clock.judge(Subject.TIMED_OUT), "the releaser had not run");
        at(1_500);
        clock.released();
        assertEquals(ReleaseClock.STARVED, clock.judge(Subject.TIMED_OUT), "it ran after the waiter gave up");
    }

    @Test
    void anyOtherOutcomeIsLeftAsItIs() {
        at(0);
        clock.waitStarts();
        assertEquals(Subject.RELEASED, clock.judge(Subject.RELEASED));
        assertEquals("threw IllegalStateException", clock.judge("threw IllegalStateException"));
    }
}
