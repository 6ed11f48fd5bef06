package dev.waitgroup.lincheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The sequential results of the interrupt and time operations: what an order of them may explain. */
class WaitGroupSpecificationTest {

    @Test
    void anInterruptibleAwaitThrowsWhereTheCounterIsOpenAndReportsTheStatusKeptWhereItIsZero() throws Exception {
        WaitGroupSpecification group = new WaitGroupSpecification();
        group.add(1);
        assertThrows(InterruptedException.class, group::awaitInterruptibly, "interrupted while waiting");
        assertEquals(1, group.count(), "the interrupt changes no counter");
        group.interruptWaiter();
        assertEquals(1, group.count());
        group.doneAfterWaiterPublished();
        assertTrue(group.awaitInterruptibly(), "returned at zero, the interrupt still set");
    }

    @Test
    void anAwaitEnteredWithTheStatusSetThrowsWhateverTheCounter() {
        WaitGroupSpecification group = new WaitGroupSpecification();
        assertThrows(InterruptedException.class, group::selfInterruptedAwait);
        group.add(1);
        assertThrows(InterruptedException.class, group::selfInterruptedAwait);
    }

    @Test
    void aTimeoutThatCannotExpireIsAnUntimedAwait() {
        WaitGroupSpecification group = new WaitGroupSpecification();
        group.add(1);
        assertThrows(WaitGroupSpecification.WouldBlock.class, group::awaitWithHugeTimeout, "never false");
        group.done();
        assertTrue(group.awaitWithHugeTimeout());
    }
}
