package dev.waitgroup.fray;

import java.util.List;

/**
 * What Fray 0.9.2 does with threads, time, timed waits and interrupts, as measured here with
 * {@link FrayProbes} ({@code docs/fray.md} has the numbers), and what that means for judging a
 * history: one sentence per finding, for a verdict's {@code how} and reasons.
 */
public final class FrayFacts {
    /** How Fray explores. */
    public static final String SCHEDULER = "Fray ran the threads one at a time under its controlled scheduler,"
            + " switching only at synchronization points, one schedule per iteration, and woke waits spuriously about"
            + " half the time, so every wait loop is exercised.";
    /** The virtual clock, and what the model makes of it. */
    public static final String VIRTUAL_CLOCK = "Every call was timestamped with Fray's virtual clock, which the"
            + " WaitGroup reads for its timeouts too: it advances 100 µs per read and jumps to the next deadline when"
            + " every thread is blocked, so a timeout can fall while a release runs; it orders the calls exactly but"
            + " bounds no lateness (the scheduler may hold a thread back as long as it likes), so the reference model"
            + " judged each history with no slack: a call is late only if it never returns, which is what a deadlock"
            + " Fray reports means, and a timed wait that gave up may have read the counter at any instant of its"
            + " call. Whether an await() that threw InterruptedException cleared the interrupt status is not judged"
            + " here (Fray's CountDownLatch leaves it set where the JDK clears it); the exploration on real threads"
            + " judges it.";
    /**
     * Lost wake-ups on a monitor (measured: an outside user's group that releases its waiters with
     * {@code notify()} where {@code notifyAll()} is needed passed fray-races at 300 schedules per race and
     * fray-histories, while the contract suite and the exploration on real threads caught it).
     */
    public static final String MONITOR_WAKE_UPS = "Fray 0.9.2 did not show a waiter that Object.notify() left"
            + " waiting (a group that wakes one waiter with notify() where notifyAll() is needed passed here), so a"
            + " pass does not rule out a lost wake-up on a monitor: the contract suite and the exploration on real"
            + " threads judge that.";
    /** Deadlocks. */
    public static final String DEADLOCK = "When no thread can run, Fray reports a deadlock instead of hanging; the"
            + " calls still running never returned, and the model judges that history: a waiter whose round ended is a"
            + " failure, a wait for a counter that stays above zero is allowed.";
    /** Replay. */
    public static final String REPLAY = "A failure's recording (the scheduler and every random choice it drew)"
            + " replays its schedule on the same code.";
    /** A spin Fray cannot see. */
    public static final String SPIN = "Fray schedules only at synchronization points: a thread that spins on a plain"
            + " field never yields to it, so the run was stopped from outside.";
    /** Fray's own hang. */
    public static final String LOST_CONTROL = "Fray 0.9.2 can let a thread block in JDK code it does not schedule and"
            + " then wait for it forever (Semaphore.release(n) racing two acquirers; an interrupt sent to"
            + " Condition.awaitUninterruptibly()): not the WaitGroup's doing.";
    /**
     * Why a deadlock seen while the group's own threads run outside Fray is not judged (measured: a
     * correct group with a static ScheduledThreadPoolExecutor, whose timer thread started in one schedule
     * and went on in the next, unscheduled, was reported deadlocked; in a fresh JVM the schedule replayed
     * without the deadlock).
     */
    public static final String FOREIGN_THREADS = "Fray 0.9.2 schedules only the threads started during a schedule;"
            + " a thread that outlives its schedule runs unseen in the next ones.";
    /**
     * Why a schedule that never ends because of a thread the group keeps is not judged (measured: a correct
     * group whose timed wait schedules its wake-up on a static ScheduledThreadPoolExecutor; Fray waited
     * at the end of the first schedule for the pool's worker, parked in its queue, to end).
     */
    public static final String THREADS_OUTLIVE_SCHEDULE = "Fray 0.9.2 ends a schedule only once every thread started"
            + " in it has ended, so it cannot explore a group that keeps a thread of its own (a pool or a timer).";
    /** Units left out after Fray lost control of two waiters. */
    public static final String TWO_WAITERS_SKIPPED = "not run: Fray 0.9.2 lost control of two waiters on this"
            + " implementation earlier in this check (a Semaphore.release(n) racing its acquirers, which it does not"
            + " schedule), so no unit where two or more threads may wait runs on it";
    /** Fray's Semaphore model. */
    public static final String SEMAPHORE = "Fray 0.9.2's Semaphore model grants a permit to an already interrupted"
            + " acquire that the JDK then refuses, and so can report a deadlock the code cannot reach: a deadlock with"
            + " a thread blocked in a Semaphore proves nothing, and its schedule was set aside.";
    /** Virtual threads. */
    public static final String VIRTUAL_THREADS = "Fray 0.9.2 does not support virtual threads (a started and joined"
            + " virtual thread ends in a DeadlockException), so scenarios use platform threads.";

    private FrayFacts() {
    }

    /** Why a unit was left out once {@code unit} showed that the group keeps threads Fray cannot explore. */
    static String notRunAfter(String unit) {
        return "not run after " + unit + ", for the same reason";
    }

    /** Every finding, in the order of {@code docs/fray.md}. */
    public static List<String> all() {
        return List.of(SCHEDULER, VIRTUAL_CLOCK, MONITOR_WAKE_UPS, DEADLOCK, REPLAY, SPIN, LOST_CONTROL,
                THREADS_OUTLIVE_SCHEDULE, FOREIGN_THREADS, SEMAPHORE, VIRTUAL_THREADS);
    }
}
