package dev.waitgroup.model;

/**
 * A linearization point: an instant, somewhere in {@code [earliest, latest]}, at which part of an
 * operation takes effect. An add is one point; a {@code go} is two (its {@code add(1)}, and the
 * task's {@code done()}); an await is two, where it begins (reads the counter) and where it ends
 * (returns, gives up, or, for a call that never returned, the end of the run).
 */
final class Point {
    enum Kind {
        /** A delta applied to the counter. */
        CHANGE,
        /** A delta refused with IllegalStateException: no change. */
        REFUSE,
        /** count() read the counter. */
        READ,
        /** An await read the counter and began waiting, or passed. */
        BEGIN,
        /** An await ended: its outcome is judged against what happened since it began. */
        END,
        /**
         * The add(1) of a go that threw IllegalStateException: either it was refused, or it was applied and the
         * task's done() was refused (another thread's decrement got in between). Two variants, tried both.
         */
        GO_COUNT,
        /** The task's done() of such a go: refused if the go's add(1) was applied, nothing otherwise. */
        GO_DONE
    }

    /** How an await ended. */
    enum Ending {
        RETURNED, TIMED_OUT, THREW_ILLEGAL_STATE, NOT_RETURNED
    }

    final Kind kind;
    final Event event;
    final long delta;
    final long earliest;
    final long latest;
    /** For BEGIN and END: the await's number among the history's awaits. */
    final int waiter;
    final Ending ending;
    /** Points that must come before this one (program order, and a task's run after its go). */
    Point[] before = new Point[0];
    /** Position in the segment's order by earliest instant. */
    int index;
    int segment = -1;

    Point(Kind kind, Event event, long delta, long earliest, long latest, int waiter, Ending ending) {
        this.kind = kind;
        this.event = event;
        this.delta = delta;
        this.earliest = earliest;
        this.latest = latest;
        this.waiter = waiter;
        this.ending = ending;
    }

    void after(Point p) {
        if (p == null) {
            return;
        }
        Point[] more = java.util.Arrays.copyOf(before, before.length + 1);
        more[before.length] = p;
        before = more;
    }

    @Override
    public String toString() {
        return kind + " " + event.name() + (kind == Kind.CHANGE || kind == Kind.REFUSE ? " " + delta : "");
    }
}
