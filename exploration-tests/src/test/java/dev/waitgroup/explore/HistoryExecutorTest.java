package dev.waitgroup.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.waitgroup.WaitGroup;
import dev.waitgroup.impl.LockConditionWaitGroup;
import dev.waitgroup.model.Clock;
import dev.waitgroup.model.Event;
import dev.waitgroup.model.History;
import dev.waitgroup.model.Operation;
import dev.waitgroup.model.Outcome;
import dev.waitgroup.model.Slack;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** The executor records what happened, and ends in bounded time whatever the group does. */
class HistoryExecutorTest {
    private final HistoryExecutor executor = new HistoryExecutor(Clock.SYSTEM, Slack.of(Duration.ofMillis(500)));

    /** A group whose every call parks for good, ignoring interrupts: the worst a plug-in can do. */
    public static final class ParksForever implements WaitGroup {
        @Override
        public void add(int delta) {
            for (;;) {
                LockSupport.park(this);
            }
        }

        @Override
        public void await() {
            add(0);
        }

        @Override
        public boolean await(long timeout, TimeUnit unit) {
            add(0);
            return true;
        }

        @Override
        public int count() {
            return 0;
        }
    }

    /** A group whose waits spin, deaf to interrupts, until the test lets them go: the worst a plug-in leaves behind. */
    public static final class SpinsUntilLetGo implements WaitGroup {
        static volatile boolean letGo;

        @Override
        public void add(int delta) {
        }

        @Override
        public void await() {
            while (!letGo) {
                Thread.onSpinWait();
            }
        }

        @Override
        public boolean await(long timeout, TimeUnit unit) {
            await();
            return true;
        }

        @Override
        public int count() {
            return 0;
        }
    }

    @Test
    void aCallThatNeverReturnsIsRecordedWithItsStackAndTheRunEndsAfterTheSlack() {
        Scenario scenario = new Scenario(List.of(
                List.of(Step.Call.of(new Operation.Add(1)), Step.Call.of(new Operation.Count())),
                List.of(Step.Call.of(new Operation.Await()))));
        long began = System.nanoTime();
        History history = executor.run(scenario, ParksForever::new);
        long tookMillis = (System.nanoTime() - began) / 1_000_000;
        assertTrue(tookMillis >= 500 && tookMillis < 5_000, tookMillis + " ms");
        assertEquals(2, history.events().size(), history.toText());
        for (Event e : history.events()) {
            Outcome.NotReturned stuck = assertInstanceOf(Outcome.NotReturned.class, e.outcome());
            assertTrue(stuck.stack().contains("ParksForever"), stuck.stack());
        }
    }

    @Test
    void anInterruptDuringAWaitIsDeliveredBeforeTheStatusIsRead() {
        Scenario scenario = new Scenario(List.of(List.of(
                Step.Call.of(new Operation.Add(1)),
                new Step.Call(new Operation.Await(), 5_000))));
        History history = executor.run(scenario, LockConditionWaitGroup::new);
        Event await = history.events().get(1);
        assertTrue(await.threw(InterruptedException.class), history.toText());
        assertEquals(Boolean.FALSE, await.interruptedAfter(), history.toText());
        assertTrue(await.interrupt().delivered() <= await.responded() || await.interrupt().sent() < await.responded(),
                history.toText());
    }

    /** A group whose waits spin 300 ms (running, not waiting) before they wait on the monitor. */
    public static final class SpinsThenWaits implements WaitGroup {
        private int count; // guarded by this

        @Override
        public synchronized void add(int delta) {
            count += delta;
            if (count == 0) {
                notifyAll();
            }
        }

        @Override
        public void await() throws InterruptedException {
            await(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
        }

        @Override
        public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
            long spinUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
            while (System.nanoTime() - spinUntil < 0) {
                Thread.onSpinWait();
            }
            synchronized (this) {
                long deadline = System.nanoTime() + unit.toNanos(timeout);
                while (count != 0) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                }
                return true;
            }
        }

