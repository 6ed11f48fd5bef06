package com.acme;

import dev.waitgroup.impl.AqsWaitGroup;

/** Hostile: cannot be created. */
public class ThrowingConstructorWaitGroup extends Delegating {
    public ThrowingConstructorWaitGroup() {
        super(new AqsWaitGroup());
        throw new IllegalStateException("no license key found");
    }
}
