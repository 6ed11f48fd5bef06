package dev.waitgroup.contract;

import dev.waitgroup.WaitGroup;

/**
 * Releases whatever a failed check left waiting, by bringing the counter to zero, on a thread of its
 * own and for a short while only: the implementation that failed may hang in {@code add} too.
 */
final class Stragglers {
    private static final long BOUND_MILLIS = 1_000;

    private Stragglers() {
    }

    static void release(WaitGroup group) {
        Thread releaser = new Thread(() -> {
            try {
                int count = group.count();
                if (count > 0) {
                    group.add(-count);
                }
            } catch (RuntimeException brokenGroup) {
                // a specimen may refuse even this; its check has already been recorded
            }
        }, "wg-contract: release stragglers");
        releaser.setDaemon(true);
        releaser.start();
        try {
            releaser.join(BOUND_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
