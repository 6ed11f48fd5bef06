package dev.waitgroup.harness.junit;

import dev.waitgroup.harness.Implementation;
import dev.waitgroup.harness.Implementations;
import dev.waitgroup.settings.Property;
import java.util.List;

/**
 * A check class whose instances check one implementation of the run's selection, typically a
 * {@code @ParameterizedClass} with {@code @MethodSource("dev.waitgroup.harness.junit.HarnessSubject#selected")}.
 */
public interface HarnessSubject {
    Implementation implementation();

    /**
     * The state of the group under check, as its {@code toString()} tells it: the hang evidence
     * reads "counter 1, 0 waiters". Null when the check has no single group.
     */
    default Object groupUnderCheck() {
        return null;
    }

    /** The argument source of every parameterized harness class: this test JVM's selection. */
    static List<Implementation> selected() {
        return Implementations.select(System.getProperty(Property.IMPL.key(), Property.IMPL.defaultFor(false)),
                System.getProperty(Property.CLASSPATH.key(), ""));
    }
}
