package dev.waitgroup.fray.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A thread of a scenario: a platform thread that runs a script of calls and keeps what each returned.
 * Under Fray, every thread a scenario starts is one of Fray's: it runs only when Fray's scheduler says.
 *
 * <p>Invariant: {@link #calls()} is read only after {@link #join()}, which makes it visible.
 */
public final class Actor {
    /** How often {@link #awaitBlockedOrDone} looks before it calls the wait a spin. */
    static final int LOOK_BOUND = 2_000;

    private final Thread thread;
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private volatile Throwable failure;

    /** The script an actor runs; it records its calls with {@link Actor#record}. */
    @FunctionalInterface
    public interface Script {
        void run(Actor self) throws Exception;
    }

    private Actor(String name, Script script) {
        this.thread = new Thread(() -> {
            try {
                script.run(this);
            } catch (Exception | AssertionError e) {
                failure = e;
            }
        }, name);
    }

    /** Starts a thread named {@code name} that runs {@code script}. */
    public static Actor start(String name, Script script) {
        Actor actor = new Actor(name, script);
        actor.thread.start();
        return actor;
    }

    /** Records a call this actor made. */
    public Call record(Call call) {
        calls.add(call);
        return call;
    }

    public String name() {
        return thread.getName();
    }

    public Thread thread() {
        return thread;
    }

    /** Waits for the thread to end; throws if its script failed outside a recorded call. */
    public void join() throws InterruptedException {
        thread.join();
        if (failure != null) {
            throw new AssertionError(name() + " failed outside a WaitGroup call: " + failure, failure);
        }
    }

    /** The calls it made, in order. */
    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The only call it made (for one-call actors). */
    public Call call() {
        List<Call> all = calls();
        if (all.size() != 1) {
            throw new IllegalStateException(name() + " made " + all.size() + " calls, not one: " + all);
        }
        return all.get(0);
    }

    /**
     * Waits until every actor is blocked (waiting, timed-waiting, or blocked on a lock) or has ended:
     * the way one thread of a scenario waits until the others have entered {@code await}.
     *
     * <p>It sleeps a millisecond between looks: a sleep is a point where Fray schedules the other
     * threads, and it ends once the (virtual) millisecond has passed or, when every other thread is
     * blocked, at once; {@link Thread#getState()} reports Fray's own view of each thread. A
     * {@link Thread#yield()} loop does not work under Fray's POS scheduler, which keeps running the
     * yielding thread (its pending operation is not a racing one) and starves the others. On a plain
     * JVM the sleep is just a short sleep.
     *
     * @throws AssertionError if some actor is still running after {@value #LOOK_BOUND} looks: it spins
     * @throws InterruptedException if the caller is interrupted while it sleeps
     */
    public static void awaitBlockedOrDone(Actor... actors) throws InterruptedException {
        for (int looks = 0; looks < LOOK_BOUND; looks++) {
            boolean all = true;
            for (Actor actor : actors) {
                Thread.State state = actor.thread.getState();
                all &= state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING
                        || state == Thread.State.BLOCKED || state == Thread.State.TERMINATED;
            }
            if (all) {
                return;
            }
            Thread.sleep(1);
        }
        StringBuilder states = new StringBuilder();
        for (Actor actor : actors) {
            states.append(' ').append(actor.name()).append('=').append(actor.thread.getState());
        }
        throw new AssertionError("still running after " + LOOK_BOUND + " looks a millisecond apart "
                + "(a spinning await?):" + states);
    }
}
