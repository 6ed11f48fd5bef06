package dev.waitgroup.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.waitgroup.WaitGroup;
import dev.waitgroup.catalogue.Check;
import dev.waitgroup.catalogue.HarnessCheck;
import dev.waitgroup.harness.junit.CheckRecorder;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code go(...)}, Go 1.25's {@code WaitGroup.Go}: the task is counted before it starts and counted
 * down in a {@code finally}, so neither "add inside the task" nor "forgotten done" can be written.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.waitgroup.harness.junit.HarnessSubject#selected")
@ExtendWith(CheckRecorder.class)
class GoContractChecks extends OneGroupPerCheck {

    /** An executor that holds tasks until told to run them: "started, but not yet running". */
    private static final class HeldExecutor implements java.util.concurrent.Executor {
        private final Queue<Runnable> held = new ArrayDeque<>();

        @Override
        public synchronized void execute(Runnable task) {
            held.add(task);
        }

        synchronized void runAll() {
            for (Runnable task; (task = held.poll()) != null; ) {
                task.run();
            }
        }
    }

    @Test
    @HarnessCheck(Check.GO_COUNTS_BEFORE_START)
    void goCountsTheTaskBeforeItStarts() throws Exception {
        HeldExecutor notYetRunning = new HeldExecutor();
        AtomicInteger ran = new AtomicInteger();
        group.go(notYetRunning, ran::incrementAndGet);
        assertEquals(1, group.count(), "go() must count the task before the executor runs it");
        assertFalse(BlockingCall.timedAwait(group, Bounds.STAYS_BLOCKED.toMillis(), TimeUnit.MILLISECONDS),
                "await() returned before the task ran");

        BlockingCall.run("the held task", notYetRunning::runAll).result(Bounds.MUST_RETURN);
        assertTrue(BlockingCall.timedAwait(group, Bounds.MUST_RETURN.toMillis(), TimeUnit.MILLISECONDS), "await() after the task ran");
        assertEquals(1, ran.get());
    }

    @Test
    @HarnessCheck(Check.GO_THROWING_TASK)
    void aThrowingTaskIsCountedDownAndItsExceptionReachesTheHandler() throws Exception {
        CompletableFuture<Throwable> uncaught = new CompletableFuture<>();
        RuntimeException boom = new IllegalStateException("boom");
        group.go(task -> {
            Thread thread = new Thread(task, "go-throwing-task");
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler((t, e) -> uncaught.complete(e));
            thread.start();
        }, () -> {
            throw boom;
        });
        assertTrue(BlockingCall.timedAwait(group, Bounds.MUST_RETURN.toMillis(), TimeUnit.MILLISECONDS),
                "a task that throws must still count down");
        assertSame(boom, uncaught.get(Bounds.MUST_RETURN.toMillis(), TimeUnit.MILLISECONDS),
                "the task's exception must reach the thread's uncaught-exception handler, not be swallowed");
    }

    @Test
    @HarnessCheck(Check.GO_REJECTED)
    void aRejectedTaskRestoresTheCountAndTheRejectionIsRethrown() throws Exception {
        RejectedExecutionException rejection = new RejectedExecutionException("full");
        RejectedExecutionException thrown = assertThrows(RejectedExecutionException.class,
                () -> group.go(task -> {
                    throw rejection;
                }, () -> { }));
        assertSame(rejection, thrown, "go() must rethrow the executor's own exception");
        assertEquals(0, group.count(), "a rejected task must not stay counted");
        assertTrue(BlockingCall.timedAwait(group, 0, TimeUnit.NANOSECONDS),
                "await(0, NANOSECONDS) after the rejected go() must return true: the counter is back at zero");

        ExecutorService shutDown = Executors.newSingleThreadExecutor();
        shutDown.shutdown();
        group.add(1);
        assertThrows(RejectedExecutionException.class, () -> group.go(shutDown, () -> { }));
        assertEquals(1, group.count(), "the rejection restores the count it had before go()");
        group.done();
    }

    @Test
    @HarnessCheck(Check.GO_INLINE_THROWING)
    void anInlineExecutorsThrowingTaskIsCountedDownOnce() {
        // Runnable::run executes the task in go()'s own thread: the task's exception comes out of
        // execute() like a rejection would, but the task did run and has counted itself down.
        RuntimeException boom = new IllegalStateException("boom");
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> group.go(Runnable::run, () -> {
            throw boom;
        }));
        assertSame(boom, thrown);
        assertEquals(0, group.count(), "the task must be counted down exactly once");
        group.add(1);
        group.done();
        assertEquals(0, group.count());
    }

    @Test
    @HarnessCheck(Check.GO_NEW_THREAD)
    void goRunsTheTaskOnANewThreadVirtualFromJava21() throws Exception {
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        int tasks = 100;
        AtomicInteger ran = new AtomicInteger();
        for (int i = 0; i < tasks; i++) {
            group.go(() -> {
                ranOn.set(Thread.currentThread());
                ran.incrementAndGet();
            });
        }
        assertTrue(BlockingCall.start("await() of " + tasks + " go() tasks",
                () -> group.await(Bounds.MUST_RETURN.toMillis(), TimeUnit.MILLISECONDS)).result(Bounds.MUST_RETURN.multipliedBy(2)));
        assertEquals(tasks, ran.get());
        assertFalse(ranOn.get() == Thread.currentThread(), "go() must not run the task in the caller's thread");
        if (Runtime.version().feature() >= 21) {
            Method isVirtual = Thread.class.getMethod("isVirtual");
            assertTrue((Boolean) isVirtual.invoke(ranOn.get()), "on Java 21+ go() starts a virtual thread");
        }
    }

    @Test
    @HarnessCheck(Check.GO_MANY)
    void goOnAPoolCountsEveryTask() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            AtomicInteger ran = new AtomicInteger();
            int tasks = 10_000;
            for (int i = 0; i < tasks; i++) {
                group.go(pool, ran::incrementAndGet);
            }
            BlockingCall.run("await() of " + tasks + " pooled tasks", group::await).result(Bounds.MUST_RETURN);
            assertEquals(tasks, ran.get(), "await() returned before every task ran");
        } finally {
            pool.shutdownNow();
        }
    }
}
