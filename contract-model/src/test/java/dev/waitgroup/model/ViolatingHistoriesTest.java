package dev.waitgroup.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.waitgroup.catalogue.ReuseBehaviour;
import dev.waitgroup.model.Operation.Add;
import dev.waitgroup.model.Operation.Await;
import dev.waitgroup.model.Operation.Count;
import dev.waitgroup.model.Operation.Done;
import dev.waitgroup.model.Operation.Executors;
import dev.waitgroup.model.Operation.Go;
import dev.waitgroup.model.Operation.SelfInterrupt;
import dev.waitgroup.model.Operation.TimedAwait;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * One history per rule that breaks it, each the shape of a real bug, and the sentence the checker
 * says about it. Times are milliseconds from the start; the slack is 500 ms.
 */
class ViolatingHistoriesTest {
    private static final Outcome REFUSED = new Outcome.Threw(IllegalStateException.class.getName(), "refused");
    private static final Outcome INTERRUPTED = new Outcome.Threw(InterruptedException.class.getName(), null);

    private static Verdict.Violation violation(History history, ReuseBehaviour reuse, Rule rule) {
        Verdict verdict = HistoryChecker.check(history, reuse);
        Verdict.Violation violation = assertInstanceOf(Verdict.Violation.class, verdict, history.toText());
        assertEquals(rule, violation.rule(), violation.sentence());
        return violation;
    }

    @Test
    void aDoneOnAZeroCounterMustBeRefused() {
        History h = new HistoryBuilder().call("T1", new Done(), 0, 0.1, Outcome.VOID, false).end(1);
        Verdict.Violation v = violation(h, ReuseBehaviour.UNKNOWN, Rule.COUNTER_RANGE);
        assertTrue(v.sentence().contains("it had to throw IllegalStateException"), v.sentence());
    }

    @Test
    void aDeltaWithinRangeMustNotBeRefused() {
        History h = new HistoryBuilder().call("T1", new Add(1), 0, 0.1, REFUSED, false).end(1);
        violation(h, ReuseBehaviour.UNKNOWN, Rule.COUNTER_RANGE);
    }

    /** Two done() on a counter of 2 both returned, and the counter reads 1: a lost update. */
    @Test
    void aCountNoOrderExplains() {
        History h = new HistoryBuilder()
                .call("T1", new Add(2), 0, 0.1, Outcome.VOID, false)
                .call("T1", new Done(), 1.0, 1.2, Outcome.VOID, false)
                .call("T2", new Done(), 1.0, 1.2, Outcome.VOID, false)
                .call("T1", new Count(), 2.0, 2.1, new Outcome.Returned(1), false)
                .end(3);
        violation(h, ReuseBehaviour.UNKNOWN, Rule.COUNT_VALUE);
    }

    /** Two done() on a counter of 1 both returned normally: one of them had to be refused (check-then-act). */
    @Test
    void twoRacingDoneOnACounterOfOneCannotBothSucceed() {
        History h = new HistoryBuilder()
                .call("T1", new Add(1), 0, 0.1, Outcome.VOID, false)
                .call("T1", new Done(), 1.0, 1.2, Outcome.VOID, false)
                .call("T2", new Done(), 1.0, 1.2, Outcome.VOID, false)
                .end(3);
        violation(h, ReuseBehaviour.UNKNOWN, Rule.COUNTER_RANGE);
    }

    /** A stray wake-up: await() returned while the counter was 1 throughout. */
    @Test
    void anAwaitReturnsOnlyWhereTheCounterWasZero() {
        History h = new HistoryBuilder()
                .call("T1", new Add(1), 0, 0.1, Outcome.VOID, false)
                .call("T1", new Await(), 0.2, 3.0, Outcome.VOID, false)
                .call("H1", new Done(), 50.0, 50.1, Outcome.VOID)
                .end(51);
        violation(h, ReuseBehaviour.UNKNOWN, Rule.AWAIT_ON_ZERO);
    }

    /** A lost wake-up (or a waiter skipped by the release): the round ended, the waiter never returned. */
    @Test
    void aWaiterWhoseRoundEndedMustReturn() {
        History h = new HistoryBuilder()
                .call("T1", new Add(1), 0, 0.1, Outcome.VOID, false)
                .stuck("T1", new Await(), 0.2, "java.base/jdk.internal.misc.Unsafe.park(Native Method)")
                .call("H1", new Done(), 100.0, 100.1, Outcome.VOID)
                .end(700);
        Verdict.Violation v = violation(h, ReuseBehaviour.UNKNOWN, Rule.RELEASE);
        assertTrue(v.sentence().contains("its round ended at 100.100"), v.sentence());
    }

