package dev.waitgroup.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.waitgroup.catalogue.ReuseBehaviour;
import dev.waitgroup.model.Operation.Add;
import dev.waitgroup.model.Operation.Await;
import dev.waitgroup.model.Operation.Done;
import dev.waitgroup.model.Operation.TimedAwait;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Histories recorded under a controlled scheduler (Fray), on its logical clock: the same rules, but
 * lateness proves nothing (the scheduler may hold a thread back as long as it likes) and a call that
 * did not return never will (the run ended in a deadlock). Times are milliseconds of that clock.
 */
class ControlledSchedulingTest {

    private static Verdict judged(HistoryBuilder builder, double endMs) {
        return HistoryChecker.check(builder.controlled().end(endMs), ReuseBehaviour.FINISHES_OLD_ROUND);
    }

    private static Verdict.Violation violation(HistoryBuilder builder, double endMs, Rule rule) {
        History history = builder.controlled().end(endMs);
        Verdict verdict = HistoryChecker.check(history, ReuseBehaviour.FINISHES_OLD_ROUND);
        Verdict.Violation violation = assertInstanceOf(Verdict.Violation.class, verdict, history.toText());
        assertEquals(rule, violation.rule(), violation.sentence());
        return violation;
    }

    @Test
    void aWaiterTheSchedulerHeldBackLongAfterItsReleaseIsNotLate() {
        // on real threads 2 s after the release breaks the slack; here the scheduler chose to run it last
        HistoryBuilder h = new HistoryBuilder()
                .call("T1", new Add(1), 0.0, 0.1, Outcome.VOID, false)
                .call("T1", new Await(), 0.2, 2_100.0, Outcome.VOID, false)
                .call("T2", new Done(), 0.5, 0.6, Outcome.VOID);
        assertEquals(Verdict.EXPLAINED, judged(h, 2_101));
    }

    @Test
    void aTimedAwaitMayGiveUpOnACounterItReadBeforeTheReleaseFinished() {
        // it read 1 at 0.3, the release ran from 0.4 to 0.6, its clock passed the deadline (1 ms) later:
        // false, though the round ended before the deadline. On real threads that is timeout-true.
        HistoryBuilder h = new HistoryBuilder()
                .call("T1", new Add(1), 0.0, 0.1, Outcome.VOID, false)
                .call("T1", new TimedAwait(1, TimeUnit.MILLISECONDS), 0.2, 1.3, Outcome.FALSE, false)
                .call("T2", new Done(), 0.4, 0.6, Outcome.VOID);
        assertEquals(Verdict.EXPLAINED, judged(h, 2));
    }

    /**
     * Fray's CountDownLatch throws InterruptedException with the status still set, where the JDK clears
     * it: under Fray, the status after a throw says nothing about the group (on real threads it is the
     * interrupt-cleared rule).
     */
    @Test
    void theStatusLeftAfterAnInterruptedExceptionIsNotJudged() {
        HistoryBuilder h = new HistoryBuilder()
                .call("T1", new Add(1), 0.0, 0.1, Outcome.VOID, false)
                .interruptedCall("T1", new Await(), 0.2, 5.3,
                        new Outcome.Threw(InterruptedException.class.getName(), null), true, "H1", 5.0, 5.1);
        assertEquals(Verdict.EXPLAINED, judged(h, 6));
    }

    @Test
    void falseStillNeedsACounterAboveZeroSomewhereInTheCall() {
        HistoryBuilder h = new HistoryBuilder()
                .call("T2", new Done(), 0.0, 0.1, new Outcome.Threw(IllegalStateException.class.getName(), "negative"))
                .call("T1", new TimedAwait(1, TimeUnit.MILLISECONDS), 0.2, 1.3, Outcome.FALSE, false);
        violation(h, 2, Rule.TIMEOUT_TRUE);
    }

    @Test
    void aFalseThatCameEarlyOnTheHistorysClockIsNoVerdict() {
        // Fray rounds each awaitNanos's time left down to whole milliseconds: a waiter woken spuriously eight
        // times gives up eight milliseconds early on the clock the history reads
        HistoryBuilder h = new HistoryBuilder()
                .call("T1", new Add(1), 0.0, 0.1, Outcome.VOID, false)
                .call("T1", new TimedAwait(10, TimeUnit.MILLISECONDS), 0.2, 2.2, Outcome.FALSE, false);
        assertEquals(Verdict.EXPLAINED, judged(h, 3));
    }

