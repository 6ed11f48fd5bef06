package com.acme;

import dev.waitgroup.WaitGroup;
import java.util.concurrent.TimeUnit;

/** A WaitGroup that hands every call to another: the base of the hostile ones below. */
public abstract class Delegating implements WaitGroup {
    private final WaitGroup delegate;

    protected Delegating(WaitGroup delegate) {
        this.delegate = delegate;
    }

    @Override
    public void add(int delta) {
        delegate.add(delta);
    }

    @Override
    public void await() throws InterruptedException {
        delegate.await();
    }

    @Override
    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        return delegate.await(timeout, unit);
    }

    @Override
    public int count() {
        return delegate.count();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + " over " + delegate;
    }
}
