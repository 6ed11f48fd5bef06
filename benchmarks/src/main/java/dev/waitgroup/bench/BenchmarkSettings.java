package dev.waitgroup.bench;

import dev.waitgroup.settings.Property;
import dev.waitgroup.settings.Settings;
import java.time.Duration;

/**
 * The benchmarks' own settings, read from the run's {@code bench.*} properties and {@code wg.go}
 * ({@link Property}); what every engine shares stays in {@link Settings}.
 */
final class BenchmarkSettings {
    /** JMH's budgets: {@code short} or {@code full} ({@link BenchmarkRunner}). */
    final String preset;
    /** A regular expression over benchmark names that replaces the default sets; empty: the default sets. */
    final String include;
    /** How long a benchmark may go without finishing an iteration before its forked VM is ended: 5 s to 1 h. */
    final Duration bound;
    /** The {@code go} command for Go's own benchmarks beside JMH's, or {@code none}. */
    final String goCommand;

    private BenchmarkSettings(Settings settings) {
        preset = settings.get(Property.BENCH_PRESET);
        include = settings.get(Property.BENCH_INCLUDE);
        bound = settings.get(Property.BENCH_BOUND);
        goCommand = settings.get(Property.GO_COMMAND);
    }

    /** The benchmarks' settings of a run. */
    static BenchmarkSettings of(Settings settings) {
        return new BenchmarkSettings(settings);
    }
}
