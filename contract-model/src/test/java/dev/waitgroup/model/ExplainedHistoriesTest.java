package dev.waitgroup.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.waitgroup.catalogue.ReuseBehaviour;
import dev.waitgroup.model.Operation.Add;
import dev.waitgroup.model.Operation.Await;
import dev.waitgroup.model.Operation.Count;
import dev.waitgroup.model.Operation.Done;
import dev.waitgroup.model.Operation.TimedAwait;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Histories a correct WaitGroup may produce: the checker explains each of them. Times are
 * milliseconds from the start of the run; the slack is the minimum, 500 ms.
 */
class ExplainedHistoriesTest {

    private static void assertExplained(History history, ReuseBehaviour reuse) {
        assertEquals(Verdict.EXPLAINED, HistoryChecker.check(history, reuse), history.toText());
    }

    @Test
    void anAwaitReleasedByAnotherThreadsDone() {
        History h = new HistoryBuilder()
                .call("T1", new Add(1), 0.0, 0.1, Outcome.VOID, false)
                .call("T1", new Await(), 0.2, 100.4, Outcome.VOID, false)
                .call("H1", new Done(), 100.0, 100.2, Outcome.VOID)
                .end(101);
        assertExplained(h, ReuseBehaviour.FINISHES_OLD_ROUND);
    }

    /**
     * The JDK's AQS, seen by the default run: two waiters queued, the round ends, and the timed waiter
     * behind the other reaches its deadline (0.16 ms after the release) before the one ahead has run, and
     * gives up without looking at the counter. A release within the slack of the deadline may come second.
     */
    @Test
    void aTimedAwaitMayGiveUpOnAReleaseThatCameWithinTheSlackOfItsDeadline() {
        History h = new HistoryBuilder()
                .call("T1", new Add(1), 0.0, 0.1, Outcome.VOID, false)
                .call("T3", new Await(), 2.0, 3.5, Outcome.VOID, false)
                .call("T2", new TimedAwait(1, TimeUnit.MILLISECONDS), 2.385, 3.6, Outcome.FALSE, false)
                .call("T1", new Done(), 3.1, 3.223, Outcome.VOID, false)
                .end(4);
        assertExplained(h, ReuseBehaviour.FINISHES_OLD_ROUND);
    }

    @Test
    void refusalsAtBothEndsOfTheCounterLeaveItUnchanged() {
        History h = new HistoryBuilder()
                .call("T1", new Add(-1), 0.0, 0.1, new Outcome.Threw(IllegalStateException.class.getName(), "negative"), false)
                .call("T1", new Add(Integer.MAX_VALUE), 0.2, 0.3, Outcome.VOID, false)
                .call("T1", new Add(1), 0.4, 0.5, new Outcome.Threw(IllegalStateException.class.getName(), "overflow"), false)
                .call("T1", new Add(Integer.MIN_VALUE), 0.6, 0.7, new Outcome.Threw(IllegalStateException.class.getName(), null), false)
                .call("T1", new Count(), 0.8, 0.9, new Outcome.Returned(Integer.MAX_VALUE), false)
                .end(1);
        assertExplained(h, ReuseBehaviour.UNKNOWN);
    }

    @Test
    void aCountRacingADoneMaySeeEitherValue() {
        for (int seen : new int[] {0, 1}) {
            History h = new HistoryBuilder()
                    .call("T1", new Add(1), 0.0, 0.1, Outcome.VOID, false)
                    .call("T1", new Count(), 1.0, 2.0, new Outcome.Returned(seen), false)
                    .call("T2", new Done(), 1.5, 1.6, Outcome.VOID, false)
                    .end(3);
            assertExplained(h, ReuseBehaviour.UNKNOWN);
        }
    }

    @Test
    void aTimedAwaitTimesOutWhenTheReleaseComesAfterItsDeadline() {
        History h = new HistoryBuilder()
                .call("T1", new Add(1), 0.0, 0.1, Outcome.VOID, false)
                .call("T1", new TimedAwait(10, TimeUnit.MILLISECONDS), 0.2, 10.5, Outcome.FALSE, false)
                .call("H1", new Done(), 9.0, 11.0, Outcome.VOID)
                .end(12);
        assertExplained(h, ReuseBehaviour.UNKNOWN);
    }

    @Test
    void zeroAndNegativeTimeoutsPollAtOnce() {
        History h = new HistoryBuilder()
                .call("T1", new TimedAwait(Long.MIN_VALUE, TimeUnit.DAYS), 0.0, 0.1, Outcome.TRUE, false)
                .call("T1", new Add(1), 0.2, 0.3, Outcome.VOID, false)
                .call("T1", new TimedAwait(0, TimeUnit.NANOSECONDS), 0.4, 0.5, Outcome.FALSE, false)
                .call("T1", new TimedAwait(-1, TimeUnit.SECONDS), 0.6, 0.7, Outcome.FALSE, false)
                .end(1);
        assertExplained(h, ReuseBehaviour.UNKNOWN);
    }

    @Test
    void anInterruptWhileWaitingEndsTheWaitAndClearsTheStatus() {
        History h = new HistoryBuilder()
                .call("T1", new Add(1), 0.0, 0.1, Outcome.VOID, false)
                .interruptedCall("T1", new Await(), 0.2, 5.3, new Outcome.Threw(InterruptedException.class.getName(), null),
                        false, "H1", 5.0, 5.1)
                .end(6);
        assertExplained(h, ReuseBehaviour.UNKNOWN);
    }

