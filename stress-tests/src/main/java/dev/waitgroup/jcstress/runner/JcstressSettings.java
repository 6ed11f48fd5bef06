package dev.waitgroup.jcstress.runner;

import dev.waitgroup.settings.Property;
import dev.waitgroup.settings.Settings;
import java.time.Duration;

/**
 * The jcstress suite's own settings, read from the run's {@code jcstress.*} properties
 * ({@link Property}); what every suite shares stays in {@link Settings}.
 */
final class JcstressSettings {
    /** jcstress's time for the whole run, shared by the implementations: 1 s to 24 h. */
    final Duration budget;
    /** {@code short} or {@code thorough} ({@link JcstressPlan}). */
    final String preset;
    /** A regular expression over jcstress test class names; empty: every test. */
    final String tests;
    /**
     * How long no test may finish before the run is taken as hung: 60 s to 1 h. Never less than a
     * minute: jcstress itself waits up to max(2 x -time, 30 s) per fork before it reports a
     * termination test STALE, and the watchdog must not cut that verdict off.
     */
    final Duration stall;

    private JcstressSettings(Settings settings) {
        budget = settings.get(Property.JCSTRESS_BUDGET);
        preset = settings.get(Property.JCSTRESS_PRESET);
        tests = settings.get(Property.JCSTRESS_TESTS);
        stall = settings.get(Property.JCSTRESS_STALL);
    }

    /** The jcstress suite's settings of a run. */
    static JcstressSettings of(Settings settings) {
        return new JcstressSettings(settings);
    }
}
