package dev.waitgroup.lincheck;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jetbrains.kotlinx.lincheck.Actor;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;

/**
 * Hand-built scenarios: what random generation must not produce (a blocking {@code await()} whose
 * counter might never reach zero). In each one the counter reaches zero in every interleaving, so a
 * correct WaitGroup always finishes, and model checking explores every way it can interleave.
 */
final class Scenarios {

    /** A named scenario, as a teacher would draw it: an initial part, threads, a final part. */
    record Named(String id, String description, ExecutionScenario scenario) {
    }

    static final Named TWO_WORKERS_ONE_WAITER = named("two-workers-one-waiter",
            "add(2); then two workers call done() while a third thread awaits",
            List.of(op("add", 2)),
            List.of(List.of(op("done")), List.of(op("done")), List.of(op("await"))));

    static final Named TWO_WAITERS = named("two-waiters",
            "add(1); then two threads await while a third calls done(): both must be released",
            List.of(op("add", 1)),
            List.of(List.of(op("await")), List.of(op("await")), List.of(op("done"))));

    static final Named RELEASE_BY_ADD_MINUS_TWO = named("release-by-add-minus-two",
            "add(2); then one thread awaits while another releases with add(-2)",
            List.of(op("add", 2)),
            List.of(List.of(op("await")), List.of(op("add", -2))));

    static final Named SECOND_ROUND = named("second-round",
            "add(1); one thread awaits, then starts and ends a second round; the other ends round one,"
                    + " then awaits",
            List.of(op("add", 1)),
            List.of(List.of(op("await"), op("add", 1), op("done")), List.of(op("done"), op("await"))));

    static final Named RACING_ROUNDS = named("racing-rounds",
            "two tasks each add(1) then done(), racing, so that rounds open and close under each other;"
                    + " a third thread awaits",
            List.of(),
            List.of(List.of(op("add", 1), op("done")), List.of(op("add", 1), op("done")), List.of(op("await"))));

    static final Named LATE_RELEASE = named("late-release",
            "add(1); one thread ends round one with done(); the coordinator awaits it, starts round two with"
                    + " go(...) handing the task to a third thread, awaits again and reads the count: the"
                    + " release of round one may still be running when round two's await begins",
            List.of(op("add", 1)),
            List.of(List.of(op("done")),
                    List.of(op("await"), op("goHandOff"), op("await"), op("count")),
                    List.of(op("runHandedOff"))));

    static final Named GO_HAND_OFF = named("go-hand-off",
            "a coordinator starts a task with go(...) on another thread, then awaits it",
            List.of(),
            List.of(List.of(op("goHandOff"), op("await")), List.of(op("runHandedOff"))));

    /** Misuse: round 2 starts while round 1's waiter may still be inside await(). */
    static final Named REUSE_BEFORE_WAIT_RETURNED = named("reuse-before-wait-returned",
            "add(1); one thread awaits; the other ends round one and at once starts and ends round two",
            List.of(op("add", 1)),
            List.of(List.of(op("await")), List.of(op("done"), op("add", 1), op("done"))));

    /** Misuse: an add(1) races with the done() that releases a waiter (Go's TestWaitGroupMisuse2). */
    static final Named ADD_DURING_RELEASE = named("add-concurrent-with-wait",
            "add(1); one thread awaits, one calls the last done(), one calls add(1) then done()",
            List.of(op("add", 1)),
            List.of(List.of(op("await")), List.of(op("done")), List.of(op("add", 1), op("done"))));

    private Scenarios() {
    }

    private static Named named(String id, String description, List<Actor> initial, List<List<Actor>> threads) {
        return new Named(id, description, new ExecutionScenario(new ArrayList<>(initial), copy(threads),
                new ArrayList<>(), null));
    }

    private static List<List<Actor>> copy(List<List<Actor>> threads) {
        List<List<Actor>> copy = new ArrayList<>();
        for (List<Actor> thread : threads) {
            copy.add(new ArrayList<>(thread));
        }
        return copy;
    }

    private static Actor op(String name, Object... arguments) {
        for (Method method : WaitGroupUnderTest.class.getMethods()) {
            if (method.getName().equals(name) && method.getParameterCount() == arguments.length) {
                return new Actor(method, Arrays.asList(arguments));
            }
        }
        throw new IllegalArgumentException("no operation " + name + " with " + arguments.length + " arguments");
    }
}
