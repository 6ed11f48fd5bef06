package dev.waitgroup.jcstress;

import dev.waitgroup.ErrorGroup;
import dev.waitgroup.WaitGroup;
import dev.waitgroup.harness.ExitWitness;
import dev.waitgroup.harness.Implementation;
import dev.waitgroup.harness.Implementations;
import dev.waitgroup.settings.Property;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The WaitGroup under test in this JVM, and the bounded operations the tests use on it.
 *
 * <p>A jcstress run checks exactly one implementation: the one {@code -Dwg.impl} names in the forked
 * test VMs. {@code JcstressSuite} starts one run per selected implementation.
 *
 * <p>Normal-mode actors never block without a bound: an actor that blocks forever hangs a jcstress
 * run silently. Every wait is {@code await(BOUND)}, and "the bound elapsed" is an outcome of its own.
 */
public final class Subject {
    /** How long a normal-mode actor waits for a release before reporting "timed out". */
    public static final long BOUND_MILLIS = 1_000;

    public static final String RELEASED = "released";
    public static final String TIMED_OUT = "timed out";

    private static final Implementation SELECTED = selectOne();

    /** Makes the groups: the implementation's constructor, unless a replay supplies its own way. */
    private static volatile Supplier<? extends WaitGroup> constructor = SELECTED::create;

    static {
        ExitWitness.install(null); // a System.exit in code under test names its caller
        ExitWitness.endWhenMainEnds(); // a thread the WaitGroup started must not keep a finished fork alive
    }

    private Subject() {
    }

    private static Implementation selectOne() {
        List<Implementation> selection = Implementations.select(System.getProperty(Property.IMPL.key(), ""),
                System.getProperty(Property.CLASSPATH.key(), ""));
        if (selection.size() != 1) {
            throw new IllegalStateException("a jcstress run checks one WaitGroup, but " + Property.IMPL.key()
                    + " selects " + selection + "; pass -jvmArgsPrepend -D" + Property.IMPL.key()
                    + "=<name>, or run the suite with JcstressSuite");
        }
        return selection.get(0);
    }

    public static Implementation implementation() {
        return SELECTED;
    }

    /**
     * Creates this JVM's groups with {@code constructor} from now on: a replay under a model checker
     * passes one that the checker can follow (see {@code CrossExamination}).
     */
    public static void createGroupsWith(Supplier<? extends WaitGroup> constructor) {
        Subject.constructor = constructor;
    }

    /** A new group with the given counter. */
    public static WaitGroup group(int count) {
        WaitGroup group = constructor.get();
        if (count != 0) {
            group.add(count);
        }
        return group;
    }

    /** {@code await(BOUND)} as an outcome: "released", "timed out", or "threw X: message". */
    public static String awaitBounded(WaitGroup group) {
        return awaitFor(group, BOUND_MILLIS, TimeUnit.MILLISECONDS);
    }

    public static String awaitFor(WaitGroup group, long timeout, TimeUnit unit) {
        try {
            return group.await(timeout, unit) ? RELEASED : TIMED_OUT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return thrown(e);
        } catch (RuntimeException e) {
            return thrown(e);
        }
    }

    /** {@code add(delta)} as an outcome: "ok" or "threw X". */
    public static String add(WaitGroup group, int delta) {
        try {
            group.add(delta);
            return "ok";
        } catch (RuntimeException e) {
            return thrown(e);
        }
    }

    /**
     * Starts a task in an ErrorGroup from a normal-mode actor, which may not throw: null when
     * started, otherwise what was thrown (a broken WaitGroup underneath may throw from go()).
     */
    public static String go(ErrorGroup group, ErrorGroup.Task task) {
        try {
            group.go(task);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return thrown(e);
        } catch (RuntimeException e) {
            return thrown(e);
        }
    }

    /** The outcome id of an exception: its simple class name, enough to tell misuse checks apart. */
    public static String thrown(Throwable e) {
        return "threw " + e.getClass().getSimpleName();
    }
}
