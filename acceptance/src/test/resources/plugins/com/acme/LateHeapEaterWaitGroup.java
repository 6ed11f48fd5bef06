package com.acme;

import dev.waitgroup.impl.AqsWaitGroup;
import java.util.ArrayList;
import java.util.List;

/**
 * Hostile: every add sleeps past the check's bound of 3 s, then keeps allocating until the heap is gone.
 * The heap runs out after the bound, as filling it does on a busy machine: the verdict must still be
 * that the implementation exhausted the heap, not a slow machine's.
 */
public class LateHeapEaterWaitGroup extends Delegating {
    private static final long PAST_THE_BOUND_MILLIS = 3_500;
    private static final List<long[]> HOARD = new ArrayList<>();

    public LateHeapEaterWaitGroup() {
        super(new AqsWaitGroup());
    }

    @Override
    public void add(int delta) {
        if (delta > 0) {
            long until = System.currentTimeMillis() + PAST_THE_BOUND_MILLIS;
            while (System.currentTimeMillis() < until) {
                try {
                    Thread.sleep(until - System.currentTimeMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            while (true) {
                HOARD.add(new long[1 << 20]);
            }
        }
        super.add(delta);
    }
}
