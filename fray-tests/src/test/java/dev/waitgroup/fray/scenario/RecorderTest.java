package dev.waitgroup.fray.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.waitgroup.catalogue.ReuseBehaviour;
import dev.waitgroup.impl.LockConditionWaitGroup;
import dev.waitgroup.model.Event;
import dev.waitgroup.model.History;
import dev.waitgroup.model.Operation;
import dev.waitgroup.model.Outcome;
import dev.waitgroup.model.Rule;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a scenario run records, and how the model judges it. */
class RecorderTest {

    @Test
    void everyCallIsRecordedWithItsOutcomeAndTheStatusAfterIt() {
        LockConditionWaitGroup group = new LockConditionWaitGroup();
        Recorder recorder = new Recorder();
        Track main = recorder.track("main");
        Calls.make(main, group, new Operation.Add(1));
        Calls.make(main, group, new Operation.Done());
        Calls.make(main, group, new Operation.Done());   // refused: the counter is zero
        main.selfInterrupt();
        Calls.make(main, group, new Operation.Await());  // entered interrupted: throws
        History history = recorder.history();

        assertTrue(history.controlled(), "a scenario's history is judged as a controlled scheduler's");
        assertEquals(5, history.events().size(), history.toText());
        Event refused = history.events().get(2);
        assertTrue(refused.threw(IllegalStateException.class), refused.toString());
        Event await = history.events().get(4);
        assertTrue(await.threw(InterruptedException.class), await.toString());
        assertEquals(Boolean.FALSE, await.interruptedAfter(), "InterruptedException clears the status");
    }

    @Test
    void theModelsViolationNamesTheRuleAndCarriesTheHistory() {
        Recorder recorder = new Recorder();
        Track main = recorder.track("main");
        main.call(new Operation.Done(), () -> null);     // a done() on zero that was not refused
        ContractViolation violation = assertThrows(ContractViolation.class,
                () -> recorder.judge(ReuseBehaviour.UNKNOWN));
        assertEquals(Rule.COUNTER_RANGE.id(), violation.rule());
        assertTrue(violation.history().contains("main  done() returned"), violation.history());
    }

    @Test
    void aCallRunningWhenFrayFoundEveryThreadBlockedNeverReturned() throws Exception {
        LockConditionWaitGroup group = new LockConditionWaitGroup();
        Recorder recorder = new Recorder();
        Track main = recorder.track("main");
        Calls.make(main, group, new Operation.Add(1));
        Track waiter = recorder.track("W");
        Thread thread = waiter.start(self -> Calls.make(self, group, new Operation.Await()));
        Track.awaitBlockedOrDone(waiter);
        // as after a deadlock: the waiter is still in await(); Fray's report says where it was
        History history = recorder.atDeadlock(Map.of("W", "LockSupport.park\nLockConditionWaitGroup.await\n"));
        Event stuck = history.events().get(1);
        assertTrue(stuck.seenWaiting() > stuck.invoked(), "seen waiting once it blocked: " + history.toText());
        Outcome.NotReturned notReturned = assertInstanceOf(Outcome.NotReturned.class, stuck.outcome());
        assertTrue(notReturned.stack().contains("LockConditionWaitGroup.await"), notReturned.stack());
        assertTrue(history.toText().contains("the run ended in a deadlock"), history.toText());
        group.done();
        thread.join();
    }

    @Test
    void anInterruptBelongsToTheOneCallItWasSentFor() throws Exception {
        LockConditionWaitGroup group = new LockConditionWaitGroup();
        group.add(1);
        Recorder recorder = new Recorder();
        Track waiter = recorder.track("W");
        waiter.start(self -> self.callInterrupted(new Operation.Await(), Calls.of(group, new Operation.Await()), "I"))
                .join();
        Event await = recorder.history().events().get(0);
        assertTrue(await.threw(InterruptedException.class), await.toString());
        assertNotNull(await.interrupt(), "the interrupt is recorded with the call it ended");
        assertEquals("I", await.interrupt().by());
    }
}
