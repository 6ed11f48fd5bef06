package dev.waitgroup.contract;

import dev.waitgroup.harness.junit.SuiteBounds;
import dev.waitgroup.settings.Property;
import dev.waitgroup.settings.Settings;
import java.time.Duration;

/**
 * The contract suite's own settings, read from the run's properties ({@link Property#CONTRACT_CHECK_BOUND},
 * {@link Property#CONTRACT_IMPL_BUDGET}); what every suite shares stays in {@link Settings}.
 */
public final class ContractSettings {
    /** How long one contract check may take before it is reported as a hang: 1 s to 1 h. */
    public final Duration checkBound;
    /** How long one implementation may spend in the contract suite: 10 s to 2 h. */
    public final Duration implementationBudget;

    private ContractSettings(Settings settings) {
        checkBound = settings.get(Property.CONTRACT_CHECK_BOUND);
        implementationBudget = settings.get(Property.CONTRACT_IMPL_BUDGET);
    }

    /** The contract suite's settings of a run. */
    public static ContractSettings of(Settings settings) {
        return new ContractSettings(settings);
    }

    /** The bounds the suite's runner and its test JVMs apply. */
    public SuiteBounds bounds() {
        return new SuiteBounds(checkBound, implementationBudget);
    }
}
