package dev.waitgroup.fray.scenario;

import dev.waitgroup.model.Event;
import dev.waitgroup.model.InterruptDelivery;
import dev.waitgroup.model.Operation;
import dev.waitgroup.model.Outcome;
import java.util.ArrayList;
import java.util.List;

/**
 * One thread of a scenario as the history sees it: the calls it made on the group, each with the
 * clock read before and after it, what came of it, and the thread's interrupt status after it.
 *
 * <p>An interrupt from another thread is bound to one call ({@link #callInterrupted}): its sender is
 * started just before the call, so that Fray may deliver it before, during or after the call, and it
 * is closed, under a lock, when the call's status is read, so that it never lands on a later call.
 * The model then knows, for each call, whether an interrupt was sent and whether the thread kept it.
 *
 * <p>Invariant: written only by its own thread (the scenario's main thread for {@code main}), but for
 * the one instant another thread saw it waiting ({@link #awaitBlockedOrDone}); read by {@link Recorder}
 * after that thread was joined or Fray ended the run.
 */
public final class Track {
    /** How often {@link #awaitBlockedOrDone} looks before it calls the wait a spin. */
    static final int LOOK_BOUND = 2_000;

    private final String name;
    private final Recorder recorder;
    private final List<Call> calls = new ArrayList<>();
    private Call pending;
    private long pendingSeenWaiting = Long.MAX_VALUE;
    private Interrupt interrupt;
    private Thread thread;
    private Throwable failure;

    /** A call on the group that may throw; its value is the call's result (null for void). */
    @FunctionalInterface
    public interface Body {
        Object call() throws Exception;
    }

    /** What a scenario thread does, recording its calls on its track. */
    @FunctionalInterface
    public interface Script {
        void run(Track self) throws Exception;
    }

    /** A call as recorded; {@code responded} is 0 while it runs. */
    record Call(String thread, Operation operation, long invoked, long responded, Outcome outcome,
                Boolean interruptedAfter, InterruptDelivery interrupt, long seenWaiting) {
        Event event(int id) {
            return new Event(id, thread, operation, invoked, responded, outcome, interruptedAfter, interrupt,
                    seenWaiting);
        }

        /** This running call as one that never returned; {@code stack} is where its thread was. */
        Call notReturned(String stack) {
            return new Call(thread, operation, invoked, 0L, new Outcome.NotReturned(stack), null, interrupt,
                    seenWaiting);
        }
    }

    Track(String name, Recorder recorder) {
        this.name = name;
        this.recorder = recorder;
    }

    public String name() {
        return name;
    }

    /**
     * Makes a call on the group and records it. Exceptions (and {@link AssertionError}s) are its
     * outcome; other errors, such as the one Fray ends a failed run's threads with, propagate.
     *
     * @return what the call returned, or null if it threw
     */
    public Object call(Operation operation, Body body) {
        return record(operation, body, null);
    }

    /**
     * A call during which the thread {@code by} interrupts this one: {@code by} starts just before the
     * call, so that the interrupt may land before it is entered, while it waits, or after it returned
     * (then it is not sent at all).
     */
    public Object callInterrupted(Operation operation, Body body, String by) {
        Interrupt sender = new Interrupt(by, Thread.currentThread());
        sender.start();
        return record(operation, body, sender);
    }

    /** {@code Thread.currentThread().interrupt()}, recorded: the next call is entered with the status set. */
    public void selfInterrupt() {
        long invoked = System.nanoTime();
        Thread.currentThread().interrupt();
        calls.add(new Call(name, new Operation.SelfInterrupt(), invoked, System.nanoTime(), Outcome.VOID, true, null,
                Long.MAX_VALUE));
    }

