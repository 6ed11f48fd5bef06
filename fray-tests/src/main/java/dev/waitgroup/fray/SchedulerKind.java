package dev.waitgroup.fray;

import java.util.Locale;

/** Fray 0.9.2's exploring schedulers that the engine offers. */
public enum SchedulerKind {
    /** Partial-order sampling: a random priority per thread, re-drawn when racing operations run (Fray's default). */
    POS,
    /** Probabilistic concurrency testing: fixed random priorities, changed at 3 random steps of a run. */
    PCT,
    /** A uniformly random runnable thread at every scheduling point. */
    RANDOM,
    /** Selectively uniform random walk (SURW): samples interleavings of racing operations uniformly. */
    SURW;

    /** The lower-case id used on command lines: {@code pos}, {@code pct}, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The scheduler with this id, case-insensitive.
     *
     * @throws IllegalArgumentException listing the known ids
     */
    public static SchedulerKind of(String id) {
        for (SchedulerKind kind : values()) {
            if (kind.id().equalsIgnoreCase(id.trim())) {
                return kind;
            }
        }
        throw new IllegalArgumentException("no Fray scheduler " + id + "; known: pos, pct, random, surw");
    }
}
