package dev.waitgroup.harness.junit;

import java.time.Duration;
import java.util.Objects;

/**
 * The two bounds of a suite that {@link JUnitSuite} runs: how long one check may take before it is
 * reported as a hang ({@code check}), and how long one implementation may spend in the suite before
 * the checks it has not reached are reported as such ({@code implementationBudget}). Each suite reads
 * its own from its properties ({@code contract.check.bound}, {@code lincheck.impl.budget}, ...).
 *
 * @param check                how long one check may take; positive
 * @param implementationBudget how long one implementation's checks may take together; positive
 */
public record SuiteBounds(Duration check, Duration implementationBudget) {
    public SuiteBounds {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(implementationBudget, "implementationBudget");
        if (check.isNegative() || check.isZero() || implementationBudget.isNegative() || implementationBudget.isZero()) {
            throw new IllegalArgumentException("bounds must be positive: " + check + ", " + implementationBudget);
        }
    }
}
