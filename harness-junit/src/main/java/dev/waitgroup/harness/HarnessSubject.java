package dev.waitgroup.harness;

import dev.waitgroup.Implementation;
import dev.waitgroup.Implementations;
import java.util.List;

/**
 * A test class whose instances check one implementation of the run's {@code wg.impl} selection,
 * typically a {@code @ParameterizedClass} with
 * {@code @MethodSource("dev.waitgroup.harness.HarnessSubject#selected")}.
 */
public interface HarnessSubject {
    Implementation implementation();

    /** The argument source of every parameterized harness class. */
    static List<Implementation> selected() {
        return Implementations.selected();
    }
}
