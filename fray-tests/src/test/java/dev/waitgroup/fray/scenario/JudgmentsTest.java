package dev.waitgroup.fray.scenario;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What each judgment accepts and what it calls a broken promise, on hand-made histories. */
class JudgmentsTest {
    private static final Call OK = new Call("done()", null, null);
    private static final Call REFUSED = new Call("done()", null, new IllegalStateException("negative WaitGroup counter"));

    @Test
    void threeDonesOnTwoAreExplainedByTwoSuccessesAndOneRefusal() {
        assertDoesNotThrow(() -> Judgments.sequentiallyExplained(2, List.of(-1, -1, -1),
                List.of(OK, REFUSED, OK), 0));
    }

    @Test
    void aLostDecrementHasNoSequentialExplanation() {
        AssertionError e = assertThrows(AssertionError.class, () -> Judgments.sequentiallyExplained(2,
                List.of(-1, -1, -1), List.of(OK, OK, REFUSED), 1));
        assertTrue(e.getMessage().contains("an update was lost or a refusal was not atomic"), e.getMessage());
    }

    @Test
    void aCheckThenActRefusalThatLetsAllThroughIsCaught() {
        assertThrows(AssertionError.class, () -> Judgments.sequentiallyExplained(2, List.of(-1, -1, -1),
                List.of(OK, OK, OK), -1));
    }

    @Test
    void nearMaxOneAddIsRefusedUnlessTheDoneCameBetween() {
        Call add = new Call("add(1)", null, null);
        Call refusedAdd = new Call("add(1)", null, new IllegalStateException("WaitGroup counter overflow"));
        int max = Integer.MAX_VALUE;
        assertDoesNotThrow(() -> Judgments.sequentiallyExplained(max - 1, List.of(1, 1, -1),
                List.of(add, refusedAdd, OK), max - 1));
        assertDoesNotThrow(() -> Judgments.sequentiallyExplained(max - 1, List.of(1, 1, -1),
                List.of(add, add, OK), max));
        assertThrows(AssertionError.class, () -> Judgments.sequentiallyExplained(max - 1, List.of(1, 1, -1),
                List.of(add, add, OK), Integer.MIN_VALUE), "an overflow wrapped the counter");
    }

    @Test
    void anAwaitMayReturnOnlyAfterItsRoundEnded() {
        Call returned = new Call("await()", null, null);
        assertDoesNotThrow(() -> Judgments.returnedAfterRelease(returned, true, "waiter"));
        assertThrows(AssertionError.class, () -> Judgments.returnedAfterRelease(returned, false, "waiter"));
        Call gaveUp = new Call("await(1 ms)", false, null);
        assertDoesNotThrow(() -> Judgments.timedAwaitTruthful(gaveUp, false, "waiter"), "a timeout is always allowed");
        assertThrows(AssertionError.class, () -> Judgments.timedAwaitTruthful(new Call("await(1 ms)", true, null),
                false, "waiter"), "true before the release is a lie");
    }

    @Test
    void anInterruptIsThrownOrKeptNeverSwallowed() {
        Call returned = new Call("await()", null, null);
        Call interrupted = new Call("await()", null, new InterruptedException());
        assertDoesNotThrow(() -> Judgments.interruptNotSwallowed(interrupted, true, true, false, "waiter"));
        assertDoesNotThrow(() -> Judgments.interruptNotSwallowed(returned, false, true, true, "waiter"));
        assertDoesNotThrow(() -> Judgments.interruptNotSwallowed(returned, false, false, false, "waiter"),
                "not sent yet when the status was read");
        assertThrows(AssertionError.class,
                () -> Judgments.interruptNotSwallowed(returned, true, true, true, "waiter"),
                "entered interrupted: must throw, whatever the counter");
        assertThrows(AssertionError.class,
                () -> Judgments.interruptNotSwallowed(returned, false, true, false, "waiter"),
                "sent, yet the status is clear");
    }
}
