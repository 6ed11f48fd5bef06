package dev.waitgroup.mutation;

import dev.waitgroup.settings.Property;
import dev.waitgroup.settings.Settings;
import java.time.Duration;

/**
 * The mutation run's own settings, read from the run's {@code mutation.*} properties ({@link Property});
 * what every engine shares stays in {@link Settings}.
 */
final class MutationSettings {
    /** How long PIT may take for one implementation: 1 min to 2 h. */
    final Duration budget;
    /** Source folders of the mutated classes, separated by the path separator or commas; empty: wg-impl's. */
    final String sources;

    private MutationSettings(Settings settings) {
        budget = settings.get(Property.MUTATION_IMPL_BUDGET);
        sources = settings.get(Property.MUTATION_SOURCES);
    }

    /** The mutation run's settings of a run. */
    static MutationSettings of(Settings settings) {
        return new MutationSettings(settings);
    }
}