    @Test
    void anInterruptRacingTheReleaseMayLeaveANormalReturnWithTheStatusSet() {
        History h = new HistoryBuilder()
                .call("T1", new Add(1), 0.0, 0.1, Outcome.VOID, false)
                .interruptedCall("T1", new Await(), 0.2, 5.3, Outcome.VOID, true, "H1", 5.0, 5.1)
                .call("H2", new Done(), 4.9, 5.05, Outcome.VOID)
                .end(6);
        assertExplained(h, ReuseBehaviour.UNKNOWN);
    }

    /** An interrupt that lands as the timeout falls: false within the slack of it, the status kept, is allowed. */
    @Test
    void anInterruptAsTheTimeoutFallsMayLeaveFalseWithTheStatusSet() {
        History h = new HistoryBuilder()
                .call("T1", new Add(1), 0.0, 0.1, Outcome.VOID, false)
                .interruptedCall("T1", new TimedAwait(5, TimeUnit.MILLISECONDS), 0.2, 5.3, Outcome.FALSE, true,
                        "H1", 5.0, 5.1)
                .end(6);
        assertExplained(h, ReuseBehaviour.UNKNOWN);
    }

    /** Round 1's waiter has not returned when round 2 opens: each documented behaviour allows its own outcome. */
    @Test
    void reuseBeforeTheOldWaiterReturnedIsJudgedByTheDocumentedBehaviour() {
        HistoryBuilder reused = new HistoryBuilder()
                .call("T1", new Add(1), 0.0, 0.1, Outcome.VOID, false)
                .call("H1", new Done(), 10.0, 10.1, Outcome.VOID)
                .call("H1", new Add(1), 10.2, 10.3, Outcome.VOID);
        History oldWaiterReturns = copy(reused).call("T1", new Await(), 0.2, 12.0, Outcome.VOID, false).end(700);
        History oldWaiterWaitsOn = copy(reused).stuck("T1", new Await(), 0.2, "Unsafe.park").end(700);
        History oldWaiterThrows = copy(reused).call("T1", new Await(), 0.2, 12.0,
                new Outcome.Threw(IllegalStateException.class.getName(), "sync: WaitGroup is reused before previous Wait has returned"),
                false).end(700);
        assertExplained(oldWaiterReturns, ReuseBehaviour.FINISHES_OLD_ROUND);
        assertExplained(oldWaiterWaitsOn, ReuseBehaviour.WAITS_FOR_NEW_ROUND);
        assertExplained(oldWaiterThrows, ReuseBehaviour.DETECTS_AND_THROWS);
        assertExplained(oldWaiterWaitsOn, ReuseBehaviour.UNKNOWN);
        assertExplained(oldWaiterThrows, ReuseBehaviour.UNKNOWN);
    }

    @Test
    void aGroupThatDetectsReuseMayRefuseTheAddThatOpensTheNewRound() {
        History h = new HistoryBuilder()
                .call("T1", new Add(1), 0.0, 0.1, Outcome.VOID, false)
                .call("T1", new Await(), 0.2, 12.0, Outcome.VOID, false)
                .call("H1", new Done(), 10.0, 10.1, Outcome.VOID)
                .call("H1", new Add(1), 10.2, 10.3, new Outcome.Threw(IllegalStateException.class.getName(),
                        "sync: WaitGroup misuse: Add called concurrently with Wait"))
                .end(13);
        assertExplained(h, ReuseBehaviour.DETECTS_AND_THROWS);
    }

    /**
     * Go's algorithm after a reuse: T3's done() ends the round of T1 and T2 and releases two permits; T1 returns
     * and opens the next round before T2 has taken its permit; T1's next wait takes T2's permit, finds the word
     * non-zero and panics (reused), and T2, its permit gone, times out. A group that detects reuse may do all that.
     */
    @Test
    void goSemaphorePermitTakenByTheNextRoundsWaiterAfterReuse() {
        History h = new HistoryBuilder()
                .call("T1", new Add(1), 0.299, 0.299, Outcome.VOID, false)
                .call("T1", new TimedAwait(1, TimeUnit.MILLISECONDS), 0.299, 0.386, Outcome.TRUE, false)
                .call("T2", new TimedAwait(1, TimeUnit.MILLISECONDS), 0.327, 1.404, Outcome.FALSE, false)
                .call("T3", new Done(), 0.340, 0.371, Outcome.VOID, false)
                .call("T1", new Add(1), 0.386, 0.386, Outcome.VOID, false)
                .call("T1", new TimedAwait(1, TimeUnit.MILLISECONDS), 0.387, 0.398,
                        new Outcome.Threw(IllegalStateException.class.getName(),
                                "sync: WaitGroup is reused before previous Wait has returned"), false)
                .end(1.5);
        assertExplained(h, ReuseBehaviour.DETECTS_AND_THROWS);
    }

    /**
     * go(inline executor) counts the task, runs it, and its done() is refused because another thread's done()
     * got in between: the go throws IllegalStateException, though its own add(1) was applied.
     */
    @Test
    void aGoWhoseTasksDoneWasRefusedAfterAnotherThreadsDone() {
        History h = new HistoryBuilder()
                .call("T1", new Operation.Go(1, Operation.Executors.INLINE, 0), 0.0, 6.0,
                        new Outcome.Threw(IllegalStateException.class.getName(), "negative WaitGroup counter"), false)
                .call("H1", new Done(), 5.0, 5.1, Outcome.VOID)
                .end(7);
        assertExplained(h, ReuseBehaviour.UNKNOWN);
    }

    private static HistoryBuilder copy(HistoryBuilder events) {
        HistoryBuilder copy = new HistoryBuilder();
        for (Event e : events.end(0).events()) {
            copy.add(e.thread(), e.operation(), e.invoked(), e.responded(), e.outcome(), e.interruptedAfter(), e.interrupt());
        }
        return copy;
    }
}