        @Override
        public synchronized int count() {
            return count;
        }
    }

    /**
     * An interrupt aimed at a wait once it waits lands in the wait, however long the call runs first: after
     * the 300 ms spin, so the wait throws, and not at 1 ms, where the spin would carry it into the wait as a
     * pending interrupt.
     */
    @Test
    void anInterruptAimedAtAWaitOnceItWaitsComesAfterTheCallHasBlocked() {
        Scenario scenario = new Scenario(List.of(List.of(
                Step.Call.of(new Operation.Add(1)),
                Step.Call.interruptedOnceWaiting(new Operation.TimedAwait(3, TimeUnit.SECONDS), 1_000))));
        History history = executor.run(scenario, SpinsThenWaits::new);
        Event await = history.events().get(1);
        assertTrue(await.threw(InterruptedException.class), history.toText());
        assertTrue(await.interrupt().sent() - await.invoked() >= TimeUnit.MILLISECONDS.toNanos(300), history.toText());
    }

    @Test
    void aHelperReleasesTheWaiterAndBothAppearInTimeOrder() {
        Scenario scenario = new Scenario(List.of(List.of(
                Step.Call.of(new Operation.Add(1)),
                new Step.After(20, new Step.Once(new Operation.Done())),
                Step.Call.of(new Operation.Await()))));
        History history = executor.run(scenario, LockConditionWaitGroup::new);
        List<String> names = history.events().stream().map(Event::name).toList();
        assertEquals(List.of("T1: add(1)", "T1: schedule: H1 calls done() in 20 ms", "T1: await()", "H1: done()"), names);
        Event await = history.events().get(2);
        Event done = history.events().get(3);
        assertTrue(await.responded() >= done.invoked(), history.toText());
    }

    /** The release comes once T1 is seen parked in its await (twice, a millisecond apart), not before. */
    @Test
    void aReleaseArrangedForWhenTheDriversWaitComesOnceTheWaiterHasParked() {
        Scenario scenario = new Scenario(List.of(List.of(
                Step.Call.of(new Operation.Add(1)),
                new Step.WhenDriversWait(new Operation.Done()),
                Step.Call.of(new Operation.Await()))));
        History history = executor.run(scenario, LockConditionWaitGroup::new);
        List<String> names = history.events().stream().map(Event::name).toList();
        assertEquals(List.of("T1: add(1)", "T1: schedule: H1 calls done() once every driver waits", "T1: await()",
                "H1: done()"), names, history.toText());
        Event await = history.events().get(2);
        Event done = history.events().get(3);
        assertTrue(done.invoked() - await.invoked() >= TimeUnit.MILLISECONDS.toNanos(1), history.toText());
        assertEquals(Outcome.VOID, await.outcome(), history.toText());
    }

    /**
     * Rounds with a release aimed at a deadline: each round's {@code done()} comes no earlier than 200 µs
     * before the driver's timed wait reaches its deadline, the second waiter joins once the driver waits, and
     * on a correct group both waits of every round return before the next round begins. Eleven rounds aim
     * at every offset once.
     */
    @Test
    void aReleaseAimedAtADeadlineMeetsBothWaitersOfItsRound() {
        assertEquals(List.of(-200L, -160L, -120L, -80L, -40L, 0L, 40L, 80L, 120L, 160L, 200L),
                java.util.stream.IntStream.range(0, 11).mapToObj(HistoryExecutor::aimOffsetMicros).sorted().toList());
        Scenario scenario = new Scenario(List.of(List.of(new Step.Rounds(11, Step.Round.RELEASED_AS_IT_GIVES_UP))));
        History history = executor.run(scenario, LockConditionWaitGroup::new);
        List<Event> events = history.events();
        assertEquals(44, events.size(), history.toText());
        long deadline = TimeUnit.MILLISECONDS.toNanos(HistoryExecutor.GIVES_UP_TIMEOUT_MILLIS);
        long earliestAim = deadline - TimeUnit.MICROSECONDS.toNanos(200);
        Event lastAdd = null;
        int rounds = 0;
        for (Event e : events) {
            assertTrue(e.returned(), history.toText());
            if (e.thread().equals("T1") && e.operation() instanceof Operation.Add) {
                lastAdd = e;
                rounds++;
            } else if (e.operation() instanceof Operation.Done) {
                assertTrue(e.invoked() - lastAdd.responded() >= earliestAim, e.name() + " came too early:\n" + history.toText());
            }
        }
        assertEquals(11, rounds, history.toText());
    }

    /** A call that spins and ignores its interrupt outlives the run that gave up on it, and the executor says so. */
    @Test
    void aCallLeftSpinningIsStillRunningAfterTheRunAndTheExecutorSaysSo() throws InterruptedException {
        HistoryExecutor spinning = new HistoryExecutor(Clock.SYSTEM, Slack.of(Duration.ofMillis(500)));
        SpinsUntilLetGo.letGo = false;
        try {
            History history = spinning.run(new Scenario(List.of(List.of(Step.Call.of(new Operation.Await())))),
                    SpinsUntilLetGo::new);
            assertInstanceOf(Outcome.NotReturned.class, history.events().get(0).outcome(), history.toText());
            assertTrue(spinning.abandonedThreadsStillRun());
        } finally {
            SpinsUntilLetGo.letGo = true;
        }
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (spinning.abandonedThreadsStillRun() && System.nanoTime() - until < 0) {
            Thread.sleep(10);
        }
        assertFalse(spinning.abandonedThreadsStillRun());
    }
}
