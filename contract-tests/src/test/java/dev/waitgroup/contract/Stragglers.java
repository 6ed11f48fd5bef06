package dev.waitgroup.contract;

import dev.waitgroup.WaitGroup;

/** Clean-up after a check: brings a group's counter to zero so that no waiter stays blocked. */
final class Stragglers {
    private Stragglers() {
    }

    static void release(WaitGroup group) {
        try {
            int count = group.count();
            if (count > 0) {
                group.add(-count);
            }
        } catch (RuntimeException brokenGroup) {
            // a specimen may refuse even this; its check has already been recorded
        }
    }
}
