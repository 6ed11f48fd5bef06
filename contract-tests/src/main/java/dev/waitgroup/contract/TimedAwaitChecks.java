package dev.waitgroup.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.waitgroup.catalogue.Check;
import dev.waitgroup.catalogue.HarnessCheck;
import dev.waitgroup.harness.junit.CheckRecorder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The timed {@code await} at the edges of its range, where timeouts are converted and deadlines
 * computed: a nanosecond must not become "forever", {@code Long.MAX_VALUE} must not become "already
 * over".
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.waitgroup.harness.junit.HarnessSubject#selected")
@ExtendWith(CheckRecorder.class)
class TimedAwaitChecks extends OneGroupPerCheck {

    /** A timeout converted to milliseconds rounds these down to 0 ms, and {@code wait(0)} waits forever. */
    @Test
    @HarnessCheck(Check.TIMED_AWAIT_SHORT_TIMEOUTS)
    void subMillisecondTimeoutsTimeOutPromptly() throws Exception {
        group.add(1);
        long[][] timeouts = {{1, 0}, {1, 1}, {999, 1}, {999_999, 0}, {1, 2}};
        TimeUnit[] units = {TimeUnit.NANOSECONDS, TimeUnit.MICROSECONDS, TimeUnit.MILLISECONDS};
        for (long[] timeout : timeouts) {
            TimeUnit unit = units[(int) timeout[1]];
            assertFalse(BlockingCall.timedAwait(group, timeout[0], unit),
                    "await(" + timeout[0] + " " + unit + ") must time out on a counter of 1");
        }
        assertEquals(1, group.count(), "a timed-out await must leave the counter unchanged");
    }

    /**
     * A deadline computed as {@code now + timeout} overflows for these, and a wait compared against it
     * gives up at once. Each unit's waiter must still be waiting after a while, and return true once
     * the counter reaches zero.
     */
    @Test
    @HarnessCheck(Check.TIMED_AWAIT_HUGE_TIMEOUTS)
    void hugeTimeoutsWaitAndReturnTrueOnRelease() throws Exception {
        group.add(1);
        List<BlockingCall<Boolean>> waiters = new ArrayList<>();
        for (TimeUnit unit : TimeUnit.values()) {
            waiters.add(BlockingCall.start("await(Long.MAX_VALUE, " + unit + ")",
                    () -> group.await(Long.MAX_VALUE, unit)));
        }
        Thread.sleep(Bounds.STAYS_BLOCKED.toMillis());
        for (BlockingCall<Boolean> waiter : waiters) {
            assertTrue(waiter.stillBlockedAfter(java.time.Duration.ZERO), waiter + " returned "
                    + (waiter.finished() ? waiter.result(Bounds.MUST_RETURN) : "") + " at once, with the counter at 1");
        }
        group.done();
        for (BlockingCall<Boolean> waiter : waiters) {
            assertTrue(waiter.result(Bounds.MUST_RETURN), waiter + " must return true when the counter reaches zero");
        }
    }
}
