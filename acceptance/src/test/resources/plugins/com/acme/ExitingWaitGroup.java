package com.acme;

import dev.waitgroup.impl.AqsWaitGroup;

/** Hostile: ends the JVM the first time a positive delta is added. */
public class ExitingWaitGroup extends Delegating {
    public ExitingWaitGroup() {
        super(new AqsWaitGroup());
    }

    @Override
    public void add(int delta) {
        if (delta > 0) {
            System.exit(3);
        }
        super.add(delta);
    }
}
