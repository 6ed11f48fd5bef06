package dev.waitgroup.fray.history;

import java.util.ArrayList;
import java.util.List;

/**
 * The smaller histories a failing drawn history is shrunk through, boldest first: without one of its
 * threads, without one call, with an interrupted call left alone, with a smaller initial count. The
 * engine reruns each candidate under Fray with the same seed and budget, and keeps the first that
 * fails by the same rule; it stops when none does, or its time is up. A failure Fray finds
 * deterministically so shrinks to the same history every time.
 */
public final class Shrinking {
    private Shrinking() {
    }

    /** The candidates one step smaller than {@code history}, each named {@code <name>-shrunk}. */
    public static List<DrawnHistory> candidates(DrawnHistory history) {
        String name = history.name().endsWith("-shrunk") ? history.name() : history.name() + "-shrunk";
        List<List<DrawnCall>> threads = history.threads();
        List<DrawnHistory> out = new ArrayList<>();
        if (threads.size() > 1) {
            for (int t = 0; t < threads.size(); t++) {
                List<List<DrawnCall>> fewer = new ArrayList<>(threads);
                fewer.remove(t);
                out.add(new DrawnHistory(name, history.initial(), fewer));
            }
        }
        for (int t = 0; t < threads.size(); t++) {
            List<DrawnCall> calls = threads.get(t);
            for (int i = 0; i < calls.size() && calls.size() > 1; i++) {
                List<DrawnCall> shorter = new ArrayList<>(calls);
                shorter.remove(i);
                out.add(replaced(name, history, t, shorter));
            }
        }
        for (int t = 0; t < threads.size(); t++) {
            List<DrawnCall> calls = threads.get(t);
            for (int i = 0; i < calls.size(); i++) {
                if (calls.get(i).interrupted()) {
                    List<DrawnCall> plain = new ArrayList<>(calls);
                    plain.set(i, DrawnCall.of(calls.get(i).operation()));
                    out.add(replaced(name, history, t, plain));
                }
            }
        }
        if (history.initial() > 0 && history.initial() < Integer.MAX_VALUE - 1) {
            out.add(new DrawnHistory(name, history.initial() - 1, threads));
        }
        return out;
    }

    private static DrawnHistory replaced(String name, DrawnHistory history, int thread, List<DrawnCall> calls) {
        List<List<DrawnCall>> threads = new ArrayList<>(history.threads());
        threads.set(thread, calls);
        return new DrawnHistory(name, history.initial(), threads);
    }
}
