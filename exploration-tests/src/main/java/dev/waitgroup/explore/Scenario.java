package dev.waitgroup.explore;

import java.util.ArrayList;
import java.util.List;

/**
 * What to run: the steps of each driver thread ({@code T1}, {@code T2}, ...), all started together on
 * one fresh group. One driver makes a sequential scenario (with helper actions around it); two or
 * three make a small concurrent one. Scenarios are values: generated from a seed, shrunk, replayed.
 */
public record Scenario(List<List<Step>> threads) {
    public Scenario {
        List<List<Step>> copy = new ArrayList<>();
        for (List<Step> steps : threads) {
            copy.add(List.copyOf(steps));
        }
        threads = List.copyOf(copy);
    }

    /** The number of steps over all threads. */
    public int size() {
        int n = 0;
        for (List<Step> steps : threads) {
            n += steps.size();
        }
        return n;
    }

    /** One line per step, by thread. */
    public String text() {
        StringBuilder s = new StringBuilder();
        for (int t = 0; t < threads.size(); t++) {
            s.append("T").append(t + 1).append(':');
            for (Step step : threads.get(t)) {
                s.append("\n    ").append(step.text());
            }
            s.append('\n');
        }
        return s.toString();
    }
}
