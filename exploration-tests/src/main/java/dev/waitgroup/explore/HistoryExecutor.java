package dev.waitgroup.explore;

import dev.waitgroup.WaitGroup;
import dev.waitgroup.model.Clock;
import dev.waitgroup.model.Event;
import dev.waitgroup.model.History;
import dev.waitgroup.model.InterruptDelivery;
import dev.waitgroup.model.Operation;
import dev.waitgroup.model.Outcome;
import dev.waitgroup.model.Slack;
import dev.waitgroup.model.TaskFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Runs a {@link Scenario} on real threads against a fresh group and records what happened as a
 * {@link History}, in bounded time whatever the group does.
 *
 * <p>Every driver and helper is a daemon thread of its own. The calling thread watches them: once
 * the run has been quiet for the slack (no call began or returned, no helper is due, no timed await's
 * deadline is ahead), every call still running is recorded as {@link Outcome.NotReturned} with its
 * thread's stack, its thread is interrupted, and the run ends. Nothing recorded after that moment
 * counts, and no abandoned thread is ever joined. So a hang costs the slack, not the run. (A call that
 * spins and ignores its interrupt runs on, taking a core: {@link #abandonedThreadsStillRun()} says so.)
 *
 * <p>Two kinds of step do not depend on how fast the machine runs the threads. A release arranged
 * {@linkplain Step.WhenDriversWait for when the drivers wait} acts once every driver is seen blocked in
 * a call (or finished), so its waiters have surely parked. The changes of a
 * {@linkplain Step.AwaitAmidChanges wait amid changes} last as long as the wait, up to its deadline
 * plus the slack in force plus {@link #MARGIN}, so a wait that does not end at its deadline overruns it
 * by more than the slack, whatever the slack; the run gives it up then, its verdict being certain.
 *
 * <p>Timestamps come from the injected {@link Clock}; the bound is kept in real time. A heartbeat
 * thread measures how long the run itself went unscheduled, which the checker uses to tell a verdict
 * from an inconclusive run.
 */
public final class HistoryExecutor {
    /**
     * Time beyond the slack that makes lateness surely more than the slack: a quiet run is given up this
     * long after the slack (so a waiter obliged at the last activity has had the slack), and the changes
     * during a wait amid changes go on this long after its deadline plus the slack.
     */
    static final long MARGIN = TimeUnit.MILLISECONDS.toNanos(50);
    /** How long every driver must be seen waiting, in the same calls, before a helper that waits for it acts. */
    private static final long WAITING_CONFIRMATION = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long HEARTBEAT = TimeUnit.MILLISECONDS.toNanos(2);
    /** A timed await with a longer timeout is treated as unbounded when planning the bound. */
    private static final long LONGEST_DEADLINE = TimeUnit.SECONDS.toNanos(5);
    private static final int STACK_FRAMES = 14;
    private static final long SPIN_CONFIRMATION = TimeUnit.MILLISECONDS.toNanos(20);
    /** The timeout of the timed wait a release is aimed at ({@link Step.Round#RELEASED_AS_IT_GIVES_UP}). */
    static final long GIVES_UP_TIMEOUT_MILLIS = 5;
    /** A release aimed at an instant parks until this long before it, then spins. */
    private static final long AIM = TimeUnit.MICROSECONDS.toNanos(100);
    private static final AtomicInteger RUNS = new AtomicInteger();

    private final Clock clock;
    private final Slack slack;
    /** The threads of calls this executor gave up on: they may still run, and nothing can stop them. */
    private final List<Thread> abandoned = new CopyOnWriteArrayList<>();

    public HistoryExecutor(Clock clock, Slack slack) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.slack = Objects.requireNonNull(slack, "slack");
    }

    public Slack slack() {
        return slack;
    }

    /**
     * Whether a thread this executor gave up on still runs: a call that spins and ignores interrupts, which
     * takes a core for the rest of the JVM's life; every rerun of its scenario would leave one more. Seen
     * running twice, {@code SPIN_CONFIRMATION} apart, so that a thread on its way out is not counted.
     */
    public boolean abandonedThreadsStillRun() {
        for (int look = 0; look < 2; look++) {
            abandoned.removeIf(t -> !t.isAlive() || t.getState() != Thread.State.RUNNABLE);
            if (abandoned.isEmpty()) {
                return false;
            }
            if (look == 0) {
                LockSupport.parkNanos(SPIN_CONFIRMATION);
            }
        }
        return true;
    }

    /**
     * The timeout (ms) of a {@linkplain Step.AwaitAmidChanges wait amid changes}: half the slack. A wait
     * whose time starts over could still time out by accident if the changes stopped for its whole
     * timeout; the changes count as a periodic thread of the run, so a run in which they were held up
     * says so ({@link History#maxSchedulingGap()}), and an exploration runs again a run in which they, or
     * the wait (which then comes back long after its deadline), were held up for more than a quarter of
     * the slack.
     */
    public static long timeoutAmidChanges(Slack slack) {
        return slack.millis() / 2;
    }

    /** Runs {@code scenario} on a group from {@code factory}; returns within the scenario's own time plus the slack. */
    public History run(Scenario scenario, Supplier<? extends WaitGroup> factory) {
        return new Run(scenario, factory.get()).execute();
    }

    /** One run: its threads, its events, its bound. */
    private final class Run {
        final Scenario scenario;
        final WaitGroup group;
        final String prefix = "wg-explore-" + RUNS.incrementAndGet() + "-";
        final List<Event> events = new ArrayList<>();
        final AtomicInteger ids = new AtomicInteger();
        final AtomicInteger helperNames = new AtomicInteger();
        final AtomicLong lastActivity = new AtomicLong(System.nanoTime());
        final AtomicLong plannedEnd = new AtomicLong();
        final AtomicInteger helpersRunning = new AtomicInteger();
        final List<Actor> actors = new CopyOnWriteArrayList<>();
        final List<Actor> drivers = new ArrayList<>();
        final Map<Integer, Runnable> keptTasks = new ConcurrentHashMap<>();
        final CountDownLatch start = new CountDownLatch(1);
        final Thread watcher = Thread.currentThread();
        /** The longest time a periodic thread of the run (heartbeat, changes) went unscheduled beyond its period. */
        final AtomicLong maxGap = new AtomicLong();
        volatile boolean closed;
        /** Set when a wait amid changes outlived its deadline plus the slack: its verdict is certain, the run ends. */
        volatile boolean overrun;
        /** Set once every driver is done: helper actions still due are skipped, as no driver can observe them. */
        volatile boolean driversDone;
        long origin;

        Run(Scenario scenario, WaitGroup group) {
            this.scenario = scenario;
            this.group = group;
        }

        History execute() {
            origin = clock.nanoTime();
            Thread heartbeat = daemon("heartbeat", this::heartbeat);
            for (int t = 0; t < scenario.threads().size(); t++) {
                List<Step> steps = scenario.threads().get(t);
                Actor driver = new Actor("T" + (t + 1), true);
                driver.thread = daemon(driver.name, () -> drive(driver, steps));
                drivers.add(driver);
                actors.add(driver);
            }
            drivers.forEach(d -> d.thread.start());
            heartbeat.start();
            start.countDown();
            long end = watch();
            heartbeat.interrupt();
            List<Event> recorded;
            synchronized (this) {
                closed = true;
                recorded = new ArrayList<>(events);
            }
            return new History(origin, recorded, end, slack, maxGap.get());
        }

        /** Waits until every driver and helper is done, or the run has been quiet for the slack; returns the end time. */
        private long watch() {
            for (;;) {
                if (!driversDone && drivers.stream().allMatch(d -> d.finished)) {
                    driversDone = true;
                    actors.forEach(a -> LockSupport.unpark(a.thread));
                }
                if (driversDone && helpersRunning.get() == 0) {
                    return clock.nanoTime();
                }
                long now = System.nanoTime();
                long quietSince = Math.max(lastActivity.get(), plannedEnd.get());
                for (Actor a : actors) {
                    quietSince = Math.max(quietSince, a.deadline);
                }
                long giveUpAt = quietSince + slack.nanos() + MARGIN;
                if (now - giveUpAt >= 0 || overrun) {
                    return giveUp();
                }
                LockSupport.parkNanos(Math.min(giveUpAt - now, TimeUnit.MILLISECONDS.toNanos(5)));
            }
        }

        /** Records every running call as not returned, with its thread's stack, and abandons the run. */
        private long giveUp() {
            long end;
            synchronized (this) {
                end = clock.nanoTime();
                closed = true;
                for (Actor a : actors) {
                    Operation op = a.operation;
                    if (op != null && !a.finished) {
                        events.add(new Event(ids.getAndIncrement(), a.name, op, a.invoked, 0L,
                                new Outcome.NotReturned(stack(a.thread)), null, a.interrupt));
                    }
                }
            }
            for (Actor a : actors) {
                if (!a.finished && a.thread != null) {
                    a.thread.interrupt();
                    abandoned.add(a.thread);
                }
            }
            return end;
        }

        private void heartbeat() {
            long last = System.nanoTime();
            while (!Thread.currentThread().isInterrupted()) {
                LockSupport.parkNanos(HEARTBEAT);
                long now = System.nanoTime();
                long gap = now - last - HEARTBEAT;
                maxGap.accumulateAndGet(gap, Math::max);
                last = now;
            }
        }

        private void drive(Actor me, List<Step> steps) {
            try {
                start.await();
                for (Step step : steps) {
                    if (closed) {
                        return;
                    }
                    step(me, step);
                }
            } catch (InterruptedException abandoned) {
                // the run gave up before it started
            } finally {
                me.finished = true;
                LockSupport.unpark(watcher);
            }
        }

        private void step(Actor me, Step step) {
            if (step instanceof Step.Call) {
                Step.Call call = (Step.Call) step;
                call(me, call.operation(), call.interruptAfterMicros(), call.onceWaiting());
            } else if (step instanceof Step.After) {
                Step.After after = (Step.After) step;
                String helper = nextHelperName();
                schedule(me, helper + " " + after.action().text() + " in " + after.delayMillis() + " ms");
                startHelper(helper, after.delayMillis(), after.action());
            } else if (step instanceof Step.WhenDriversWait) {
                whenDriversWait(me, ((Step.WhenDriversWait) step).operation());
            } else if (step instanceof Step.AwaitAmidChanges) {
                awaitAmidChanges(me, (Step.AwaitAmidChanges) step);
            } else if (step instanceof Step.Repeat) {
                Step.Repeat repeat = (Step.Repeat) step;
                for (int i = 0; i < repeat.times() && !closed; i++) {
                    for (Operation op : repeat.body()) {
                        call(me, op, -1);
                    }
                }
            } else {
                rounds(me, (Step.Rounds) step);
            }
        }

        /** Records, as the driver's event, what it set in motion. */
        private void schedule(Actor me, String description) {
            long now = clock.nanoTime();
            record(me.name, new Operation.Schedule(description), now, now, Outcome.VOID,
                    Thread.currentThread().isInterrupted(), null);
        }

        /** A helper calls {@code op} once every driver waits, or at the latest once the slack has passed. */
        private void whenDriversWait(Actor me, Operation op) {
            String name = nextHelperName();
            schedule(me, name + " calls " + op.text() + " once every driver waits");
            Actor helper = new Actor(name, false);
            helper.deadline = System.nanoTime() + slack.nanos();
            startHelper(helper, () -> {
                awaitDriversWaiting(helper.deadline);
                if (!closed && !driversDone) {
                    call(helper, op, -1);
                }
            });
        }

        /**
         * Parks until every driver is waiting, seen so twice {@link #WAITING_CONFIRMATION} apart in the same
         * calls (a thread passing through a lock is not waiting), or until {@code latest}, or the run is over.
         */
        private void awaitDriversWaiting(long latest) {
            List<Long> seen = null;
            while (!closed && !driversDone && System.nanoTime() - latest < 0) {
                List<Long> waiting = waitingCalls();
                if (waiting != null && waiting.equals(seen)) {
                    return;
                }
                seen = waiting;
                LockSupport.parkNanos(WAITING_CONFIRMATION);
            }
        }

        /**
         * Parks until {@code actor} is blocked in the call it began at {@code invoked}, seen so twice
         * {@link #WAITING_CONFIRMATION} apart, or that call is over, or until {@code latest}, or the run is over.
         */
        private void awaitBlockedInCall(Actor actor, long invoked, long latest) {
            boolean seen = false;
            while (!closed && System.nanoTime() - latest < 0) {
                if (actor.invoked != invoked || actor.operation == null) {
                    return;
                }
                boolean blocked = isBlocked(actor.thread);
                if (blocked && seen) {
                    return;
                }
                seen = blocked;
                LockSupport.parkNanos(WAITING_CONFIRMATION);
            }
        }

        private boolean isBlocked(Thread thread) {
            Thread.State state = thread.getState();
            return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING
                    || state == Thread.State.BLOCKED;
        }

        /** When each driver's call began, if every driver is blocked in a call (or finished); otherwise null. */
        private List<Long> waitingCalls() {
            List<Long> calls = new ArrayList<>();
            for (Actor d : drivers) {
                if (d.finished) {
                    calls.add(Long.MIN_VALUE);
                    continue;
                }
                long invoked = d.invoked;
                if (d.operation == null || !isBlocked(d.thread) || d.invoked != invoked) {
                    return null;
                }
                calls.add(invoked);
            }
            return calls;
        }

        /**
         * The timed wait of {@code step} while a helper calls add(1), done() every period: from when the
         * wait is seen to begin until it returns, or at the latest its timeout plus the slack plus
         * {@link #MARGIN} later. The driver goes on once the helper has finished its last pair.
         */
        private void awaitAmidChanges(Actor me, Step.AwaitAmidChanges step) {
            Operation.TimedAwait await = new Operation.TimedAwait(timeoutAmidChanges(slack), TimeUnit.MILLISECONDS);
            String name = nextHelperName();
            schedule(me, name + " calls add(1), done() every " + step.periodMillis() + " ms while " + me.name
                    + "'s " + await.text() + " waits, at the latest until its deadline plus the slack plus "
                    + TimeUnit.NANOSECONDS.toMillis(MARGIN) + " ms");
            Actor changer = new Actor(name, false);
            AtomicBoolean waitOver = new AtomicBoolean();
            startHelper(changer, () -> changeWhileWaiting(changer, me, await,
                    TimeUnit.MILLISECONDS.toNanos(step.periodMillis()), waitOver));
            try {
                call(me, await, -1);
            } finally {
                waitOver.set(true);
                LockSupport.unpark(changer.thread);
                joinAtMost(changer.thread, slack.nanos());
            }
        }

        private void changeWhileWaiting(Actor changer, Actor waiter, Operation.TimedAwait await, long period,
                                        AtomicBoolean waitOver) {
            while (waiter.operation != await) {
                if (waitOver.get() || closed) {
                    return;
                }
                LockSupport.parkNanos(WAITING_CONFIRMATION / 10);
            }
            // seen after the wait began, so no earlier than its deadline plus the slack plus the margin
            long began = System.nanoTime();
            long stopAt = began + await.nanos() + slack.nanos() + MARGIN;
            Operation add = new Operation.Add(1);
            Operation done = new Operation.Done();
            long last = began;
            for (long next = began + period; ; ) {
                for (long left; (left = next - System.nanoTime()) > 0 && !waitOver.get() && !closed; ) {
                    LockSupport.parkNanos(left);
                }
                long now = System.nanoTime();
                if (waitOver.get() || closed) {
                    return;
                }
                if (now - stopAt >= 0) {
                    overrun = true; // still waiting: late beyond the slack whatever it does next
                    LockSupport.unpark(watcher);
                    return;
                }
                maxGap.accumulateAndGet(now - last - period, Math::max); // the changes are only as regular as this
                last = now;
                call(changer, add, -1);
                call(changer, done, -1);
                next = Math.max(next + period, System.nanoTime()); // late: go on from now, no burst to catch up
            }
        }

        private void joinAtMost(Thread thread, long nanos) {
            try {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void rounds(Actor me, Step.Rounds rounds) {
            Operation add = new Operation.Add(1);
            Operation done = new Operation.Done();
            Operation await = new Operation.Await();
            Operation timesOut = new Operation.TimedAwait(1, TimeUnit.MICROSECONDS);
            Operation interrupt = new Operation.SelfInterrupt();
            if (rounds.round() == Step.Round.OWN_DONE) {
                for (int i = 0; i < rounds.count() && !closed; i++) {
                    call(me, add, -1);
                    call(me, done, -1);
                    call(me, await, -1);
                }
                return;
            }
            if (rounds.round() == Step.Round.RELEASED_AS_IT_GIVES_UP) {
                releasedAsItGivesUp(me, rounds.count());
                return;
            }
            boolean afterGivingUp = rounds.round() == Step.Round.AFTER_A_WAIT_GAVE_UP;
            Actor helper = new Actor(nextHelperName(), false);
            AtomicInteger handedOver = new AtomicInteger();
            startHelper(helper, () -> {
                for (int taken = 0; taken < rounds.count() && !closed; taken++) {
                    while (handedOver.get() <= taken && !closed) {
                        LockSupport.park(this);
                    }
                    if (afterGivingUp) {
                        awaitDriversWaiting(System.nanoTime() + slack.nanos());
                    }
                    if (!closed) {
                        call(helper, done, -1);
                    }
                }
            });
            for (int i = 0; i < rounds.count() && !closed; i++) {
                call(me, add, -1);
                if (afterGivingUp && i % 2 == 0) {
                    call(me, timesOut, -1);
                } else if (afterGivingUp) {
                    call(me, interrupt, -1);
                    call(me, await, -1);
                }
                handedOver.incrementAndGet();
                LockSupport.unpark(helper.thread);
                call(me, await, -1);
            }
        }

        /**
         * {@link Step.Round#RELEASED_AS_IT_GIVES_UP}: per round, the driver's {@code add(1)} and timed wait, a
         * helper's {@code await()} once the driver waits, and another helper's {@code done()} at the driver's
         * deadline plus the round's offset (parked to within {@link #AIM} of it, then spun, so that it lands
         * within microseconds). The driver begins the next round once both waits returned; if the untimed
         * one never does, nothing more happens and the run is given up as quiet, with that call not returned.
         */
        private void releasedAsItGivesUp(Actor me, int count) {
            Operation add = new Operation.Add(1);
            Operation.TimedAwait timed = new Operation.TimedAwait(GIVES_UP_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            Operation await = new Operation.Await();
            Operation done = new Operation.Done();
            AtomicInteger begun = new AtomicInteger();
            AtomicInteger waited = new AtomicInteger();
            AtomicInteger released = new AtomicInteger();
            AtomicLong aimAt = new AtomicLong();
            Actor waiter = new Actor(nextHelperName(), false);
            Actor releaser = new Actor(nextHelperName(), false);
            startHelper(waiter, () -> {
                for (int round = 0; round < count && !closed; round++) {
                    awaitRound(begun, round);
                    long latest = aimAt.get() - TimeUnit.MILLISECONDS.toNanos(1);
                    awaitDriversWaiting(latest);
                    if (closed) {
                        return;
                    }
                    call(waiter, await, -1);
                    waited.incrementAndGet();
                    LockSupport.unpark(me.thread);
                }
            });
            startHelper(releaser, () -> {
                for (int round = 0; round < count && !closed; round++) {
                    awaitRound(begun, round);
                    long at = aimAt.get() + TimeUnit.MICROSECONDS.toNanos(aimOffsetMicros(round));
                    releaser.deadline = at;
                    sleepUntil(at - AIM);
                    while (System.nanoTime() - at < 0 && !closed) {
                        Thread.onSpinWait();
                    }
                    if (closed) {
                        return;
                    }
                    call(releaser, done, -1);
                    released.incrementAndGet();
                    LockSupport.unpark(me.thread);
                }
            });
            for (int round = 0; round < count && !closed; round++) {
                call(me, add, -1);
                aimAt.set(System.nanoTime() + timed.nanos());
                begun.incrementAndGet();
                LockSupport.unpark(waiter.thread);
                LockSupport.unpark(releaser.thread);
                call(me, timed, -1);
                while ((waited.get() <= round || released.get() <= round) && !closed) {
                    LockSupport.parkNanos(WAITING_CONFIRMATION);
                }
            }
        }

        /** Parks until round {@code round} has begun (the driver counted it in), or the run is over. */
        private void awaitRound(AtomicInteger begun, int round) {
            while (begun.get() <= round && !closed) {
                LockSupport.parkNanos(WAITING_CONFIRMATION);
            }
        }

        /** Starts {@code helper} on a daemon thread running {@code body}; the run waits for it. */
        private void startHelper(Actor helper, Runnable body) {
            helpersRunning.incrementAndGet();
            helper.thread = daemon(helper.name, () -> {
                try {
                    body.run();
                } finally {
                    helper.deadline = 0;
                    helper.finished = true;
                    helpersRunning.decrementAndGet();
                    LockSupport.unpark(watcher);
                }
            });
            actors.add(helper);
            helper.thread.start();
        }

        private void call(Actor me, Operation op, long interruptAfterMicros) {
            call(me, op, interruptAfterMicros, false);
        }

        private void call(Actor me, Operation op, long interruptAfterMicros, boolean onceWaiting) {
            Interrupter interrupter = interruptAfterMicros >= 0
                    ? new Interrupter(me, interruptAfterMicros, onceWaiting) : null;
            long deadline = 0;
            if (op instanceof Operation.TimedAwait) {
                long nanos = ((Operation.TimedAwait) op).nanos();
                deadline = nanos <= LONGEST_DEADLINE ? System.nanoTime() + Math.max(0, nanos) : 0;
            }
            me.deadline = deadline;
            me.interrupt = null;
            me.invoked = clock.nanoTime();
            me.operation = op;
            lastActivity.set(System.nanoTime());
            if (interrupter != null) {
                interrupter.arm(me.invoked);
            }
            Outcome outcome;
            try {
                outcome = invoke(me, op);
            } catch (Throwable thrown) {
                outcome = Outcome.Threw.of(thrown);
            }
            long responded = clock.nanoTime();
            me.operation = null;
            me.deadline = 0;
            lastActivity.set(System.nanoTime());
            InterruptDelivery delivery = null;
            if (interrupter != null) {
                delivery = interrupter.awaitDelivery();
            }
            Boolean status = me.driver ? Thread.currentThread().isInterrupted() : null;
            if (op instanceof Operation.RunTask && outcome == null) {
                return; // the task was never handed over: nothing ran
            }
            record(me.name, op, me.invoked, responded, outcome, status, delivery);
        }

        private Outcome invoke(Actor me, Operation op) throws InterruptedException {
            if (op instanceof Operation.Add) {
                group.add(((Operation.Add) op).delta());
                return Outcome.VOID;
            }
            if (op instanceof Operation.Done) {
                group.done();
                return Outcome.VOID;
            }
            if (op instanceof Operation.Count) {
                return new Outcome.Returned(group.count());
            }
            if (op instanceof Operation.Await) {
                group.await();
                return Outcome.VOID;
            }
            if (op instanceof Operation.TimedAwait) {
                Operation.TimedAwait timed = (Operation.TimedAwait) op;
                return group.await(timed.timeout(), timed.unit()) ? Outcome.TRUE : Outcome.FALSE;
            }
            if (op instanceof Operation.SelfInterrupt) {
                Thread.currentThread().interrupt();
                return Outcome.VOID;
            }
            if (op instanceof Operation.Go) {
                Operation.Go go = (Operation.Go) op;
                group.go(executor(go), task(go));
                return Outcome.VOID;
            }
            if (op instanceof Operation.RunTask) {
                Runnable kept = keptTasks.remove(((Operation.RunTask) op).task());
                if (kept == null) {
                    return null;
                }
                kept.run();
                return Outcome.VOID;
            }
            throw new IllegalArgumentException("not a call on the group: " + op);
        }

        private Runnable task(Operation.Go go) {
            if (go.executor() == Operation.Executors.INLINE_FAILING) {
                return () -> {
                    throw new TaskFailure(go.task());
                };
            }
            return () -> { };
        }

        private Executor executor(Operation.Go go) {
            switch (go.executor()) {
                case INLINE:
                case INLINE_FAILING:
                    return Runnable::run;
                case REJECTING:
                    return task -> {
                        throw new RejectedExecutionException("rejected on purpose");
                    };
                case DEFERRED_STEP:
                    return task -> keptTasks.put(go.task(), task);
                default:
                    return task -> {
                        String name = nextHelperName();
                        keptTasks.put(go.task(), task);
                        startHelper(name, go.delayMillis(), new RunKept(go.task()));
                    };
            }
        }

        private void startHelper(String name, long delayMillis, Object action) {
            long armed = System.nanoTime();
            long delay = TimeUnit.MILLISECONDS.toNanos(delayMillis);
            long duration = action instanceof Step.Ticks
                    ? TimeUnit.MILLISECONDS.toNanos(((Step.Ticks) action).periodMillis()) * ((Step.Ticks) action).times()
                    : 0;
            plannedEnd.accumulateAndGet(armed + delay + duration, Math::max);
            Actor helper = new Actor(name, false);
            startHelper(helper, () -> {
                if (action instanceof Step.Ticks) {
                    Step.Ticks ticks = (Step.Ticks) action;
                    long period = TimeUnit.MILLISECONDS.toNanos(ticks.periodMillis());
                    for (int i = 1; i <= ticks.times() && !closed && !driversDone; i++) {
                        sleepUntil(armed + delay + period * i);
                        if (!driversDone) {
                            call(helper, new Operation.Done(), -1);
                        }
                    }
                    return;
                }
                sleepUntil(armed + delay);
                if (closed || driversDone) {
                    return;
                }
                if (action instanceof Step.Once) {
                    call(helper, ((Step.Once) action).operation(), -1);
                } else {
                    call(helper, new Operation.RunTask(((RunKept) action).task), -1);
                }
            });
        }

        /** Parks until {@code nanoTime}, or until every driver is done (helpers are unparked then). */
        private void sleepUntil(long nanoTime) {
            for (long left; (left = nanoTime - System.nanoTime()) > 0 && !driversDone && !closed; ) {
                LockSupport.parkNanos(left);
            }
        }

        private String nextHelperName() {
            return "H" + helperNames.incrementAndGet();
        }

        private synchronized void record(String thread, Operation op, long invoked, long responded, Outcome outcome,
                                         Boolean interruptedAfter, InterruptDelivery interrupt) {
            if (!closed) {
                events.add(new Event(ids.getAndIncrement(), thread, op, invoked, responded, outcome, interruptedAfter,
                        interrupt));
            }
        }

        private Thread daemon(String name, Runnable body) {
            Thread thread = new Thread(body, prefix + name);
            thread.setDaemon(true);
            return thread;
        }

        /**
         * Interrupts a driver a given time after its call began, from a thread of its own; if
         * {@code onceWaiting}, not before the call is seen blocked (or the slack has passed).
         */
        private final class Interrupter {
            final Actor target;
            final long afterNanos;
            final boolean onceWaiting;
            final String name = nextHelperName();
            volatile InterruptDelivery delivery;
            Thread thread;

            Interrupter(Actor target, long afterMicros, boolean onceWaiting) {
                this.target = target;
                this.afterNanos = TimeUnit.MICROSECONDS.toNanos(afterMicros);
                this.onceWaiting = onceWaiting;
            }

            void arm(long invokedClock) {
                long fireAt = System.nanoTime() + afterNanos;
                plannedEnd.accumulateAndGet(fireAt, Math::max);
                Thread driver = Thread.currentThread();
                helpersRunning.incrementAndGet();
                thread = daemon(name, () -> {
                    try {
                        sleepUntil(fireAt);
                        if (onceWaiting) {
                            awaitBlockedInCall(target, invokedClock, System.nanoTime() + slack.nanos());
                        }
                        long sent = clock.nanoTime();
                        driver.interrupt();
                        delivery = new InterruptDelivery(name, sent, clock.nanoTime());
                        target.interrupt = delivery;
                        lastActivity.set(System.nanoTime());
                    } finally {
                        helpersRunning.decrementAndGet();
                        LockSupport.unpark(watcher);
                    }
                });
                thread.start();
            }

            /**
             * Waits (at most the slack) until the interrupt is delivered, so that the status read after
             * the call includes it. If the interrupter was not scheduled in that time, the run counts as
             * unscheduled for the whole slack, which makes any verdict on it inconclusive.
             */
            InterruptDelivery awaitDelivery() {
                long limit = System.nanoTime() + afterNanos + slack.nanos() * (onceWaiting ? 2 : 1);
                while (delivery == null && System.nanoTime() - limit < 0 && !closed) {
                    try {
                        thread.join(1);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt(); // the interrupt we are waiting for: keep it
                        LockSupport.parkNanos(100_000);
                    }
                }
                if (delivery == null) {
                    maxGap.accumulateAndGet(slack.nanos(), Math::max);
                }
                return delivery;
            }
        }
    }

    /** A helper's action: run the task a deferring executor kept. */
    private static final class RunKept {
        final int task;

        RunKept(int task) {
            this.task = task;
        }
    }

    /** Round {@code round}'s offset from the deadline, in µs: -200 to +200 in steps of 40, in a scattered order. */
    static long aimOffsetMicros(int round) {
        return ((round * 7L) % 11 - 5) * 40;
    }

    /** A thread of the run, as the watcher sees it. */
    private static final class Actor {
        final String name;
        final boolean driver;
        volatile Thread thread;
        volatile Operation operation;
        volatile long invoked;
        /** Real time before which the run is not quiet on this actor's account (a deadline, a helper's act), or 0. */
        volatile long deadline;
        volatile InterruptDelivery interrupt;
        volatile boolean finished;

        Actor(String name, boolean driver) {
            this.name = name;
            this.driver = driver;
        }
    }


    private static String stack(Thread thread) {
        StringBuilder s = new StringBuilder();
        StackTraceElement[] frames = thread.getStackTrace();
        for (int i = 0; i < Math.min(frames.length, STACK_FRAMES); i++) {
            s.append(frames[i]).append('\n');
        }
        if (frames.length > STACK_FRAMES) {
            s.append("... ").append(frames.length - STACK_FRAMES).append(" more\n");
        }
        return s.toString();
    }
}
