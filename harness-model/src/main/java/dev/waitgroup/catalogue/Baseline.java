package dev.waitgroup.catalogue;

import java.util.Optional;

/**
 * The JDK baselines of the benchmarks: the same work as a {@link Benchmark} done with a JDK class
 * instead of a WaitGroup, measured in the same run, so that a WaitGroup's figure has a floor beside
 * it. A baseline is a JMH class of the {@code benchmarks} module named {@link #className()}; its
 * methods are named after the benchmarks they stand beside, and each benchmark names the baselines
 * that run it ({@link Benchmark#baselines()}).
 */
public enum Baseline {
    ATOMIC_INTEGER("AtomicInteger", "The floor for add/done: the same counting with a bare AtomicInteger, no"
            + " refusals, no waiters."),
    COUNT_DOWN_LATCH("CountDownLatch", "The JDK's one-shot answer, where its shape fits: a fresh latch per round"
            + " (it cannot be reused) for ActuallyWait and the hand-off, and await() on a latch already at zero. Its"
            + " ActuallyWait (and the variant whose waiter is a virtual thread too) is the floor of Go's round in"
            + " Java: start a task on a new thread (virtual on 21+), wait for it."),
    PHASER("Phaser", "A raw Phaser used as a WaitGroup: a task is a party (register, then arriveAndDeregister);"
            + " one extra party keeps the shared phaser from terminating.");

    private final String label;
    private final String what;

    Baseline(String label, String what) {
        this.label = label;
        this.what = what;
    }

    /** The name the report gives this baseline, where it names an implementation: {@code AtomicInteger}. */
    public String label() {
        return label;
    }

    /** The simple name of the JMH class that measures this baseline: {@code AtomicIntegerBaseline}. */
    public String className() {
        return label + "Baseline";
    }

    /** What this baseline does in place of a WaitGroup, in a sentence or two a reader of the report reads. */
    public String what() {
        return what;
    }

    /** The baseline measured by the JMH class of this simple name; empty for any other class. */
    public static Optional<Baseline> ofClass(String simpleName) {
        for (Baseline baseline : values()) {
            if (baseline.className().equals(simpleName)) {
                return Optional.of(baseline);
            }
        }
        return Optional.empty();
    }

    /** The baseline the report names {@code label}; empty for any other name. */
    public static Optional<Baseline> ofLabel(String label) {
        for (Baseline baseline : values()) {
            if (baseline.label.equals(label)) {
                return Optional.of(baseline);
            }
        }
        return Optional.empty();
    }
}
