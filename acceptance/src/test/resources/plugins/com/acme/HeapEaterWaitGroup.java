package com.acme;

import dev.waitgroup.impl.AqsWaitGroup;
import java.util.ArrayList;
import java.util.List;

/** Hostile: every add keeps allocating until the heap is gone. */
public class HeapEaterWaitGroup extends Delegating {
    private static final List<long[]> HOARD = new ArrayList<>();

    public HeapEaterWaitGroup() {
        super(new AqsWaitGroup());
    }

    @Override
    public void add(int delta) {
        if (delta > 0) {
            while (true) {
                HOARD.add(new long[1 << 20]);
            }
        }
        super.add(delta);
    }
}
