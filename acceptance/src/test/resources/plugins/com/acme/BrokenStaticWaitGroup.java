package com.acme;

import dev.waitgroup.impl.AqsWaitGroup;

/** Hostile: its class cannot even be initialised. */
public class BrokenStaticWaitGroup extends Delegating {
    private static final int LIMIT = Integer.parseInt("unlimited");

    public BrokenStaticWaitGroup() {
        super(new AqsWaitGroup());
    }

    public static int limit() {
        return LIMIT;
    }
}
