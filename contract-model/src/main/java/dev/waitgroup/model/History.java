package dev.waitgroup.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What a run of one scenario observed: every operation of every thread with its timestamps and
 * outcome, in the order of invocation, and what the run knows about its own timing.
 *
 * <p>A history is evidence: {@link #toText()} prints it as one line per event, in time order, with
 * thread names and times relative to {@link #origin()}, so that a reader can follow a failing verdict.
 *
 * @param origin             clock time at the start of the run; printed times are relative to it
 * @param events             the events, ordered by invocation time (then by id)
 * @param end                clock time at which the run ended, or gave up on the calls that had not returned
 * @param slack              the slack the run gave calls before giving up on them, and the checker uses
 * @param maxSchedulingGap   the longest time (ns) a periodic thread of the run (its heartbeat, or a helper
 *                           that acts every period) went unscheduled beyond its period: a measure of how far
 *                           the run itself was held up
 * @param scheduling         who scheduled the run's threads, which decides what lateness proves
 *                           ({@link Scheduling#CONTROLLED}: only a call that never returns is late)
 */
public record History(long origin, List<Event> events, long end, Slack slack, long maxSchedulingGap,
                      Scheduling scheduling) {
    private static final Comparator<Event> TIME_ORDER =
            Comparator.comparingLong(Event::invoked).thenComparingInt(Event::id);

    public History {
        Objects.requireNonNull(slack, "slack");
        Objects.requireNonNull(scheduling, "scheduling");
        List<Event> sorted = new ArrayList<>(events);
        sorted.sort(TIME_ORDER);
        events = List.copyOf(sorted);
    }

    /** A history of threads the operating system scheduled ({@link Scheduling#OPERATING_SYSTEM}). */
    public History(long origin, List<Event> events, long end, Slack slack, long maxSchedulingGap) {
        this(origin, events, end, slack, maxSchedulingGap, Scheduling.OPERATING_SYSTEM);
    }

    /** Whether a controlled scheduler ran it: lateness is then no verdict, only a call that never returns. */
    public boolean controlled() {
        return scheduling == Scheduling.CONTROLLED;
    }

    /** The threads in order of their first event. */
    public List<String> threads() {
        List<String> names = new ArrayList<>();
        for (Event e : events) {
            if (!names.contains(e.thread())) {
                names.add(e.thread());
            }
        }
        return names;
    }

    /** The events of one thread, in program order. */
    public List<Event> of(String thread) {
        List<Event> mine = new ArrayList<>();
        for (Event e : events) {
            if (e.thread().equals(thread)) {
                mine.add(e);
            }
        }
        return mine;
    }

    /** The event with this id. */
    public Event event(int id) {
        for (Event e : events) {
            if (e.id() == id) {
                return e;
            }
        }
        throw new IllegalArgumentException("no event " + id);
    }

    /** The history as text, every event on a line. */
    public String toText() {
        return HistoryText.print(this, -1, Integer.MAX_VALUE);
    }

    /** The history as text of at most about {@code lines} lines, kept around the event {@code focus} (an id, or -1). */
    public String toText(int focus, int lines) {
        return HistoryText.print(this, focus, lines);
    }
}
