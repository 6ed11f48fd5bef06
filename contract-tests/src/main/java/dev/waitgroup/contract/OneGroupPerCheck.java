package dev.waitgroup.contract;

import dev.waitgroup.WaitGroup;
import dev.waitgroup.harness.junit.EachImplementation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A contract check class: each check gets a new group of the implementation under check. */
abstract class OneGroupPerCheck extends EachImplementation {
    WaitGroup group;

    @BeforeEach
    void createGroup() {
        group = implementation.create();
    }

    /** A failed check may leave waiters blocked: release them, so they do not outlive the check. */
    @AfterEach
    void releaseStragglers() {
        Stragglers.release(group);
    }

    @Override
    public Object groupUnderCheck() {
        return group;
    }
}
