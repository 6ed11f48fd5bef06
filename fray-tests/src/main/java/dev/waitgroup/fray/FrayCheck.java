package dev.waitgroup.fray;

import dev.waitgroup.fray.history.HistoryGenerator;
import dev.waitgroup.fray.scenario.Scenario;
import dev.waitgroup.fray.scenario.Scenarios;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The two ways a Fray check explores, each a list of units that Fray runs under many schedules: the
 * seven targeted races, and histories drawn from the contract's operations.
 */
public enum FrayCheck {
    /** The seven {@link Scenarios}, in their order. */
    RACES,
    /** {@link HistoryGenerator}'s histories 0 to {@code histories - 1} of the seed, smallest first. */
    HISTORIES;

    /** {@code races} or {@code histories}, as the child JVM's {@code --check} reads it. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The units of this check, in the order they run. */
    public List<Scenario> units(int histories, long seed) {
        if (this == RACES) {
            return Scenarios.all();
        }
        List<Scenario> drawn = new ArrayList<>();
        for (int k = 0; k < histories; k++) {
            drawn.add(HistoryGenerator.draw(seed, k));
        }
        return drawn;
    }
}
