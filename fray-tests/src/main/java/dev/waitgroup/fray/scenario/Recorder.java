package dev.waitgroup.fray.scenario;

import dev.waitgroup.catalogue.ReuseBehaviour;
import dev.waitgroup.model.Event;
import dev.waitgroup.model.History;
import dev.waitgroup.model.HistoryChecker;
import dev.waitgroup.model.Scheduling;
import dev.waitgroup.model.Slack;
import dev.waitgroup.model.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Records what the threads of one scenario run did, as a {@link History} for the contract's reference
 * model, and has the model judge it ({@link #judge}).
 *
 * <p>Time is {@link System#nanoTime()}: inside a Fray run that is Fray's virtual clock (it advances
 * 100 µs per read and jumps to the next deadline when every thread is blocked), the same clock the
 * WaitGroup reads for its timeouts. Since Fray runs one thread at a time, the clock orders every event
 * exactly; the history is {@link Scheduling#CONTROLLED}, so no lateness is held against the group,
 * only a call that never returns. On a plain JVM (the unit tests) it is the real clock, and the same
 * judgment is merely weaker.
 *
 * <p>Invariant: tracks are created by the scenario's main thread only, before the thread that writes
 * each one starts; each track is written by its own thread; the history is read after those threads
 * were joined, or, after a deadlock, once Fray has ended the run ({@link #atDeadlock}).
 */
public final class Recorder {
    /** The last recorder made in this JVM: what a run that Fray ended in a deadlock had recorded. */
    private static Recorder latest;

    /** The error with which Fray ends the threads of a run it has stopped (a deadlock, a failure elsewhere). */
    private static final String FRAY_ENDS_THREAD = "org.pastalab.fray.runtime.TargetTerminateException";

    private final long origin = System.nanoTime();
    private final List<Track> tracks = new ArrayList<>();
    private boolean endedByFray;

    public Recorder() {
        latest = this;
    }

    /** The recorder of the last scenario run in this JVM, or null. */
    public static Recorder latest() {
        return latest;
    }

    /** A new thread's record, named as the history will name it ({@code main}, {@code T1}, ...). */
    public Track track(String name) {
        Track track = new Track(name, this);
        tracks.add(track);
        return track;
    }

    /**
     * Notes that a call ended with {@code error} rather than returning or throwing: if it is the one Fray
     * ends a stopped run's threads with, nothing from now on belongs to the run (threads Fray let go,
     * such as a main thread whose joins returned, may still make calls, out of its control).
     */
    public void ended(Error error) {
        for (Class<?> type = error.getClass(); type != null; type = type.getSuperclass()) {
            if (type.getName().equals(FRAY_ENDS_THREAD)) { // or its kinds: DeadlockException, LivenessException
                endedByFray = true;
            }
        }
    }

    /**
     * Whether Fray stopped this run while calls were running (a deadlock, or a schedule past its step
     * bound): calls made now are not recorded, and those running never returned ({@link #atDeadlock}).
     */
    public boolean endedByFray() {
        return endedByFray;
    }

    /** What every track recorded, all calls returned. */
    public History history() {
        return build(Map.of(), false);
    }

    /**
     * What every track recorded when Fray found every thread blocked: the calls still running never
     * returned, each with where its thread was.
     *
     * @param stacks where each blocked thread was, by thread name (Fray's report); a missing one is "(not reported)"
     */
    public History atDeadlock(Map<String, String> stacks) {
        return build(stacks, true);
    }

    private History build(Map<String, String> stacks, boolean deadlock) {
        List<Track.Call> calls = new ArrayList<>();
        long end = origin;
        for (Track track : tracks) {
            calls.addAll(track.calls());
            if (deadlock && track.pending() != null) {
                Track.Call pending = track.pending();
                calls.add(pending.notReturned(stacks.getOrDefault(track.name(), "(not reported)")));
            }
        }
        calls.sort(Comparator.comparingLong(Track.Call::invoked));
        List<Event> events = new ArrayList<>();
        for (Track.Call call : calls) {
            events.add(call.event(events.size()));
            end = Math.max(end, Math.max(call.invoked(), call.responded()));
        }
        return new History(origin, events, end + 1, Slack.of(Slack.MINIMUM), 0, Scheduling.CONTROLLED);
    }

    /**
     * Has the model judge the history of this run.
     *
     * @throws ContractViolation if no order of the calls is what the contract allows
     */
    public void judge(ReuseBehaviour reuse) {
        History history = history();
        Verdict verdict = HistoryChecker.check(history, reuse);
        if (verdict instanceof Verdict.Violation) {
            throw new ContractViolation((Verdict.Violation) verdict, history);
        }
    }
}
