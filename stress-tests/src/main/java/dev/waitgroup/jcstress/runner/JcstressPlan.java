package dev.waitgroup.jcstress.runner;

import dev.waitgroup.settings.Property;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How long jcstress may run, turned into jcstress options. jcstress 0.16 has no time-budget option,
 * so the budget is split over the selected implementations and spent through {@code -m}, {@code -iters}
 * and {@code -time}, with one compilation mode for all actors ({@code -sc false}) and explicit JVM
 * arguments (which switch off jcstress's flag auto-detection).
 *
 * <p>Two presets:
 * <ul>
 *   <li>{@code short} (mvn verify): sanity mode with 20 ms iterations, about 15 s per implementation
 *       on 2 cores. Samples are few: enough to show that every test runs and to catch gross bugs,
 *       not to hunt rare interleavings, so the gate does not count on it to catch specimens.</li>
 *   <li>{@code thorough} (-Pstress): quick mode with three iterations per test, the iteration time
 *       scaled to the budget between 50 ms and 1 s.</li>
 * </ul>
 * The watchdog bound of a run allows for the estimate twice, plus the stall that makes a stuck test
 * visible ({@code jcstress.stall}: no result for that long); a run resumed after a hang gets the bound
 * of the tests it has left.
 */
public final class JcstressPlan {
    /**
     * Fixed cost of one test configuration: a forked JVM, warm-up, resource estimation, and the
     * samples of the misuse tests that wait on purpose. Measured on 2 cores.
     */
    private static final double CONFIG_OVERHEAD_SECONDS = 3.0;
    private static final int THOROUGH_ITERATIONS = 3;
    private static final int MIN_TIME_MS = 50;
    private static final int MAX_TIME_MS = 1_000;

    private final String preset;
    private final List<String> options;
    private final Duration estimate;
    private final Duration stall;
    private final Duration bound;

    private JcstressPlan(String preset, List<String> options, Duration estimate, Duration stall) {
        this.preset = preset;
        this.options = List.copyOf(options);
        this.estimate = estimate;
        this.stall = stall;
        this.bound = estimate.multipliedBy(2).plus(stall);
    }

    /**
     * @param preset          {@code short} or {@code thorough}
     * @param budget          the whole jcstress part, for all implementations
     * @param stall           how long no test may finish before the run is taken as hung
     * @param implementations how many separate runs share the budget
     * @param configurations  test configurations per run (tests x JVM modes jcstress adds)
     */
    public static JcstressPlan of(String preset, Duration budget, Duration stall, int implementations,
                                  int configurations) {
        switch (preset.toLowerCase(Locale.ROOT)) {
            case "short":
                return new JcstressPlan("short", List.of("-m", "sanity", "-time", "20"),
                        Duration.ofMillis((long) (configurations * 0.6 * 1000)), stall);
            case "thorough":
                return thorough(budget, stall, implementations, configurations);
            default:
                throw new IllegalArgumentException(Property.JCSTRESS_PRESET.key() + ": unknown preset '" + preset
                        + "'; expected short or thorough");
        }
    }

    private static JcstressPlan thorough(Duration budget, Duration stall, int implementations, int configurations) {
        double perRunSeconds = budget.toMillis() / 1000.0 / Math.max(1, implementations);
        double perConfigSeconds = perRunSeconds / Math.max(1, configurations) - CONFIG_OVERHEAD_SECONDS;
        int timeMs = (int) Math.round(perConfigSeconds * 1000 / THOROUGH_ITERATIONS);
        timeMs = Math.max(MIN_TIME_MS, Math.min(MAX_TIME_MS, timeMs));
        // Four strides per epoch instead of forty: an iteration runs at least one epoch, and the
        // misuse tests whose samples wait on purpose (100 us to 2 ms each) would overrun -time tenfold.
        List<String> options = new ArrayList<>(List.of("-m", "quick", "-iters", String.valueOf(THOROUGH_ITERATIONS),
                "-time", String.valueOf(timeMs), "-strideCount", "4"));
        double estimateSeconds = configurations * (CONFIG_OVERHEAD_SECONDS + THOROUGH_ITERATIONS * timeMs / 1000.0);
        return new JcstressPlan("thorough", options, Duration.ofMillis((long) (estimateSeconds * 1000)), stall);
    }

    public String preset() {
        return preset;
    }

    /** The jcstress options that spend the budget (mode, iterations, time). */
    public List<String> options() {
        return options;
    }

    /** Expected wall time of one run. */
    public Duration estimate() {
        return estimate;
    }

    /** How long no test may finish before the watchdog takes the run as hung. */
    public Duration stall() {
        return stall;
    }

    /** When the watchdog kills a run of every test and reports its implementation as timed out. */
    public Duration bound() {
        return bound;
    }

    /**
     * The bound of a run of {@code remaining} of the {@code tests} tests (a run resumed after a hang):
     * the estimate for them twice, plus one stall.
     */
    public Duration boundFor(int remaining, int tests) {
        return estimate.multipliedBy(2L * remaining).dividedBy(Math.max(1, tests)).plus(stall);
    }

    @Override
    public String toString() {
        return preset + " " + String.join(" ", options) + " (about " + estimate.toSeconds() + " s per implementation,"
                + " killed after " + bound.toSeconds() + " s)";
    }
}
