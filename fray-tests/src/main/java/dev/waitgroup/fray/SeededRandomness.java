package dev.waitgroup.fray;

import java.util.ArrayList;
import java.util.Random;
import org.pastalab.fray.core.randomness.ControlledRandom;
import org.pastalab.fray.core.randomness.Randomness;
import org.pastalab.fray.core.randomness.RandomnessProvider;

/**
 * Fray's randomness, drawn from one seed: the {@code i}-th {@link Randomness} handed out is a
 * {@link ControlledRandom} seeded with the {@code i}-th number of {@code new Random(seed)}, after
 * {@code skip} numbers were passed over. The scheduler's every choice (priorities, switch points,
 * spurious wake-ups, which waiter a signal wakes) comes from it, so a run with the same seed, skip,
 * scheduler and scenario explores the same schedules, as far as the code under test is itself
 * deterministic. (Fray's own provider seeds each iteration from the clock.) An exploration that goes
 * on after a schedule it set aside starts a new run with a larger skip.
 *
 * <p>Fray records the numbers each iteration drew ({@code random.json}); a replay feeds them back
 * ({@link FrayChild}), which is what reproduces a failure.
 */
final class SeededRandomness implements RandomnessProvider {
    private final Random seeds;

    SeededRandomness(long seed) {
        this(seed, 0);
    }

    SeededRandomness(long seed, int skip) {
        this.seeds = new Random(seed);
        for (int i = 0; i < skip; i++) {
            seeds.nextLong();
        }
    }

    @Override
    public Randomness getRandomness() {
        return new ControlledRandom(new ArrayList<>(), new ArrayList<>(), new Random(seeds.nextLong()));
    }
}
