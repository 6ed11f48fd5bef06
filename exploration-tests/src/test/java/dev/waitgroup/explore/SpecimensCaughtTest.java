package dev.waitgroup.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Broken WaitGroups the exploration catches from the contract alone, with no check written for their
 * bug: the two new specimens, and specimens of the registry whose bug a sequential history shows.
 * (The race specimens, and how reliably real threads catch them, are in the report of this module.)
 */
class SpecimensCaughtTest {
    private static final Budget BUDGET = new Budget(300, 200, 30, Duration.ofMillis(500), Duration.ofSeconds(60),
            Duration.ofSeconds(30), 100, 3, 3);

    private static ExplorationOutcome explore(Subjects.Subject subject) {
        ExplorationOutcome outcome = subject.explore(BUDGET, 1L);
        assertFalse(outcome.passed(), subject + " escaped:\n" + outcome.text());
        return outcome;
    }

    /** add(1); await(1 ms) → false; done() later by another thread; await() never returns: its node is still cancelled. */
    @Test
    void aWaiterNodeReusedAfterATimeoutIsSkippedByTheRelease() {
        ExplorationOutcome outcome = explore(Subjects.registered("reused-waiter-node"));
        String rule = outcome.failure().rule();
        assertTrue(rule.equals("release") || rule.equals("timeout-true"), outcome.text());
        assertTrue(outcome.failure().shrunkHistory().contains("= false"), outcome.text());
    }

    /** A ticker's done() calls wake the timed await again and again; each time its timeout starts over. */
    @Test
    void aTimeoutThatStartsOverAfterEachWakeUpOverrunsItsDeadline() {
        ExplorationOutcome outcome = explore(Subjects.registered("restarting-timeout"));
        assertEquals("deadline", outcome.failure().rule(), outcome.text());
        assertTrue(outcome.failure().shrunk().text().contains("calls done() every"), outcome.text());
    }

    @Test
    void aPendingInterruptSwallowedOnAZeroCounter() {
        ExplorationOutcome outcome = explore(Subjects.registered("lost-interrupt"));
        assertEquals("interrupt-on-entry", outcome.failure().rule(), outcome.text());
        assertEquals(2, outcome.failure().shrunk().size(), outcome.text());
    }

    @Test
    void aHugeTimeoutWhoseDeadlineOverflows() {
        ExplorationOutcome outcome = explore(Subjects.registered("deadline-overflow"));
        assertEquals("timeout-early", outcome.failure().rule(), outcome.text());
    }

    @Test
    void aPermitLeftByAWaiterThatTimedOut() {
        ExplorationOutcome outcome = explore(Subjects.registered("stray-permit"));
        assertEquals("await-on-zero", outcome.failure().rule(), outcome.text());
    }
}