    @Test
    void aWaiterThatReturnsLongAfterItsReleaseIsLate() {
        History h = new HistoryBuilder()
                .call("T1", new Add(1), 0, 0.1, Outcome.VOID, false)
                .call("T1", new TimedAwait(Long.MAX_VALUE, TimeUnit.DAYS), 0.2, 900, Outcome.TRUE, false)
                .call("H1", new Done(), 100.0, 100.1, Outcome.VOID)
                .end(901);
        violation(h, ReuseBehaviour.UNKNOWN, Rule.RELEASE);
    }

    /** A millisecond timer: await(999 µs) reported a timeout after 0.2 ms. */
    @Test
    void falseOnlyOnceTheTimeoutElapsed() {
        History h = new HistoryBuilder()
                .call("T1", new Add(1), 0, 0.1, Outcome.VOID, false)
                .call("T1", new TimedAwait(999, TimeUnit.MICROSECONDS), 0.2, 0.4, Outcome.FALSE, false)
                .end(1);
        violation(h, ReuseBehaviour.UNKNOWN, Rule.TIMEOUT_EARLY);
    }

    /** A deadline that overflowed: await(Long.MAX_VALUE, HOURS) "timed out" at once. */
    @Test
    void aHugeTimeoutNeverElapses() {
        History h = new HistoryBuilder()
                .call("T1", new Add(1), 0, 0.1, Outcome.VOID, false)
                .call("T1", new TimedAwait(Long.MAX_VALUE, TimeUnit.HOURS), 0.2, 0.3, Outcome.FALSE, false)
                .end(1);
        violation(h, ReuseBehaviour.UNKNOWN, Rule.TIMEOUT_EARLY);
    }

    /**
     * One waiter of two signalled: the other times out although its round ended long before its deadline
     * (more than the slack: a release within the slack of the deadline may be seen after it).
     */
    @Test
    void trueWhenTheRoundEndedBeforeTheDeadline() {
        History h = new HistoryBuilder()
                .call("T1", new Add(1), 0, 0.1, Outcome.VOID, false)
                .call("T2", new TimedAwait(1, TimeUnit.SECONDS), 1.0, 1.5, Outcome.TRUE, false)
                .call("T3", new TimedAwait(1, TimeUnit.SECONDS), 1.0, 1001.2, Outcome.FALSE, false)
                .call("T1", new Done(), 1.1, 1.2, Outcome.VOID, false)
                .end(1002);
        Verdict.Violation v = violation(h, ReuseBehaviour.UNKNOWN, Rule.TIMEOUT_TRUE);
        assertTrue(v.sentence().startsWith("T3: await(1, SECONDS) returned false although its round ended"),
                v.sentence());
    }

    /** A timer that starts over after every wake-up: await(100 ms) came back after 1.5 s. */
    @Test
    void aTimedAwaitReturnsByItsDeadlinePlusTheSlack() {
        History h = new HistoryBuilder()
                .call("T1", new Add(40), 0, 0.1, Outcome.VOID, false)
                .call("T1", new TimedAwait(100, TimeUnit.MILLISECONDS), 0.2, 1_550, Outcome.FALSE, false)
                .end(1_551);
        violation(h, ReuseBehaviour.UNKNOWN, Rule.DEADLINE);
    }

    /** A pending interrupt swallowed by a zero counter's fast path. */
    @Test
    void anAwaitEnteredInterruptedMustThrow() {
        History h = new HistoryBuilder()
                .call("T1", new SelfInterrupt(), 0, 0.1, Outcome.VOID, true)
                .call("T1", new Await(), 0.2, 0.3, Outcome.VOID, false)
                .end(1);
        violation(h, ReuseBehaviour.UNKNOWN, Rule.INTERRUPT_ON_ENTRY);
    }

    /** The sentence says what the wait did in words: "returned true", not "= true". */
    @Test
    void aTimedAwaitEnteredInterruptedThatReturnsTrueIsToldSo() {
        History h = new HistoryBuilder()
                .call("T1", new SelfInterrupt(), 0, 0.1, Outcome.VOID, true)
                .call("T1", new TimedAwait(1, TimeUnit.NANOSECONDS), 0.2, 0.3, Outcome.TRUE, false)
                .end(1);
        Verdict.Violation violation = violation(h, ReuseBehaviour.UNKNOWN, Rule.INTERRUPT_ON_ENTRY);
        assertTrue(violation.sentence().contains("was entered with the interrupt status set and returned true: it must"
                + " throw InterruptedException"), violation.sentence());
    }

    @Test
    void aNormalReturnKeepsAnInterruptThatArrivedDuringTheCall() {
        History h = new HistoryBuilder()
                .call("T1", new Add(1), 0.0, 0.1, Outcome.VOID, false)
                .interruptedCall("T1", new Await(), 0.2, 5.3, Outcome.VOID, false, "H1", 5.0, 5.1)
                .call("H2", new Done(), 4.9, 5.05, Outcome.VOID)
                .end(6);
        violation(h, ReuseBehaviour.UNKNOWN, Rule.INTERRUPT_KEPT);
    }

