package dev.waitgroup;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.Executor;

/**
 * Starts one new thread per task: a virtual thread where the running JDK has them (21+), a platform
 * daemon thread on older ones. The jar is compiled for Java 17, so the Java 21 API is looked up once
 * by method handle instead of being linked at compile time.
 */
final class TaskThreads {
    private static final Executor EXECUTOR = createExecutor();

    private TaskThreads() {
    }

    static Executor executor() {
        return EXECUTOR;
    }

    /** True when tasks started by {@code go(Runnable)} run on virtual threads. */
    static boolean virtual() {
        return EXECUTOR instanceof VirtualThreadExecutor;
    }

    private static Executor createExecutor() {
        try {
            MethodHandle startVirtualThread = MethodHandles.publicLookup().findStatic(
                    Thread.class, "startVirtualThread", MethodType.methodType(Thread.class, Runnable.class));
            return new VirtualThreadExecutor(startVirtualThread);
        } catch (NoSuchMethodException | IllegalAccessException beforeJava21) {
            return TaskThreads::startPlatformThread;
        }
    }

    private static void startPlatformThread(Runnable task) {
        Thread thread = new Thread(task, "wg-go");
        thread.setDaemon(true);
        thread.start();
    }

    private static final class VirtualThreadExecutor implements Executor {
        private final MethodHandle startVirtualThread;

        VirtualThreadExecutor(MethodHandle startVirtualThread) {
            this.startVirtualThread = startVirtualThread;
        }

        @Override
        public void execute(Runnable task) {
            try {
                Thread started = (Thread) startVirtualThread.invokeExact(task);
                assert started != null;
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable impossible) {
                throw new IllegalStateException("cannot start a virtual thread", impossible);
            }
        }
    }
}
