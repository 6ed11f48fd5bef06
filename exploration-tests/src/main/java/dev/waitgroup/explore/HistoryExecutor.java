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
 * counts, and no abandoned thread is ever joined. So a hang costs the slack, not the run.
 *
 * <p>Timestamps come from the injected {@link Clock}; the bound is kept in real time. A heartbeat
 * thread measures how long the run itself went unscheduled, which the checker uses to tell a verdict
 * from an inconclusive run.
 */
public final class HistoryExecutor {
    /** Time, beyond the slack, before a quiet run is given up: so that a waiter obliged at the last activity has had the slack. */
    private static final long MARGIN = TimeUnit.MILLISECONDS.toNanos(50);
    private static final long HEARTBEAT = TimeUnit.MILLISECONDS.toNanos(2);
    /** A timed await with a longer timeout is treated as unbounded when planning the bound. */
    private static final long LONGEST_DEADLINE = TimeUnit.SECONDS.toNanos(5);
    private static final int STACK_FRAMES = 14;
    private static final AtomicInteger RUNS = new AtomicInteger();

    private final Clock clock;
    private final Slack slack;

    public HistoryExecutor(Clock clock, Slack slack) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.slack = Objects.requireNonNull(slack, "slack");
    }

    public Slack slack() {
        return slack;
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
        final Map<Integer, Runnable> keptTasks = new ConcurrentHashMap<>();
        final CountDownLatch start = new CountDownLatch(1);
        final Thread watcher = Thread.currentThread();
        volatile long maxGap;
        volatile boolean closed;
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
            List<Actor> drivers = new ArrayList<>();
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
            long end = watch(drivers);
            heartbeat.interrupt();
            List<Event> recorded;
            synchronized (this) {
                closed = true;
                recorded = new ArrayList<>(events);
            }
            return new History(origin, recorded, end, slack, maxGap);
        }

        /** Waits until every driver and helper is done, or the run has been quiet for the slack; returns the end time. */
        private long watch(List<Actor> drivers) {
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
                if (now - giveUpAt >= 0) {
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
                if (gap > maxGap) {
                    maxGap = gap;
                }
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
                call(me, call.operation(), call.interruptAfterMicros());
            } else if (step instanceof Step.After) {
                Step.After after = (Step.After) step;
                long now = clock.nanoTime();
                String helper = nextHelperName();
                record(me.name, new Operation.Schedule(helper + " " + after.action().text() + " in "
                        + after.delayMillis() + " ms"), now, now, Outcome.VOID, Thread.currentThread().isInterrupted(), null);
                startHelper(helper, after.delayMillis(), after.action());
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

        private void rounds(Actor me, Step.Rounds rounds) {
            Operation add = new Operation.Add(1);
            Operation done = new Operation.Done();
            Operation await = new Operation.Await();
            if (!rounds.handOff()) {
                for (int i = 0; i < rounds.count() && !closed; i++) {
                    call(me, add, -1);
                    call(me, done, -1);
                    call(me, await, -1);
                }
                return;
            }
            Actor helper = new Actor(nextHelperName(), false);
            AtomicInteger handedOver = new AtomicInteger();
            helpersRunning.incrementAndGet();
            helper.thread = daemon(helper.name, () -> {
                try {
                    for (int taken = 0; taken < rounds.count() && !closed; taken++) {
                        while (handedOver.get() <= taken && !closed) {
                            LockSupport.park(this);
                        }
                        if (!closed) {
                            call(helper, done, -1);
                        }
                    }
                } finally {
                    helper.finished = true;
                    helpersRunning.decrementAndGet();
                    LockSupport.unpark(watcher);
                }
            });
            actors.add(helper);
            helper.thread.start();
            for (int i = 0; i < rounds.count() && !closed; i++) {
                call(me, add, -1);
                handedOver.incrementAndGet();
                LockSupport.unpark(helper.thread);
                call(me, await, -1);
            }
        }

        private void call(Actor me, Operation op, long interruptAfterMicros) {
            Interrupter interrupter = interruptAfterMicros >= 0 ? new Interrupter(me, interruptAfterMicros) : null;
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
            helpersRunning.incrementAndGet();
            helper.thread = daemon(name, () -> {
                try {
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
                } finally {
                    helper.finished = true;
                    helpersRunning.decrementAndGet();
                    LockSupport.unpark(watcher);
                }
            });
            actors.add(helper);
            helper.thread.start();
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

        /** Interrupts a driver a given time after its call began, from a thread of its own. */
        private final class Interrupter {
            final Actor target;
            final long afterNanos;
            final String name = nextHelperName();
            volatile InterruptDelivery delivery;
            Thread thread;

            Interrupter(Actor target, long afterMicros) {
                this.target = target;
                this.afterNanos = TimeUnit.MICROSECONDS.toNanos(afterMicros);
            }

            void arm(long invokedClock) {
                long fireAt = System.nanoTime() + afterNanos;
                plannedEnd.accumulateAndGet(fireAt, Math::max);
                Thread driver = Thread.currentThread();
                helpersRunning.incrementAndGet();
                thread = daemon(name, () -> {
                    try {
                        sleepUntil(fireAt);
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
                long limit = System.nanoTime() + afterNanos + slack.nanos();
                while (delivery == null && System.nanoTime() - limit < 0 && !closed) {
                    try {
                        thread.join(1);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt(); // the interrupt we are waiting for: keep it
                        LockSupport.parkNanos(100_000);
                    }
                }
                if (delivery == null) {
                    maxGap = Math.max(maxGap, slack.nanos());
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

    /** A thread of the run, as the watcher sees it. */
    private static final class Actor {
        final String name;
        final boolean driver;
        volatile Thread thread;
        volatile Operation operation;
        volatile long invoked;
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