    @Test
    void interruptedExceptionClearsTheStatus() {
        History h = new HistoryBuilder()
                .call("T1", new Add(1), 0.0, 0.1, Outcome.VOID, false)
                .interruptedCall("T1", new Await(), 0.2, 5.3, INTERRUPTED, true, "H1", 5.0, 5.1)
                .end(6);
        violation(h, ReuseBehaviour.UNKNOWN, Rule.INTERRUPT_CLEARED);
    }

    @Test
    void interruptedExceptionNeedsAnInterrupt() {
        History h = new HistoryBuilder()
                .call("T1", new Add(1), 0.0, 0.1, Outcome.VOID, false)
                .call("T1", new Await(), 0.2, 5.3, INTERRUPTED, false)
                .end(6);
        violation(h, ReuseBehaviour.UNKNOWN, Rule.INTERRUPT_CAUSE);
    }

    @Test
    void aWaiterAnswersAnInterrupt() {
        History h = new HistoryBuilder()
                .call("T1", new Add(1), 0.0, 0.1, Outcome.VOID, false)
                .stuckInterrupted("T1", new Await(), 0.2, "H1", 5.0, 5.1)
                .end(700);
        violation(h, ReuseBehaviour.UNKNOWN, Rule.INTERRUPT_ANSWERED);
    }

    /**
     * A timed wait that notes the interrupt but waits out its timeout and returns false (the interrupt
     * status left set) swallows nothing, yet never answered the interrupt: ported from a timed wait that
     * re-armed its timer on every wake-up.
     */
    @Test
    void aTimedWaiterAnswersAnInterruptRatherThanWaitingOutItsTimeout() {
        History h = new HistoryBuilder()
                .call("T1", new Add(1), 0.0, 0.1, Outcome.VOID, false)
                .interruptedCall("T1", new TimedAwait(2, TimeUnit.SECONDS), 0.2, 2000.3, Outcome.FALSE, true,
                        "H1", 5.0, 5.1)
                .end(2001);
        violation(h, ReuseBehaviour.UNKNOWN, Rule.INTERRUPT_ANSWERED);
    }

    /**
     * A timed wait that notes the interrupt, waits on until its deadline, and only then throws: the
     * interrupt is not swallowed, but it was not answered (ported from a parkNanos loop that took an
     * interrupt for a spurious wake-up).
     */
    @Test
    void aTimedWaiterThrowsWhenInterruptedNotOnceItsTimeoutIsOver() {
        History h = new HistoryBuilder()
                .call("T1", new Add(1), 0.0, 0.1, Outcome.VOID, false)
                .interruptedCall("T1", new TimedAwait(3, TimeUnit.SECONDS), 0.2, 3000.3,
                        new Outcome.Threw(InterruptedException.class.getName(), null), false, "H1", 5.0, 5.1)
                .end(3001);
        Verdict.Violation v = violation(h, ReuseBehaviour.UNKNOWN, Rule.INTERRUPT_ANSWERED);
        assertTrue(v.sentence().contains("threw InterruptedException at 3000.300 ms"), v.sentence());
    }

    @Test
    void anAddThatBlocksIsAViolation() {
        History h = new HistoryBuilder().stuck("T1", new Add(1), 0.0, "Object.wait").end(700);
        violation(h, ReuseBehaviour.UNKNOWN, Rule.PROMPT);
    }

    @Test
    void onlyTheDocumentedExceptions() {
        History h = new HistoryBuilder()
                .call("T1", new Add(1), 0.0, 0.1, new Outcome.Threw(NullPointerException.class.getName(), null), false)
                .end(1);
        violation(h, ReuseBehaviour.UNKNOWN, Rule.EXCEPTION);
    }

    @Test
    void goPassesOnTheExecutorsRejection() {
        History h = new HistoryBuilder()
                .call("T1", new Go(1, Executors.REJECTING, 0), 0.0, 0.1, Outcome.VOID, false)
                .end(1);
        violation(h, ReuseBehaviour.UNKNOWN, Rule.GO);
    }

    /**
     * A generation-safe group must release the old round's waiter even when the next round opened first.
     * The round ends more than the slack after the await began, so the await surely read the counter
     * in the old round (an await reads the counter within the slack of its invocation).
     */
    @Test
    void aGenerationSafeGroupReleasesTheOldRoundsWaiter() {
        History h = new HistoryBuilder()
                .call("T1", new Add(1), 0.0, 0.1, Outcome.VOID, false)
                .stuck("T1", new Await(), 0.2, "Unsafe.park")
                .call("H1", new Done(), 600.0, 600.1, Outcome.VOID)
                .call("H1", new Add(1), 600.2, 600.3, Outcome.VOID)
                .end(1_300);
        violation(h, ReuseBehaviour.FINISHES_OLD_ROUND, Rule.REUSE);
    }

