package dev.waitgroup.jcstress.runner;

import dev.waitgroup.settings.Property;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How long jcstress may run, turned into jcstress options. jcstress 0.16 has no time-budget option,
 * so the budget is split over every test configuration of the run (each test, on each implementation
 * that meets it, in each JVM mode jcstress adds) and spent through {@code -m}, {@code -iters} and
 * {@code -time}, with one compilation mode for all actors ({@code -sc false}) and explicit JVM arguments
 * (which switch off jcstress's flag auto-detection).
 *
 * <p>Two presets:
 * <ul>
 *   <li>{@code short} (mvn verify): sanity mode with 20 ms iterations, about 0.6 s per configuration
 *       on 2 cores whatever the budget. Samples are few: enough to show that every test runs and to
 *       catch gross bugs, not to hunt rare interleavings, so the gate does not count on it to catch
 *       specimens.</li>
 *   <li>{@code thorough} (-Pstress): quick mode with three iterations per test, the iteration time
 *       scaled to the budget between 50 ms and 1 s. Each configuration also costs a fixed
 *       {@value #CONFIG_OVERHEAD_SECONDS} s (a forked JVM, warm-up, resource estimation), so a budget
 *       below that floor is overrun, and the plan says by how much.</li>
 * </ul>
 * The watchdog bound of a run allows for the estimate of its configurations twice, plus the stall that
 * makes a stuck test visible ({@code jcstress.stall}: no result for that long); a run resumed after a
 * hang gets the bound of the configurations it has left.
 */
public final class JcstressPlan {
    /**
     * Fixed cost of one test configuration: a forked JVM, warm-up, resource estimation, and the
     * samples of the misuse tests that wait on purpose. Measured on 2 cores.
     */
    private static final double CONFIG_OVERHEAD_SECONDS = 3.0;
    private static final double SANITY_SECONDS_PER_CONFIG = 0.6;
    private static final int THOROUGH_ITERATIONS = 3;
    private static final int MIN_TIME_MS = 50;
    private static final int MAX_TIME_MS = 1_000;

    private final String preset;
    private final List<String> options;
    private final Duration perConfiguration;
    private final int configurations;
    private final Duration budget;
    private final Duration stall;

    private JcstressPlan(String preset, List<String> options, Duration perConfiguration, int configurations,
                         Duration budget, Duration stall) {
        this.preset = preset;
        this.options = List.copyOf(options);
        this.perConfiguration = perConfiguration;
        this.configurations = configurations;
        this.budget = budget;
        this.stall = stall;
    }

    /**
     * @param preset         {@code short} or {@code thorough}
     * @param budget         the whole jcstress part, for all implementations
     * @param stall          how long no test may finish before the run is taken as hung
     * @param configurations every test configuration of the run: the tests each implementation meets,
     *                       summed over the implementations, times the JVM modes jcstress adds
     */
    public static JcstressPlan of(String preset, Duration budget, Duration stall, int configurations) {
        int all = Math.max(1, configurations);
        switch (preset.toLowerCase(Locale.ROOT)) {
            case "short":
                return new JcstressPlan("short", List.of("-m", "sanity", "-time", "20"),
                        Duration.ofMillis((long) (SANITY_SECONDS_PER_CONFIG * 1000)), all, budget, stall);
            case "thorough":
                return thorough(budget, stall, all);
            default:
                throw new IllegalArgumentException(Property.JCSTRESS_PRESET.key() + ": unknown preset '" + preset
                        + "'; expected short or thorough");
        }
    }

    private static JcstressPlan thorough(Duration budget, Duration stall, int configurations) {
        double perConfigSeconds = budget.toMillis() / 1000.0 / configurations - CONFIG_OVERHEAD_SECONDS;
        int timeMs = (int) Math.round(perConfigSeconds * 1000 / THOROUGH_ITERATIONS);
        timeMs = Math.max(MIN_TIME_MS, Math.min(MAX_TIME_MS, timeMs));
        // Four strides per epoch instead of forty: an iteration runs at least one epoch, and the
        // misuse tests whose samples wait on purpose (100 us to 2 ms each) would overrun -time tenfold.
        List<String> options = new ArrayList<>(List.of("-m", "quick", "-iters", String.valueOf(THOROUGH_ITERATIONS),
                "-time", String.valueOf(timeMs), "-strideCount", "4"));
        double perConfig = CONFIG_OVERHEAD_SECONDS + THOROUGH_ITERATIONS * timeMs / 1000.0;
        return new JcstressPlan("thorough", options, Duration.ofMillis((long) (perConfig * 1000)), configurations,
                budget, stall);
    }

    public String preset() {
        return preset;
    }

    /** The jcstress options that spend the budget (mode, iterations, time). */
    public List<String> options() {
        return options;
    }

    /** Expected wall time of a run of {@code configurations} test configurations. */
    public Duration estimateFor(int configurations) {
        return perConfiguration.multipliedBy(configurations);
    }

    /** Expected wall time of the whole jcstress part: every configuration of the run. */
    public Duration estimate() {
        return estimateFor(configurations);
    }

    /** How long no test may finish before the watchdog takes the run as hung. */
    public Duration stall() {
        return stall;
    }

    /**
     * When the watchdog kills a run of {@code configurations} test configurations (a whole
     * implementation's, or what a run resumed after a hang has left) and reports it as timed out: its
     * estimate twice, plus one stall. Two hanging tests cost two stalls, one per run, and never eat the
     * bound of the tests after them.
     */
    public Duration boundFor(int configurations) {
        return estimateFor(configurations).multipliedBy(2).plus(stall);
    }

    @Override
    public String toString() {
        long perConfigMillis = perConfiguration.toMillis();
        String whole = configurations + " test configurations, about " + perConfigMillis / 1000 + "."
                + perConfigMillis % 1000 / 100 + " s each: " + minutes(estimate()) + " in all";
        boolean overrun = preset.equals("thorough") && estimate().compareTo(budget.plusSeconds(30)) > 0;
        return preset + " " + String.join(" ", options) + " (" + whole
                + (overrun ? ", over the budget of " + minutes(budget) + ": each configuration costs "
                + CONFIG_OVERHEAD_SECONDS + " s before its shortest iterations" : "")
                + "; a run is killed after twice its estimate plus " + stall.toSeconds() + " s)";
    }

    private static String minutes(Duration d) {
        long seconds = d.toSeconds();
        return seconds < 120 ? seconds + " s" : seconds / 60 + " min " + seconds % 60 + " s";
    }
}