    private Object record(Operation operation, Body body, Interrupt sender) {
        if (recorder.endedByFray()) {
            throw new ScenarioError("Fray stopped the run; " + name + " makes no more calls", null);
        }
        long invoked = System.nanoTime();
        interrupt = sender;
        pendingSeenWaiting = Long.MAX_VALUE;
        pending = new Call(name, operation, invoked, 0L, null, null, null, Long.MAX_VALUE);
        Outcome outcome;
        Object value = null;
        try {
            value = body.call();
            outcome = new Outcome.Returned(value);
        } catch (Exception | AssertionError thrown) {
            outcome = Outcome.Threw.of(thrown);
        } catch (Error error) {
            recorder.ended(error); // the call stays pending: after a deadlock, it never returned
            throw error;
        }
        long responded = System.nanoTime();
        InterruptDelivery delivery = null;
        boolean status;
        if (sender != null) {
            synchronized (sender.lock) {
                sender.closed = true;   // from now on it is not sent: it belongs to this call only
                delivery = sender.delivery();
                status = Thread.currentThread().isInterrupted();
            }
        } else {
            status = Thread.currentThread().isInterrupted();
        }
        pending = null;
        interrupt = null;
        calls.add(new Call(name, operation, invoked, responded, outcome, status, delivery, pendingSeenWaiting));
        return value;
    }

    /** The call running now, with the interrupt sent to it so far and when it was seen waiting, or null. */
    Call pending() {
        Call running = pending;
        if (running == null) {
            return null;
        }
        Interrupt sender = interrupt;
        return new Call(running.thread(), running.operation(), running.invoked(), 0L, null, null,
                sender == null ? null : sender.delivery(), pendingSeenWaiting);
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Starts this track's thread, named as the track, running {@code script}. */
    public Thread start(Script script) {
        thread = new Thread(() -> {
            try {
                script.run(this);
            } catch (Exception | AssertionError e) {
                failure = e;
            }
        }, name);
        thread.start();
        return thread;
    }

    /**
     * Waits for this track's thread to end.
     *
     * @throws ScenarioError if its script failed outside a recorded call: the scenario's fault, not the group's
     */
    public void join() throws InterruptedException {
        thread.join();
        if (failure != null) {
            throw new ScenarioError(name + " failed outside a call on the group: " + failure, failure);
        }
    }

    /**
     * Waits until the thread of every one of {@code tracks} is blocked (waiting, timed-waiting or blocked
     * on a lock) or has ended: how one thread of a scenario lets the others enter {@code await} first.
     * A track whose thread is then blocked inside a call is marked as seen waiting in it at that instant
     * (the model then takes it as begun by then: {@code Event.seenWaiting}).
     *
     * <p>It sleeps a millisecond between looks: a sleep is a point where Fray schedules the other
     * threads, and it ends once the virtual millisecond has passed or, when every other thread is
     * blocked, at once; {@link Thread#getState()} reports Fray's own view of each thread. A
     * {@link Thread#yield()} loop does not work under Fray's POS scheduler, which keeps running the
     * yielding thread (its pending operation is not a racing one) and starves the others.
     *
     * @throws ScenarioError if one still runs after {@value #LOOK_BOUND} looks: it spins
     */
    public static void awaitBlockedOrDone(Track... tracks) throws InterruptedException {
        for (int looks = 0; looks < LOOK_BOUND; looks++) {
            boolean all = true;
            for (Track track : tracks) {
                Thread.State state = track.thread.getState();
                all &= state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING
                        || state == Thread.State.BLOCKED || state == Thread.State.TERMINATED;
            }
            if (all) {
                long now = System.nanoTime();
                for (Track track : tracks) {
                    if (track.thread.getState() != Thread.State.TERMINATED && track.pending != null) {
                        track.pendingSeenWaiting = now;
                    }
                }
                return;
            }
            Thread.sleep(1);
        }
        StringBuilder states = new StringBuilder();
        for (Track track : tracks) {
            states.append(' ').append(track.name).append('=').append(track.thread.getState());
        }
        throw new ScenarioError("still running after " + LOOK_BOUND + " looks a millisecond apart (a spinning"
                + " await?):" + states, null);
    }

    /**
     * An interrupt of one call, from a thread of its own. Sent at most once, and only while the call
     * is open: the sender and the call's end take the same lock.
     */
    private static final class Interrupt {
        final Object lock = new Object();
        final String by;
        final Thread target;
        long sent = -1;
        long delivered;
        boolean closed;

        Interrupt(String by, Thread target) {
            this.by = by;
            this.target = target;
        }

        void start() {
            new Thread(this::send, by).start();
        }

        private void send() {
            synchronized (lock) {
                if (!closed) {
                    sent = System.nanoTime();
                    target.interrupt();
                    delivered = System.nanoTime();
                }
            }
        }

        InterruptDelivery delivery() {
            return sent < 0 ? null : new InterruptDelivery(by, sent, delivered);
        }
    }
}
