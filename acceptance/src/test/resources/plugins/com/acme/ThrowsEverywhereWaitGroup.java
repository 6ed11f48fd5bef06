package com.acme;

import dev.waitgroup.WaitGroup;
import java.util.concurrent.TimeUnit;

/** Hostile: every call throws. */
public class ThrowsEverywhereWaitGroup implements WaitGroup {
    @Override
    public void add(int delta) {
        throw new UnsupportedOperationException("add");
    }

    @Override
    public void await() {
        throw new UnsupportedOperationException("await");
    }

    @Override
    public boolean await(long timeout, TimeUnit unit) {
        throw new UnsupportedOperationException("await(timeout)");
    }

    @Override
    public int count() {
        throw new UnsupportedOperationException("count");
    }

    @Override
    public String toString() {
        throw new UnsupportedOperationException("toString");
    }
}
