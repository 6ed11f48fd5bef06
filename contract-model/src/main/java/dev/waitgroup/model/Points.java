package dev.waitgroup.model;

import dev.waitgroup.model.Operation.Executors;
import dev.waitgroup.model.Point.Ending;
import dev.waitgroup.model.Point.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns a history's events into linearization points, with their windows and program order. */
final class Points {
    private Points() {
    }

    static List<Point> of(History history) {
        List<Point> points = new ArrayList<>();
        Map<Integer, Point> goCounted = new HashMap<>();
        Map<Integer, Event> runs = new HashMap<>();
        for (Event e : history.events()) {
            if (e.operation() instanceof Operation.RunTask) {
                runs.put(((Operation.RunTask) e.operation()).task(), e);
            }
        }
        int waiters = 0;
        for (String thread : history.threads()) {
            Point last = null;
            for (Event e : history.of(thread)) {
                List<Point> mine = new ArrayList<>();
                Operation op = e.operation();
                long i = e.invoked();
                long r = e.returned() ? e.responded() : Long.MAX_VALUE;
                if (op instanceof Operation.Add || op instanceof Operation.Done) {
                    long delta = op instanceof Operation.Add ? ((Operation.Add) op).delta() : -1;
                    mine.add(change(e, delta, i, r));
                } else if (op instanceof Operation.RunTask) {
                    Point done = change(e, -1, i, r);
                    done.after(goCounted.get(((Operation.RunTask) op).task()));
                    mine.add(done);
                } else if (op instanceof Operation.Count) {
                    Object value = ((Outcome.Returned) e.outcome()).value();
                    mine.add(new Point(Kind.READ, e, ((Integer) value).longValue(), i, r, -1, null));
                } else if (op instanceof Operation.Go) {
                    Operation.Go go = (Operation.Go) op;
                    boolean inline = go.executor() == Executors.INLINE || go.executor() == Executors.INLINE_FAILING
                            || go.executor() == Executors.REJECTING;
                    if (e.threw(IllegalStateException.class) && inline) {
                        Point count = new Point(Kind.GO_COUNT, e, 1, i, r, -1, null);
                        Point done = new Point(Kind.GO_DONE, e, -1, i, r, -1, null);
                        done.after(count);
                        mine.add(count);
                        mine.add(done);
                    } else if (e.threw(IllegalStateException.class)) {
                        mine.add(new Point(Kind.REFUSE, e, 1, i, r, -1, null));
                    } else {
                        Point counted = new Point(Kind.CHANGE, e, 1, i, r, -1, null);
                        mine.add(counted);
                        goCounted.put(go.task(), counted);
                        if (go.executor() == Executors.INLINE || go.executor() == Executors.INLINE_FAILING
                                || go.executor() == Executors.REJECTING) {
                            Point done = new Point(Kind.CHANGE, e, -1, i, r, -1, null);
                            done.after(counted);
                            mine.add(done);
                        }
                    }
                } else if (op.isAwait() && !e.threw(InterruptedException.class)) {
                    Ending ending = ending(e);
                    long endEarliest = i;
                    if (ending == Ending.TIMED_OUT) {
                        endEarliest = i + Math.max(0, Math.min(((Operation.TimedAwait) op).nanos(), r - i));
                    } else if (ending == Ending.NOT_RETURNED) {
                        endEarliest = Long.MAX_VALUE;
                    }
                    // An await reads the counter promptly: within the slack of its invocation (the run being scheduled).
                    long beginLatest = Math.min(r, i + history.slack().nanos());
                    Point begin = new Point(Kind.BEGIN, e, 0, i, beginLatest, waiters, ending);
                    Point end = new Point(Kind.END, e, 0, endEarliest, r, waiters, ending);
                    end.after(begin);
                    waiters++;
                    mine.add(begin);
                    mine.add(end);
                }
                if (!mine.isEmpty()) {
                    mine.get(0).after(last);
                    points.addAll(mine);
                    last = mine.get(mine.size() - 1);
                }
            }
        }
        return points;
    }

    private static Point change(Event e, long delta, long i, long r) {
        Kind kind = e.threw(IllegalStateException.class) ? Kind.REFUSE : Kind.CHANGE;
        return new Point(kind, e, delta, i, r, -1, null);
    }

    private static Ending ending(Event e) {
        if (!e.returned()) {
            return Ending.NOT_RETURNED;
        }
        if (e.threw(IllegalStateException.class)) {
            return Ending.THREW_ILLEGAL_STATE;
        }
        Object value = ((Outcome.Returned) e.outcome()).value();
        return Boolean.FALSE.equals(value) ? Ending.TIMED_OUT : Ending.RETURNED;
    }
}
