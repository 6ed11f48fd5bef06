package dev.waitgroup.fray.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The scenarios, by name, in the order they run. */
public final class Scenarios {
    private static final Map<String, Scenario> ALL = new LinkedHashMap<>();

    static {
        for (Scenario scenario : List.of(new RacingDonesNearZero(), new AwaitRacesRelease(),
                new TwoWaitersOneReleaser(), new RoundsHandedOver(), new TimedAwaitGivesUp(),
                new InterruptDuringRelease(), new AddsAndDonesNearMax())) {
            ALL.put(scenario.name(), scenario);
        }
    }

    private Scenarios() {
    }

    /** Every scenario. */
    public static List<Scenario> all() {
        return List.copyOf(ALL.values());
    }

    /**
     * The scenarios a comma list names, or all of them for {@code all}.
     *
     * @throws IllegalArgumentException naming an unknown scenario and listing the known ones
     */
    public static List<Scenario> select(String names) {
        if (names == null || names.isBlank() || names.trim().equals("all")) {
            return all();
        }
        List<Scenario> chosen = new ArrayList<>();
        for (String name : names.split(",")) {
            chosen.add(named(name.trim()));
        }
        return chosen;
    }

    /** The scenario called {@code name}. */
    public static Scenario named(String name) {
        Scenario scenario = ALL.get(name);
        if (scenario == null) {
            throw new IllegalArgumentException("no scenario " + name + "; the scenarios are " + ALL.keySet());
        }
        return scenario;
    }
}
