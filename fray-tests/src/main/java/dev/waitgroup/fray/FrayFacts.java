package dev.waitgroup.fray;

import dev.waitgroup.fray.scenario.Timing;
import java.util.ArrayList;
import java.util.List;

/**
 * What Fray 0.9.2 does with time, timed waits, interrupts and threads, as measured here with
 * {@link FrayProbes} ({@code docs/fray.md} has the numbers): one sentence per finding, for a
 * verdict's {@code how}. {@link #forOutcome} picks the ones that explain an outcome.
 */
public final class FrayFacts {
    /** How Fray explores. */
    public static final String SCHEDULER = "Fray ran the scenario's threads one at a time under its controlled "
            + "scheduler, switching only at synchronization points, one schedule per iteration.";
    /** Threads of the scenario. */
    public static final String THREADS = "Every platform thread started inside the scenario is Fray's: it runs "
            + "only when Fray schedules it, and an exception it does not catch fails the iteration.";
    /** Spurious wake-ups. */
    public static final String SPURIOUS = "Fray wakes a park(), wait() or Condition.await() spuriously about half "
            + "the time, so every wait loop is exercised.";
    /** The real clock, default timing. */
    public static final String REAL_CLOCK = "With Fray's default timing the clock is the real one and a timed "
            + "wait ends early, timed out, only when no other thread can run.";
    /** Timed waits that re-check the clock. */
    public static final String CLOCK_LOOPS = "AQS-based and Phaser timed waits re-park on each wake-up until the "
            + "clock passes their deadline, so a timeout costs its real length under Fray.";
    /** The virtual clock. */
    public static final String VIRTUAL_CLOCK = "On Fray's virtual clock nanoTime advances 100 µs per read and jumps "
            + "to the next deadline when every thread is blocked, so a timeout can fall while the release runs.";
    /** Sleep. */
    public static final String SLEEP = "Thread.sleep under Fray's default timing ends as soon as every other "
            + "thread is blocked: it waits for quiescence, not for time.";
    /** Interrupts. */
    public static final String INTERRUPT = "An interrupt reaches a thread blocked in park, wait, Condition.await "
            + "or a latch (InterruptedException, status cleared, except CountDownLatch.await, which leaves it set).";
    /** Virtual threads. */
    public static final String VIRTUAL_THREADS = "Fray 0.9.2 does not support virtual threads (a started and "
            + "joined virtual thread ends in a DeadlockException), so scenarios use platform threads.";
    /** Deadlocks. */
    public static final String DEADLOCK = "When no thread can run, Fray reports a DeadlockException with every "
            + "blocked thread's stack instead of hanging.";
    /** Replay. */
    public static final String REPLAY = "The failure's recording (the scheduler and every random choice it drew) "
            + "replays its schedule on the same code.";
    /** A spin Fray cannot see. */
    public static final String SPIN = "Fray schedules only at synchronization points: a thread that spins on a "
            + "plain field never yields to it, so the run was stopped from outside.";
    /** Fray's own hang. */
    public static final String LOST_CONTROL = "Fray 0.9.2 can let a thread block in JDK code it does not "
            + "schedule and then wait for it forever (Semaphore.release(n) racing two acquirers; an interrupt "
            + "sent to Condition.awaitUninterruptibly()).";
    /** Fray's Semaphore model. */
    public static final String SEMAPHORE = "Fray 0.9.2's Semaphore model grants a permit to an already "
            + "interrupted acquire that the JDK then refuses, and so can report a deadlock the code cannot reach.";

    private FrayFacts() {
    }

    /** Every finding, in the order of {@code docs/fray.md}. */
    public static List<String> all() {
        return List.of(SCHEDULER, THREADS, SPURIOUS, REAL_CLOCK, CLOCK_LOOPS, VIRTUAL_CLOCK, SLEEP, INTERRUPT,
                VIRTUAL_THREADS, DEADLOCK, REPLAY, SPIN, LOST_CONTROL, SEMAPHORE);
    }

    /** The sentences that explain an outcome of a scenario with this timing and failure line. */
    static List<String> forOutcome(Timing timing, String failure) {
        List<String> how = new ArrayList<>(List.of(SCHEDULER, SPURIOUS));
        how.add(timing == Timing.VIRTUAL_CLOCK ? VIRTUAL_CLOCK : REAL_CLOCK);
        if (failure.contains("DeadlockException")) {
            how.add(DEADLOCK);
        }
        if (!failure.isEmpty()) {
            how.add(REPLAY);
        }
        return how;
    }
}
