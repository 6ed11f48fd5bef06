package dev.waitgroup.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The counter's range, which every implementation here checks before it writes. */
class CounterArithmeticTest {

    @Test
    void theCounterStaysWithinZeroAndMaxValue() {
        assertEquals(3, CounterArithmetic.next(1, 2));
        assertEquals(0, CounterArithmetic.next(1, -1));
        assertEquals(Integer.MAX_VALUE, CounterArithmetic.next(Integer.MAX_VALUE - 1, 1));
        assertEquals(0, CounterArithmetic.next(Integer.MAX_VALUE, -Integer.MAX_VALUE));
    }

    @Test
    void aNegativeResultIsRefusedWithGosWords() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> CounterArithmetic.next(0, -1));
        assertTrue(e.getMessage().startsWith("negative WaitGroup counter"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> CounterArithmetic.next(5, Integer.MIN_VALUE));
    }

    @Test
    void anOverflowIsRefusedWithoutWrappingAround() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> CounterArithmetic.next(Integer.MAX_VALUE, 1));
        assertTrue(e.getMessage().startsWith("WaitGroup counter overflow"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> CounterArithmetic.next(1, Integer.MAX_VALUE));
    }
}