    @Test
    void aReleasedWaiterLeftBlockedInADeadlockBreaksTheRelease() {
        HistoryBuilder h = new HistoryBuilder()
                .call("T1", new Add(1), 0.0, 0.1, Outcome.VOID, false)
                .stuck("T1", new Await(), 0.2, "LockSupport.park")
                .call("T2", new Done(), 0.3, 0.4, Outcome.VOID);
        Verdict.Violation v = violation(h, 0.5, Rule.RELEASE);
        assertTrue(v.sentence().contains("deadlock"), v.sentence());
    }

    @Test
    void aWaiterWhoseRoundNeverEndedMayWaitForever() {
        HistoryBuilder h = new HistoryBuilder()
                .call("T1", new Add(2), 0.0, 0.1, Outcome.VOID, false)
                .stuck("T1", new Await(), 0.2, "LockSupport.park")
                .call("T2", new Done(), 0.3, 0.4, Outcome.VOID);
        assertEquals(Verdict.EXPLAINED, judged(h, 0.5));
    }

    @Test
    void aWaiterSeenBlockedBeforeItsRoundEndedBelongsToThatRound() {
        // W1 was seen blocked in await() at 0.4, before done(); add(1) handed the round over: a group that
        // finishes the old round must let it go. Unseen, it may have begun only in round 2, and may wait for it.
        HistoryBuilder seen = new HistoryBuilder()
                .call("main", new Add(1), 0.0, 0.1, Outcome.VOID, false)
                .stuckSeenWaiting("W1", new Await(), 0.2, 0.4, "LockSupport.park")
                .call("H", new Done(), 0.5, 0.6, Outcome.VOID)
                .call("H", new Add(1), 0.7, 0.8, Outcome.VOID);
        violation(seen, 1, Rule.REUSE);
        HistoryBuilder unseen = new HistoryBuilder()
                .call("main", new Add(1), 0.0, 0.1, Outcome.VOID, false)
                .stuck("W1", new Await(), 0.2, "LockSupport.park")
                .call("H", new Done(), 0.5, 0.6, Outcome.VOID)
                .call("H", new Add(1), 0.7, 0.8, Outcome.VOID);
        assertEquals(Verdict.EXPLAINED, judged(unseen, 1));
    }

    @Test
    void aCallThatCannotBlockMustNotBeLeftBlocked() {
        violation(new HistoryBuilder().stuck("T1", new Add(1), 0.0, "Object.wait"), 0.1, Rule.PROMPT);
    }

    @Test
    void aTimedWaitLeftBlockedMissedItsDeadline() {
        HistoryBuilder h = new HistoryBuilder()
                .call("T1", new Add(1), 0.0, 0.1, Outcome.VOID, false)
                .stuck("T1", new TimedAwait(10, TimeUnit.MILLISECONDS), 0.2, "LockSupport.park");
        violation(h, 0.3, Rule.DEADLINE);
    }

    @Test
    void anInterruptedWaiterLeftBlockedNeverAnsweredIt() {
        HistoryBuilder h = new HistoryBuilder()
                .call("T1", new Add(1), 0.0, 0.1, Outcome.VOID, false)
                .stuckInterrupted("T1", new Await(), 0.2, "H1", 0.3, 0.4);
        violation(h, 0.5, Rule.INTERRUPT_ANSWERED);
    }

    @Test
    void theHistorySaysWhoseClockItIs() {
        String text = new HistoryBuilder().controlled()
                .call("T1", new Add(1), 0.0, 0.1, Outcome.VOID, false)
                .stuck("T1", new Await(), 0.2, "LockSupport.park").end(0.3).toText();
        assertTrue(text.startsWith("history: 2 events on 1 threads under a controlled scheduler; times in ms of its"
                + " logical clock"), text);
        assertTrue(text.contains("the run ended in a deadlock at 0.300 ms"), text);
    }
}
