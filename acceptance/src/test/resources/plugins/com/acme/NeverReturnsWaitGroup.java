package com.acme;

import dev.waitgroup.impl.AqsWaitGroup;
import java.util.concurrent.locks.LockSupport;

/** Hostile: add of a positive delta parks forever, without a word. */
public class NeverReturnsWaitGroup extends Delegating {
    public NeverReturnsWaitGroup() {
        super(new AqsWaitGroup());
    }

    @Override
    public void add(int delta) {
        if (delta > 0) {
            while (true) {
                LockSupport.park(this);
            }
        }
        super.add(delta);
    }
}
