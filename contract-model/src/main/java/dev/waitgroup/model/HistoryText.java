package dev.waitgroup.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints a history, one line per event in time order:
 * <pre>
 *     0.012 →    0.020  T1  add(1) returned
 *     0.031 →    1.102  T1  await(1, MILLISECONDS) = false
 *   101.204 →  101.230  H1  done() returned
 *     1.140 →        —  T1  await() did not return within the bound
 * </pre>
 * Times are milliseconds from the start of the run: invocation, then response. An interrupt sent
 * during a call gets a line of its own, and a call that did not return is followed by its thread's
 * stack. A long history (many rounds) is cut to the lines around the event of interest.
 */
final class HistoryText {
    private HistoryText() {
    }

    static String print(History history, int focus, int maxLines) {
        List<Event> events = history.events();
        int width = 2;
        for (Event e : events) {
            width = Math.max(width, e.thread().length());
        }
        List<String> lines = new ArrayList<>();
        int focusLine = -1;
        for (Event e : events) {
            if (e.id() == focus) {
                focusLine = lines.size();
            }
            lines.add(line(history, e, width));
            if (e.interrupt() != null) {
                InterruptDelivery d = e.interrupt();
                lines.add(String.format(Locale.ROOT, "%9s → %9s  %-" + width + "s  interrupt(%s) during the call above",
                        Describe.millis(d.sent() - history.origin()), Describe.millis(d.delivered() - history.origin()),
                        d.by(), e.thread()));
            }
            if (e.outcome() instanceof Outcome.NotReturned) {
                for (String frame : ((Outcome.NotReturned) e.outcome()).stack().split("\n")) {
                    if (!frame.isBlank()) {
                        lines.add(" ".repeat(23 + width) + "at " + frame.trim());
                    }
                }
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT,
                "history: %d events on %d threads; times in ms from the start (invoked → responded); slack %s;"
                        + " longest scheduling gap %s ms; run ended at %s ms%n",
                events.size(), history.threads().size(), history.slack(), Describe.millis(history.maxSchedulingGap()),
                Describe.millis(history.end() - history.origin())));
        if (lines.size() <= maxLines) {
            lines.forEach(l -> out.append(l).append('\n'));
            return out.toString();
        }
        int keepHead = Math.max(3, maxLines / 4);
        int around = focusLine < 0 ? lines.size() - 1 : focusLine;
        int from = Math.max(keepHead, around - maxLines / 2);
        int to = Math.min(lines.size(), from + maxLines - keepHead);
        for (int i = 0; i < keepHead; i++) {
            out.append(lines.get(i)).append('\n');
        }
        if (from > keepHead) {
            out.append(String.format(Locale.ROOT, "          … %,d lines left out …%n", from - keepHead));
        }
        for (int i = from; i < to; i++) {
            out.append(lines.get(i)).append('\n');
        }
        if (to < lines.size()) {
            out.append(String.format(Locale.ROOT, "          … %,d lines left out …%n", lines.size() - to));
        }
        return out.toString();
    }

    private static String line(History history, Event e, int width) {
        String responded = e.returned() ? Describe.millis(e.responded() - history.origin()) : "—";
        String status = "";
        if (e.operation().isAwait() && e.interruptedAfter() != null && e.interruptedAfter()) {
            status = ", interrupt status set after";
        }
        return String.format(Locale.ROOT, "%9s → %9s  %-" + width + "s  %s %s%s",
                Describe.millis(e.invoked() - history.origin()), responded, e.thread(), e.operation().text(),
                e.outcome(), status);
    }
}
