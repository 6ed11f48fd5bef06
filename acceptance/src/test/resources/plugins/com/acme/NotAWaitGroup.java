package com.acme;

/** Not a WaitGroup at all: a selection mistake. */
public class NotAWaitGroup {
    public void add(int delta) {
    }
}