    @Test
    void aRunThatWasNotScheduledIsInconclusiveNotAViolation() {
        History h = new HistoryBuilder()
                .call("T1", new Add(1), 0, 0.1, Outcome.VOID, false)
                .call("T1", new TimedAwait(100, TimeUnit.MILLISECONDS), 0.2, 1_550, Outcome.FALSE, false)
                .schedulingGap(1_200)
                .end(1_551);
        Verdict verdict = HistoryChecker.check(h, ReuseBehaviour.UNKNOWN);
        Verdict.Inconclusive inconclusive = assertInstanceOf(Verdict.Inconclusive.class, verdict);
        assertEquals(Rule.DEADLINE, inconclusive.wouldBe().rule());
    }

    @Test
    void theHistoryPrintsOneLinePerEventInTimeOrder() {
        History h = new HistoryBuilder()
                .call("T1", new Add(1), 0, 0.1, Outcome.VOID, false)
                .stuck("T1", new Await(), 0.2, "java.base/jdk.internal.misc.Unsafe.park(Native Method)")
                .call("H1", new Done(), 100.0, 100.1, Outcome.VOID)
                .end(700);
        String text = h.toText();
        String[] lines = text.split("\n");
        assertTrue(lines[1].endsWith("T1  add(1) returned"), text);
        assertTrue(lines[2].endsWith("T1  await() did not return within the bound"), text);
        assertTrue(lines[3].trim().startsWith("at java.base/jdk.internal.misc.Unsafe.park"), text);
        assertTrue(lines[4].endsWith("H1  done() returned"), text);
    }

    /**
     * What a busy machine did to a correct group: the timed wait's thread was held up for half a second
     * (the heartbeat went on). The lateness is a violation, but one that rests on the slack: judged as if
     * calls might be any amount late, the history is explained, so it counts only if a rerun is late again.
     */
    @Test
    void aDeadlineOverrunRestsOnTheSlack() {
        History h = new HistoryBuilder()
                .call("T1", new Add(1), 0, 0.1, Outcome.VOID, false)
                .stuck("T1", new TimedAwait(11, TimeUnit.MILLISECONDS), 0.2, "Object.wait")
                .end(564.3);
        violation(h, ReuseBehaviour.UNKNOWN, Rule.DEADLINE);
        assertTrue(HistoryChecker.restsOnTheSlack(h, ReuseBehaviour.UNKNOWN));
    }

    /** A waiter that never returned after its round ended: a hang, or a thread the machine held up. */
    @Test
    void aWaiterNotReleasedRestsOnTheSlack() {
        History h = new HistoryBuilder()
                .call("T1", new Add(1), 0, 0.1, Outcome.VOID, false)
                .stuck("T1", new Await(), 0.2, "java.base/jdk.internal.misc.Unsafe.park(Native Method)")
                .call("H1", new Done(), 100.0, 100.1, Outcome.VOID)
                .end(700);
        violation(h, ReuseBehaviour.UNKNOWN, Rule.RELEASE);
        assertTrue(HistoryChecker.restsOnTheSlack(h, ReuseBehaviour.UNKNOWN));
    }

    /** A lost update, an early timeout, a swallowed interrupt: no busy machine makes a correct group do so. */
    @Test
    void aValueNoOrderExplainsDoesNotRestOnTheSlack() {
        History lostUpdate = new HistoryBuilder()
                .call("T1", new Add(2), 0, 0.1, Outcome.VOID, false)
                .call("T1", new Done(), 1.0, 1.2, Outcome.VOID, false)
                .call("T2", new Done(), 1.0, 1.2, Outcome.VOID, false)
                .call("T1", new Count(), 2.0, 2.1, new Outcome.Returned(1), false)
                .end(3);
        History earlyTimeout = new HistoryBuilder()
                .call("T1", new Add(1), 0, 0.1, Outcome.VOID, false)
                .call("T1", new TimedAwait(999, TimeUnit.MICROSECONDS), 0.2, 0.4, Outcome.FALSE, false)
                .end(1);
        History swallowed = new HistoryBuilder()
                .call("T1", new SelfInterrupt(), 0, 0.1, Outcome.VOID, true)
                .call("T1", new Await(), 0.2, 0.3, Outcome.VOID, false)
                .end(1);
        for (History h : List.of(lostUpdate, earlyTimeout, swallowed)) {
            assertTrue(HistoryChecker.check(h, ReuseBehaviour.UNKNOWN).isViolation(), h.toText());
            assertFalse(HistoryChecker.restsOnTheSlack(h, ReuseBehaviour.UNKNOWN), h.toText());
        }
    }
}
