package dev.waitgroup.fray;

import dev.waitgroup.fray.scenario.Timing;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Measures what Fray 0.9.2 does with the clock, timed waits, sleeps, interrupts, Phaser and virtual
 * threads: each probe is a tiny program run for some iterations under Fray, in both {@link Timing}s,
 * and tallies what it saw (which outcome, how far the clock moved, how long it really took). The
 * findings are in {@code docs/fray.md} and, one sentence each, in {@link FrayFacts}.
 *
 * <p>A child-JVM main like {@link FrayChild}: {@code FrayProbes --iterations N --out DIR}; it prints
 * one line per probe, timing and observation, with its count.
 */
public final class FrayProbes {
    private static final Map<String, Integer> TALLY = new TreeMap<>();
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    /** A probe body: runs once per iteration in Fray's main test thread. */
    @FunctionalInterface
    interface Probe {
        void run() throws Exception;
    }

    private FrayProbes() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = FrayChild.options(args);
        int iterations = Integer.parseInt(options.getOrDefault("iterations", "30"));
        Path out = Path.of(options.getOrDefault("out", "target/fray-probes"));
        Map<String, Probe> probes = probes();
        for (Timing timing : Timing.values()) {
            for (Map.Entry<String, Probe> probe : probes.entrySet()) {
                if (!probe.getKey().startsWith(options.getOrDefault("only", ""))) {
                    continue;
                }
                String key = probe.getKey() + " [" + timing + "]";
                current = key;
                FrayRun.Result result = FrayRun.run(probe.getValue()::run, out.resolve("report"), iterations, 60,
                        FrayChild.scheduler(SchedulerKind.POS, new SeededRandomness(7).getRandomness()),
                        new SeededRandomness(7), false, timing);
                if (result.failure() != null) {
                    see("FAILED at iteration " + result.iteration() + ": " + FrayChild.firstLine(result.failure()));
                } else if (result.iteration() < iterations) {
                    see("ran " + result.iteration() + " of " + iterations + " iterations");
                }
            }
        }
        TALLY.forEach((line, count) -> System.out.println("PROBE " + line + "  x" + count));
        System.exit(0);
    }

    private static String current = "";

    /** Counts an observation of the current probe. */
    private static void see(String observation) {
        TALLY.merge(current + " " + observation, 1, Integer::sum);
    }

    /** A clock difference, as a bucket: 0, < 1 ms, < 1 s, >= 1 s. */
    private static String bucket(long nanos) {
        if (nanos == 0) {
            return "0";
        }
        if (nanos < 1_000_000) {
            return "< 1 ms";
        }
        return nanos < SECOND ? "1 ms to 1 s" : ">= 1 s";
    }

    private static Map<String, Probe> probes() {
        Map<String, Probe> probes = new TreeMap<>();
        probes.put("01 clock: nanoTime twice", () -> {
            long a = System.nanoTime();
            long b = System.nanoTime();
            see("nanoTime delta " + bucket(b - a));
            long m = System.currentTimeMillis();
            long n = System.currentTimeMillis();
            see("currentTimeMillis delta " + (n - m == 0 ? "0" : n - m < 1000 ? "<1s" : ">=1s"));
        });
        probes.put("02 parkNanos(1 s), no unpark, main joins", () -> timedAlone(() -> {
            LockSupport.parkNanos(SECOND);
            return "returned";
        }));
        probes.put("03 Object.wait(1000 ms), no notify", () -> timedAlone(() -> {
            Object monitor = new Object();
            synchronized (monitor) {
                monitor.wait(1000);
            }
            return "returned";
        }));
        probes.put("04 Condition.awaitNanos(1 s), no signal", () -> timedAlone(() -> {
            ReentrantLock lock = new ReentrantLock();
            Condition condition = lock.newCondition();
            lock.lock();
            try {
                return condition.awaitNanos(SECOND) <= 0 ? "timed out (<= 0 left)" : "woke with time left";
            } finally {
                lock.unlock();
            }
        }));
        probes.put("05 CountDownLatch.await(1 s), never counted", () -> timedAlone(() ->
                new CountDownLatch(1).await(1, TimeUnit.SECONDS) ? "true" : "false (timed out)"));
        probes.put("06 AQS tryAcquireSharedNanos(1 s), never granted", () -> timedAlone(() ->
                new NeverGranted().tryAcquireSharedNanos(1, SECOND) ? "true" : "false (timed out)"));
        probes.put("07 Thread.sleep(1000)", () -> timedAlone(() -> {
            Thread.sleep(1000);
            return "returned";
        }));
        probes.put("08 parkNanos(1 ms) while another thread runs 20 steps", () -> {
            AtomicInteger steps = new AtomicInteger();
            AtomicBoolean[] earlyReturn = {new AtomicBoolean()};
            Thread parker = new Thread(() -> {
                long start = System.nanoTime();
                LockSupport.parkNanos(1_000_000);
                long took = System.nanoTime() - start;
                earlyReturn[0].set(steps.get() < 20);
                see((steps.get() < 20 ? "returned while the other thread ran" : "returned after the other finished")
                        + ", clock " + (took >= 1_000_000 ? ">= 1 ms" : "< 1 ms"));
            });
            Thread runner = new Thread(() -> {
                for (int i = 0; i < 20; i++) {
                    steps.incrementAndGet();
                }
            });
            parker.start();
            runner.start();
            parker.join();
            runner.join();
        });
        probes.put("09 Condition.awaitNanos(1 ms) while another thread runs 20 steps", () -> {
            AtomicInteger steps = new AtomicInteger();
            ReentrantLock lock = new ReentrantLock();
            Condition never = lock.newCondition();
            Thread waiter = new Thread(() -> {
                lock.lock();
                try {
                    long left = never.awaitNanos(1_000_000);
                    see((left <= 0 ? "timed out" : "woke early (spurious)") + (steps.get() < 20
                            ? " while the other thread ran" : " after the other finished"));
                } catch (InterruptedException e) {
                    see("interrupted?");
                } finally {
                    lock.unlock();
                }
            });
            Thread runner = new Thread(() -> {
                for (int i = 0; i < 20; i++) {
                    steps.incrementAndGet();
                }
            });
            waiter.start();
            runner.start();
            waiter.join();
            runner.join();
        });
        probes.put("10 LockSupport.park() with no unpark, another thread unparks after 5 steps", () -> {
            AtomicBoolean released = new AtomicBoolean();
            Thread parker = new Thread(() -> {
                LockSupport.park();
                see(released.get() ? "returned after the unpark" : "returned before any unpark (spurious)");
            });
            parker.start();
            AtomicInteger steps = new AtomicInteger();
            for (int i = 0; i < 5; i++) {
                steps.incrementAndGet();
            }
            released.set(true);
            LockSupport.unpark(parker);
            parker.join();
        });
        probes.put("11 interrupt a thread in LockSupport.park()", () -> interrupted(() -> {
            LockSupport.park();
            return "park returned, status " + Thread.currentThread().isInterrupted();
        }));
        probes.put("12 interrupt a thread in Object.wait()", () -> interrupted(() -> {
            Object monitor = new Object();
            synchronized (monitor) {
                monitor.wait();
            }
            return "wait returned normally";
        }));
        probes.put("13 interrupt a thread in Condition.await()", () -> interrupted(() -> {
            ReentrantLock lock = new ReentrantLock();
            Condition condition = lock.newCondition();
            lock.lock();
            try {
                condition.await();
            } finally {
                lock.unlock();
            }
            return "await returned normally";
        }));
        probes.put("14 interrupt a thread in CountDownLatch.await()", () -> interrupted(() -> {
            new CountDownLatch(1).await();
            return "await returned normally";
        }));
        probes.put("15 interrupt a thread in Thread.sleep(1000)", () -> interrupted(() -> {
            Thread.sleep(1000);
            return "sleep returned normally";
        }));
        probes.put("16 Phaser: two parties arriveAndAwaitAdvance", () -> {
            Phaser phaser = new Phaser(2);
            Thread other = new Thread(phaser::arriveAndAwaitAdvance);
            other.start();
            int phase = phaser.arriveAndAwaitAdvance();
            other.join();
            see("advanced to phase " + (phase + 0) + ", phaser phase now " + phaser.getPhase());
        });
        probes.put("17 Phaser.awaitAdvanceInterruptibly(0, 1 s), nobody arrives", () -> timedAlone(() -> {
            Phaser phaser = new Phaser(1);
            try {
                phaser.awaitAdvanceInterruptibly(0, 1, TimeUnit.SECONDS);
                return "returned";
            } catch (TimeoutException e) {
                return "TimeoutException";
            }
        }));
        probes.put("18 virtual thread started and joined", () -> {
            AtomicBoolean ran = new AtomicBoolean();
            try {
                Method ofVirtual = Thread.class.getMethod("startVirtualThread", Runnable.class);
                Thread virtual = (Thread) ofVirtual.invoke(null, (Runnable) () -> ran.set(true));
                virtual.join();
                see("virtual thread " + (ran.get() ? "ran" : "did not run"));
            } catch (ReflectiveOperationException e) {
                see("no virtual threads: " + e);
            }
        });
        return probes;
    }

    /** An AQS whose shared acquire never succeeds. */
    private static final class NeverGranted extends AbstractQueuedSynchronizer {
        private static final long serialVersionUID = 1L;

        @Override
        protected int tryAcquireShared(int ignored) {
            return -1;
        }
    }

    /** A timed call that nothing will end early, in a thread of its own while main joins it. */
    private static void timedAlone(Observed call) throws InterruptedException {
        Thread thread = new Thread(() -> {
            long clock = System.nanoTime();
            long wall = wallNanos();
            try {
                String what = call.call();
                see(what + ", clock moved " + bucket(System.nanoTime() - clock) + ", really took "
                        + (wallNanos() - wall >= 500_000_000L ? ">= 0.5 s" : "< 0.5 s"));
            } catch (Exception e) {
                see("threw " + e.getClass().getSimpleName());
            }
        });
        thread.start();
        thread.join();
    }

    /** A blocking call in a thread of its own, interrupted by main once it is blocked. */
    private static void interrupted(Observed call) throws InterruptedException {
        AtomicBoolean sent = new AtomicBoolean();
        Thread thread = new Thread(() -> {
            try {
                see(call.call() + (sent.get() ? " (after the interrupt)" : " (before the interrupt)"));
            } catch (InterruptedException e) {
                see("threw InterruptedException, status " + Thread.currentThread().isInterrupted());
            } catch (Exception e) {
                see("threw " + e);
            }
        });
        thread.start();
        while (thread.getState() == Thread.State.RUNNABLE || thread.getState() == Thread.State.NEW) {
            Thread.sleep(1);
        }
        thread.interrupt();
        sent.set(true);
        thread.join();
    }

    /**
     * The real clock, past Fray's: Fray rewrites the call sites of {@code System.nanoTime} (and
     * {@code currentTimeMillis}, {@code Instant.now}) in application classes; a method handle calls the
     * native method itself.
     */
    private static long wallNanos() {
        try {
            return (long) REAL_NANO_TIME.invokeExact();
        } catch (Throwable impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static final java.lang.invoke.MethodHandle REAL_NANO_TIME = realNanoTime();

    private static java.lang.invoke.MethodHandle realNanoTime() {
        try {
            return java.lang.invoke.MethodHandles.publicLookup().findStatic(System.class, "nanoTime",
                    java.lang.invoke.MethodType.methodType(long.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @FunctionalInterface
    private interface Observed {
        String call() throws Exception;
    }
}
