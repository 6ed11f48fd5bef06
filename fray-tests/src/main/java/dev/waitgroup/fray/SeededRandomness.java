package dev.waitgroup.fray;

import java.util.ArrayList;
import java.util.Random;
import org.pastalab.fray.core.randomness.ControlledRandom;
import org.pastalab.fray.core.randomness.Randomness;
import org.pastalab.fray.core.randomness.RandomnessProvider;

/**
 * Fray's randomness, drawn from one seed: iteration {@code i} of a run gets a {@link ControlledRandom}
 * seeded with the {@code i}-th number of {@code new Random(seed)}. The scheduler's every choice
 * (priorities, switch points, spurious wake-ups, which waiter a signal wakes) comes from it, so a run
 * with the same seed, scheduler and scenario explores the same schedules, as far as the code under test
 * is itself deterministic. Fray's own provider seeds each iteration from the clock.
 *
 * <p>Fray records the numbers each iteration drew ({@code random.json}); replaying feeds them back
 * ({@link FrayChild}), which is what reproduces a failure.
 */
final class SeededRandomness implements RandomnessProvider {
    private final Random seeds;

    SeededRandomness(long seed) {
        this.seeds = new Random(seed);
    }

    @Override
    public Randomness getRandomness() {
        return new ControlledRandom(new ArrayList<>(), new ArrayList<>(), new Random(seeds.nextLong()));
    }
}
