package dev.waitgroup.bench;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Starts a task on a new thread the way {@code WaitGroup.go(task)} does, without a WaitGroup: a
 * virtual thread on Java 21+, a platform thread on 17 (the choice wg-impl's TaskThreads makes). The
 * floor of "a new task per round".
 */
final class NewTask {
    private static final MethodHandle START_VIRTUAL = startVirtual();

    private NewTask() {
    }

    static Thread start(Runnable task) {
        if (START_VIRTUAL == null) {
            Thread thread = new Thread(task);
            thread.start();
            return thread;
        }
        try {
            return (Thread) START_VIRTUAL.invoke(task);
        } catch (Throwable e) {
            throw new IllegalStateException("cannot start a virtual thread", e);
        }
    }

    private static MethodHandle startVirtual() {
        try {
            return MethodHandles.publicLookup().findStatic(Thread.class, "startVirtualThread",
                    MethodType.methodType(Thread.class, Runnable.class));
        } catch (NoSuchMethodException | IllegalAccessException before21) {
            return null;
        }
    }
}
