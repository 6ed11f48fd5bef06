package dev.waitgroup.model;

import dev.waitgroup.catalogue.ReuseBehaviour;
import dev.waitgroup.model.Point.Ending;
import dev.waitgroup.model.Point.Kind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Looks for an order of a history's linearization points that the contract explains: each point at
 * an instant of its window, every point before any point whose window starts after its own window
 * ended (real-time order), program order kept, and at each point the rule of its kind holding for the
 * counter and the waiters as the points before it left them.
 *
 * <p>Waiters are followed from the point where they begin to the point where they end, through four
 * phases: <i>waiting</i> (the counter was non-zero when it began), <i>passed</i> (it was zero),
 * <i>released</i> (its round ended since), and <i>reused</i> (a new round opened after its round ended,
 * while it had not returned: misuse, judged by the group's documented {@link ReuseBehaviour}). A waiter
 * that is released (or passed) is <i>obliged</i> to return within the slack from the moment the
 * release surely happened (its response time). After a misuse, a group that detects reuse (as Go
 * panics) is held to nothing more for the waiters of the ended round, and any later await may throw
 * its {@code IllegalStateException}: in Go's algorithm a woken waiter's permit can be taken by a
 * waiter of the new round, which then finds the reuse, while the old waiter times out or waits on.
 *
 * <p>The search is a depth-first search with memoization of visited states (the points placed, the
 * waiters' phases and obligations), split at quiescent cuts: where every point so far has surely
 * happened before every point after, only the counter carries over. At this size (a few threads,
 * tens of operations at a time) brute force is fast. When no order exists, the failure reported is the
 * one of the explanation that got furthest, at its earliest operation.
 */
final class LinearizationSearch {
    private static final byte WAITING = 0;
    private static final byte PASSED = 1;
    private static final byte RELEASED = 2;
    private static final byte REUSED = 3;
    private static final long NONE = Long.MIN_VALUE;

    private final History history;
    private final ReuseBehaviour reuse;
    private final long slack;
    private Failure deepest;
    private long placedBefore;

    LinearizationSearch(History history, ReuseBehaviour reuse) {
        this.history = history;
        this.reuse = reuse;
        this.slack = history.slack().nanos();
    }

    /** The violation if no order explains the history. */
    Optional<Verdict.Violation> run() {
        List<Point> all = Points.of(history);
        all.sort(Comparator.comparingLong((Point p) -> p.earliest).thenComparingInt(p -> p.event.id())
                .thenComparing(p -> p.kind));
        // A cut must not separate the points of one operation (an await's begin from its end).
        java.util.Map<Event, Long> extent = new java.util.HashMap<>();
        for (Point p : all) {
            extent.merge(p.event, p.latest, Math::max);
        }
        long counter = 0;
        int from = 0;
        int segment = 0;
        while (from < all.size()) {
            int to = from + 1;
            long maxLatest = extent.get(all.get(from).event);
            while (to < all.size() && all.get(to).earliest <= maxLatest) {
                maxLatest = Math.max(maxLatest, extent.get(all.get(to).event));
                to++;
            }
            List<Point> points = all.subList(from, to);
            for (int i = 0; i < points.size(); i++) {
                points.get(i).index = i;
                points.get(i).segment = segment;
            }
            Long next = search(points.toArray(new Point[0]), segment, counter);
            if (next == null) {
                return Optional.of(deepest == null
                        ? new Verdict.Violation(Rule.AWAIT_ON_ZERO, points.get(0).event.id(),
                        "no order of the operations consistent with their times explains " + points.get(0).event.name())
                        : deepest.violation);
            }
            counter = next;
            placedBefore += points.size();
            from = to;
            segment++;
        }
        return Optional.empty();
    }

    private Long search(Point[] points, int segment, long counter) {
        Set<State> visited = new HashSet<>();
        Deque<Frame> path = new ArrayDeque<>();
        State root = new State(0, new int[0], counter, NONE, new int[0], new byte[0], new long[0]);
        path.push(new Frame(root, candidates(points, segment, root)));
        while (!path.isEmpty()) {
            Frame frame = path.peek();
            if (frame.state.prefix == points.length) {
                return frame.state.counter;
            }
            if (frame.next == frame.candidates.length) {
                path.pop();
                continue;
            }
            int candidate = frame.candidates[frame.next++];
            Point p = points[candidate >> 1];
            State next = apply(frame.state, p, candidate & 1, placedBefore + frame.state.placedCount());
            if (next == null) {
                continue;
            }
            int[] candidates = candidates(points, segment, next);
            if (candidates.length > 1 && !visited.add(next)) {
                continue;
            }
            path.push(new Frame(next, candidates));
        }
        return null;
    }

    /** The points that may come next: predecessors placed, and no unplaced point surely before them. */
    private static int[] candidates(Point[] points, int segment, State s) {
        long min1 = Long.MAX_VALUE;
        long min2 = Long.MAX_VALUE;
        int minIndex = -1;
        for (int i = s.prefix; i < points.length; i++) {
            if (s.placed(i)) {
                continue;
            }
            Point p = points[i];
            if (p.earliest > min2) {
                break;
            }
            if (p.latest < min1) {
                min2 = min1;
                min1 = p.latest;
                minIndex = i;
            } else if (p.latest < min2) {
                min2 = p.latest;
            }
        }
        int[] found = new int[4];
        int count = 0;
        for (int i = s.prefix; i < points.length; i++) {
            if (s.placed(i)) {
                continue;
            }
            Point p = points[i];
            if (p.earliest > min2) {
                break;
            }
            long bound = i == minIndex ? min2 : min1;
            if (p.earliest <= bound && predecessorsPlaced(p, segment, s)) {
                int variants = p.kind == Kind.GO_COUNT ? 2 : 1;
                for (int v = 0; v < variants; v++) {
                    if (count == found.length) {
                        found = Arrays.copyOf(found, count * 2);
                    }
                    found[count++] = i << 1 | v;
                }
            }
        }
        return Arrays.copyOf(found, count);
    }

    private static boolean predecessorsPlaced(Point p, int segment, State s) {
        for (Point q : p.before) {
            if (q.segment == segment && !s.placed(q.index)) {
                return false;
            }
        }
        return true;
    }

    private State apply(State s, Point p, int variant, long depth) {
        Event e = p.event;
        switch (p.kind) {
            case GO_COUNT: {
                State next = variant == 0 ? change(s, p, depth) : refuse(s, p, depth);
                if (next != null && variant == 0) {
                    next.applied = with(next.applied, e.id());
                }
                return next;
            }
            case GO_DONE: {
                if (Arrays.binarySearch(s.applied, e.id()) < 0) {
                    return s.with(p, s.counter, s.lastChange);
                }
                if (SequentialWaitGroup.fits(s.counter, -1)) {
                    return fail(depth, Rule.COUNTER_RANGE, e, e.name() + " " + e.outcome() + " although its add(1) and"
                            + " its task's done() were both within 0..Integer.MAX_VALUE (the counter was " + s.counter + ")");
                }
                State next = s.with(p, s.counter, s.lastChange);
                next.applied = without(next.applied, e.id());
                return next;
            }
            case CHANGE:
                return change(s, p, depth);
            case REFUSE:
                return refuse(s, p, depth);
            default:
                return observe(s, p, depth);
        }
    }

    private static int[] with(int[] ids, int id) {
        int[] more = Arrays.copyOf(ids, ids.length + 1);
        more[ids.length] = id;
        Arrays.sort(more);
        return more;
    }

    private static int[] without(int[] ids, int id) {
        int[] fewer = new int[ids.length - 1];
        int k = 0;
        for (int x : ids) {
            if (x != id) {
                fewer[k++] = x;
            }
        }
        return fewer;
    }

    private State change(State s, Point p, long depth) {
        Event e = p.event;
        if (!SequentialWaitGroup.fits(s.counter, p.delta)) {
            return fail(depth, Rule.COUNTER_RANGE, e, e.name() + " returned normally although the counter was "
                    + s.counter + ": " + s.counter + " + (" + Describe.integer(p.delta) + ") leaves 0..Integer.MAX_VALUE,"
                    + " so it had to throw IllegalStateException and change nothing");
        }
        State next = s.with(p, s.counter + p.delta, p.latest);
        if (s.counter == 0 && p.delta > 0) {
            next.openRound(mayWaitForNewRound());
        }
        if (SequentialWaitGroup.releases(s.counter, p.delta)) {
            next.endRound(p.latest);
        }
        return next;
    }

    private State refuse(State s, Point p, long depth) {
        Event e = p.event;
        if (!SequentialWaitGroup.fits(s.counter, p.delta)) {
            return s.with(p, s.counter, s.lastChange);
        }
        if (p.delta > 0 && s.counter == 0 && s.hasEndedRoundWaiter()) {
            if (mayThrowOnReuse()) {
                return s.with(p, s.counter, s.lastChange);
            }
            return fail(depth, Rule.REUSE, e, e.name() + " threw IllegalStateException when it opened a round before"
                    + " every await of the previous one had returned, but the group documents: " + reuse.description());
        }
        return fail(depth, Rule.COUNTER_RANGE, e, e.name() + " " + e.outcome() + " although the counter was "
                + s.counter + " and " + s.counter + " + (" + Describe.integer(p.delta) + ") is within 0..Integer.MAX_VALUE");
    }

    private State observe(State s, Point p, long depth) {
        Event e = p.event;
        switch (p.kind) {
            case READ:
                if (s.counter != p.delta) {
                    return fail(depth, Rule.COUNT_VALUE, e, e.name() + " returned " + p.delta + ", but the counter was "
                            + s.counter + " during the call");
                }
                return s.with(p, s.counter, s.lastChange);
            case BEGIN: {
                State next = s.with(p, s.counter, s.lastChange);
                if (s.counter == 0) {
                    next.addWaiter(p.waiter, PASSED, Math.max(e.invoked(), s.lastChange));
                } else {
                    next.addWaiter(p.waiter, WAITING, NONE);
                }
                return next;
            }
            default:
                return end(s, p, depth);
        }
    }

    private State end(State s, Point p, long depth) {
        Event e = p.event;
        int w = s.waiterSlot(p.waiter);
        byte phase = s.phases[w];
        long obliged = s.obliged[w];
        String roundEnded = phase == PASSED ? "the counter was zero at " + ms(obliged)
                : "its round ended at " + ms(obliged);
        switch (p.ending) {
            case RETURNED:
                if (phase == WAITING) {
                    return fail(depth, Rule.AWAIT_ON_ZERO, e, e.name() + " " + e.outcome() + " although the counter was"
                            + " never zero during the call (it was " + s.counter + ")");
                }
                if (obliged != NONE && !history.controlled() && obliged + slack < e.responded()) {
                    return fail(depth, Rule.RELEASE, e, e.name() + " returned at " + ms(e.responded()) + " ms, but "
                            + roundEnded + " ms: later than the slack of " + history.slack());
                }
                break;
            case TIMED_OUT:
                if (phase == PASSED) {
                    return fail(depth, Rule.TIMEOUT_TRUE, e, e.name() + " returned false although the counter was zero"
                            + " when it began");
                }
                // On real threads a released waiter is owed a return within the slack of its release, as
                // for an untimed await: a deadline that falls inside that slack may be found first (the
                // JDK's AQS does so: a timed waiter behind another in its queue gives up at its deadline
                // without looking at the state, while the waiter ahead of it has not yet run).
                if (phase == RELEASED && (history.controlled() || obliged + slack < p.earliest)) {
                    return fail(depth, Rule.TIMEOUT_TRUE, e, e.name() + " returned false although " + roundEnded
                            + " ms, " + (history.controlled() ? "" : "more than the slack of " + history.slack()
                            + " ") + "before its deadline (at the earliest " + ms(p.earliest) + " ms)");
                }
                if (phase == REUSED && !mayWaitForNewRound() && !mayThrowOnReuse()) {
                    return fail(depth, Rule.REUSE, e, e.name() + " returned false after " + roundEnded + " ms and a new"
                            + " round opened; the group documents: " + reuse.description());
                }
                break;
            case THREW_ILLEGAL_STATE:
                if (phase != REUSED && !(s.misused && mayThrowOnReuse())) {
                    return fail(depth, Rule.EXCEPTION, e, e.name() + " " + e.outcome() + ", but the group was not reused"
                            + " while it waited");
                }
                if (!mayThrowOnReuse()) {
                    return fail(depth, Rule.REUSE, e, e.name() + " " + e.outcome() + " on reuse, but the group documents: "
                            + reuse.description());
                }
                break;
            default:
                if (phase == REUSED && (mayWaitForNewRound() || mayThrowOnReuse()) || phase == WAITING) {
                    break;
                }
                if (obliged != NONE && (history.controlled() || obliged + slack < history.end())) {
                    Rule rule = phase == REUSED ? Rule.REUSE : Rule.RELEASE;
                    return fail(depth, rule, e, e.name() + " did not return, although " + roundEnded + " ms"
                            + (phase == REUSED ? " (a new round opened before it returned; the group documents: "
                            + reuse.description() + ")" : "") + (history.controlled()
                            ? "; the run ended in a deadlock: it never returned" : "; the run gave up at "
                            + ms(history.end()) + " ms"));
                }
                break;
        }
        State next = s.with(p, s.counter, s.lastChange);
        next.removeWaiter(p.waiter);
        return next;
    }

    private boolean mayWaitForNewRound() {
        return reuse == ReuseBehaviour.WAITS_FOR_NEW_ROUND || reuse == ReuseBehaviour.UNKNOWN;
    }

    private boolean mayThrowOnReuse() {
        return reuse == ReuseBehaviour.DETECTS_AND_THROWS || reuse == ReuseBehaviour.UNKNOWN;
    }

    private String ms(long time) {
        return Describe.millis(time - history.origin());
    }

    private State fail(long depth, Rule rule, Event e, String sentence) {
        if (deepest == null || depth > deepest.depth
                || depth == deepest.depth && e.invoked() < history.event(deepest.violation.event()).invoked()) {
            deepest = new Failure(depth, new Verdict.Violation(rule, e.id(), sentence));
        }
        return null;
    }

    private static final class Failure {
        final long depth;
        final Verdict.Violation violation;

        Failure(long depth, Verdict.Violation violation) {
            this.depth = depth;
            this.violation = violation;
        }
    }

    private static final class Frame {
        final State state;
        final int[] candidates;
        int next;

        Frame(State state, int[] candidates) {
            this.state = state;
            this.candidates = candidates;
        }
    }

    /**
     * Where a search stands: the points placed (all below {@code prefix}, and {@code extras} above it),
     * the counter, the response time of the last change, and the waiters that have begun and not ended.
     */
    private static final class State {
        final int prefix;
        final int[] extras;
        final long counter;
        final long lastChange;
        int[] waiters;
        byte[] phases;
        long[] obliged;
        /** Ids of the go events (that threw) whose add(1) this order applied. */
        int[] applied = new int[0];
        /** Whether a round has opened while a waiter of the previous one had not returned (misuse). */
        boolean misused;

        State(int prefix, int[] extras, long counter, long lastChange, int[] waiters, byte[] phases, long[] obliged) {
            this.prefix = prefix;
            this.extras = extras;
            this.counter = counter;
            this.lastChange = lastChange;
            this.waiters = waiters;
            this.phases = phases;
            this.obliged = obliged;
        }

        boolean placed(int index) {
            return index < prefix || Arrays.binarySearch(extras, index) >= 0;
        }

        int placedCount() {
            return prefix + extras.length;
        }

        State with(Point p, long newCounter, long newLastChange) {
            int newPrefix = prefix;
            int[] newExtras;
            if (p.index == prefix) {
                newPrefix++;
                int k = 0;
                while (k < extras.length && extras[k] == newPrefix) {
                    newPrefix++;
                    k++;
                }
                newExtras = Arrays.copyOfRange(extras, k, extras.length);
            } else {
                newExtras = Arrays.copyOf(extras, extras.length + 1);
                newExtras[extras.length] = p.index;
                Arrays.sort(newExtras);
            }
            State next = new State(newPrefix, newExtras, newCounter, newLastChange, waiters.clone(), phases.clone(),
                    obliged.clone());
            next.applied = applied;
            next.misused = misused;
            return next;
        }

        void addWaiter(int waiter, byte phase, long since) {
            int n = waiters.length;
            waiters = Arrays.copyOf(waiters, n + 1);
            phases = Arrays.copyOf(phases, n + 1);
            obliged = Arrays.copyOf(obliged, n + 1);
            waiters[n] = waiter;
            phases[n] = phase;
            obliged[n] = since;
        }

        int waiterSlot(int waiter) {
            for (int i = 0; i < waiters.length; i++) {
                if (waiters[i] == waiter) {
                    return i;
                }
            }
            throw new IllegalStateException("waiter " + waiter + " has not begun");
        }

        void removeWaiter(int waiter) {
            int i = waiterSlot(waiter);
            int n = waiters.length - 1;
            waiters[i] = waiters[n];
            phases[i] = phases[n];
            obliged[i] = obliged[n];
            waiters = Arrays.copyOf(waiters, n);
            phases = Arrays.copyOf(phases, n);
            obliged = Arrays.copyOf(obliged, n);
        }

        boolean hasEndedRoundWaiter() {
            for (byte phase : phases) {
                if (phase == RELEASED || phase == REUSED) {
                    return true;
                }
            }
            return false;
        }

        void openRound(boolean mayWaitForNewRound) {
            for (int i = 0; i < phases.length; i++) {
                if (phases[i] == RELEASED) {
                    misused = true;
                    phases[i] = REUSED;
                    if (mayWaitForNewRound) {
                        obliged[i] = NONE;
                    }
                }
            }
        }

        void endRound(long releasedBy) {
            for (int i = 0; i < phases.length; i++) {
                if (phases[i] == WAITING || phases[i] == REUSED) {
                    phases[i] = RELEASED;
                    if (obliged[i] == NONE) {
                        obliged[i] = releasedBy;
                    }
                }
            }
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof State)) {
                return false;
            }
            State other = (State) o;
            if (prefix != other.prefix || counter != other.counter || lastChange != other.lastChange
                    || misused != other.misused || !Arrays.equals(extras, other.extras) || !Arrays.equals(applied, other.applied)
                    || waiters.length != other.waiters.length) {
                return false;
            }
            for (int i = 0; i < waiters.length; i++) {
                int j = other.slotOrMinus(waiters[i]);
                if (j < 0 || phases[i] != other.phases[j] || obliged[i] != other.obliged[j]) {
                    return false;
                }
            }
            return true;
        }

        private int slotOrMinus(int waiter) {
            for (int i = 0; i < waiters.length; i++) {
                if (waiters[i] == waiter) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        public int hashCode() {
            int h = prefix * 31 + Arrays.hashCode(extras) + 7 * Arrays.hashCode(applied);
            h = h * 31 + Long.hashCode(counter);
            h = h * 31 + Long.hashCode(lastChange);
            for (int i = 0; i < waiters.length; i++) {
                h += (waiters[i] * 17 + phases[i]) ^ Long.hashCode(obliged[i]);
            }
            return h;
        }
    }

    static List<Point> pointsForTest(History history) {
        return new ArrayList<>(Points.of(history));
    }
}
