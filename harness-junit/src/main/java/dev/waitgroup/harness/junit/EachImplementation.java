package dev.waitgroup.harness.junit;

import dev.waitgroup.harness.Implementation;
import org.junit.jupiter.params.Parameter;

/**
 * Base of a check class that runs once per implementation of the selection: annotate the
 * subclass with
 * <pre>{@code
 * @ParameterizedClass(name = "{0}")
 * @MethodSource("dev.waitgroup.harness.junit.HarnessSubject#selected")
 * @ExtendWith(CheckRecorder.class)
 * }</pre>
 * and JUnit injects each implementation in turn.
 */
public abstract class EachImplementation implements HarnessSubject {
    @Parameter
    public Implementation implementation;

    @Override
    public Implementation implementation() {
        return implementation;
    }
}
