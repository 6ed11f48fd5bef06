package dev.waitgroup.bench;

import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * A pre-started helper thread that performs an action on each item handed to it: in ActuallyWait,
 * the other party that calls {@code done()} while the benchmark thread really blocks. The helper
 * spins briefly for the next item and then parks, as a pooled worker would; handing over is a
 * volatile write and an unpark (cheap when the helper is still spinning).
 */
final class Handoff implements AutoCloseable {
    private static final int SPINS = 1 << 10;

    private final Consumer<Object> action;
    private final Thread helper;
    private volatile Object pending;
    private volatile boolean closed;

    Handoff(String name, Consumer<Object> action) {
        this.action = action;
        this.helper = new Thread(this::serve, name);
        helper.setDaemon(true);
        helper.start();
    }

    void handOff(Object item) {
        pending = item;
        LockSupport.unpark(helper);
    }

    private void serve() {
        int spins = SPINS;
        while (!closed) {
            Object item = pending;
            if (item != null) {
                pending = null;
                action.accept(item);
                spins = SPINS;
            } else if (spins > 0) {
                spins--;
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(this, 1_000_000L);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        LockSupport.unpark(helper);
        helper.join(1_000);
    }
}
