package dev.waitgroup.lincheck;

import dev.waitgroup.catalogue.Check;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import kotlin.Unit;
import kotlin.jvm.functions.Function1;
import kotlin.reflect.KFunction;
import kotlin.reflect.jvm.ReflectJvmMapping;
import org.jetbrains.lincheck.datastructures.DSLScenarioBuilder;
import org.jetbrains.lincheck.datastructures.DSLThreadScenario;

/**
 * Hand-built scenarios: what random generation must not produce (a blocking {@code await()} whose
 * counter might never reach zero). In each one the counter reaches zero in every interleaving, so a
 * correct WaitGroup always finishes, and model checking explores every way it can interleave. They
 * are handed to Lincheck through its public scenario builder.
 */
final class Scenarios {

    /** One operation of {@link WaitGroupUnderCheck} with its arguments. */
    record Op(String name, Object... arguments) {
        @Override
        public String toString() {
            return name + "(" + String.join(", ", Arrays.stream(arguments).map(String::valueOf).toList()) + ")";
        }
    }

    /** A scenario as a teacher would draw it: an initial part, then threads running side by side, then a final part. */
    record Named(Check check, String description, List<Op> initial, List<List<Op>> threads, List<Op> post) {

        /** The scenario for {@code addCustomScenario}. */
        Function1<DSLScenarioBuilder, Unit> build() {
            return builder -> {
                if (!initial.isEmpty()) {
                    builder.initial(part(initial));
                }
                builder.parallel(parallel -> {
                    for (List<Op> thread : threads) {
                        parallel.thread(part(thread));
                    }
                    return Unit.INSTANCE;
                });
                if (!post.isEmpty()) {
                    builder.post(part(post));
                }
                return Unit.INSTANCE;
            };
        }

        private static Function1<DSLThreadScenario, Unit> part(List<Op> ops) {
            return thread -> {
                for (Op op : ops) {
                    thread.actor(function(op), op.arguments());
                }
                return Unit.INSTANCE;
            };
        }
    }

    /** Two done() race on a counter of 1: a lost update and a check-then-act refusal both show here. */
    static final Named RACING_DONES = named(Check.MC_RACING_DONES,
            "add(1); two threads call done(): exactly one is refused; then count()",
            List.of(op("add", 1)),
            List.of(List.of(op("done")), List.of(op("done"))),
            List.of(op("count")));

    static final Named TWO_WORKERS_ONE_WAITER = named(Check.MC_TWO_WORKERS_ONE_WAITER,
            "add(2); then two workers call done() while a third thread awaits",
            List.of(op("add", 2)),
            List.of(List.of(op("done")), List.of(op("done")), List.of(op("await"))));

    static final Named TWO_WAITERS = named(Check.MC_TWO_WAITERS,
            "add(1); then two threads await while a third calls done(): both must be released",
            List.of(op("add", 1)),
            List.of(List.of(op("await")), List.of(op("await")), List.of(op("done"))));

    static final Named RELEASE_BY_ADD_MINUS_TWO = named(Check.MC_RELEASE_BY_ADD_MINUS_TWO,
            "add(2); then one thread awaits while another releases with add(-2)",
            List.of(op("add", 2)),
            List.of(List.of(op("await")), List.of(op("add", -2))));

    static final Named SECOND_ROUND = named(Check.MC_SECOND_ROUND,
            "add(1); one thread awaits, then starts and ends a second round; the other ends round one,"
                    + " then awaits",
            List.of(op("add", 1)),
            List.of(List.of(op("await"), op("add", 1), op("done")), List.of(op("done"), op("await"))));

    static final Named RACING_ROUNDS = named(Check.MC_RACING_ROUNDS,
            "two tasks each add(1) then done(), racing, so that rounds open and close under each other;"
                    + " a third thread awaits",
            List.of(),
            List.of(List.of(op("add", 1), op("done")), List.of(op("add", 1), op("done")), List.of(op("await"))));

    static final Named LATE_RELEASE = named(Check.MC_LATE_RELEASE,
            "add(1); one thread ends round one with done(); the coordinator awaits it, starts round two with"
                    + " go(...) handing the task to a third thread, awaits again and reads the count: the"
                    + " release of round one may still be running when round two's await begins",
            List.of(op("add", 1)),
            List.of(List.of(op("done")),
                    List.of(op("await"), op("goHandOff"), op("await"), op("count")),
                    List.of(op("runHandedOff"))));

    static final Named GO_HAND_OFF = named(Check.MC_GO_HAND_OFF,
            "a coordinator starts a task with go(...) on another thread, then awaits it",
            List.of(),
            List.of(List.of(op("goHandOff"), op("await")), List.of(op("runHandedOff"))));

    /**
     * add(0) while the release of a waiter is in progress; afterwards a second round is opened and
     * polled: a wake-up that add(0) left behind would let {@code awaitNow} pass, or throw, there.
     */
    static final Named ADD_ZERO_DURING_RELEASE = named(Check.MC_ADD_ZERO_DURING_RELEASE,
            "add(1); one thread awaits, one calls the releasing done(), one calls add(0); then add(1) and"
                    + " await(0) must see round two open",
            List.of(op("add", 1)),
            List.of(List.of(op("await")), List.of(op("done")), List.of(op("add", 0))),
            List.of(op("add", 1), op("awaitNow"), op("count")));

    /** Misuse: round 2 starts while round 1's waiter may still be inside await(). */
    static final Named REUSE_BEFORE_WAIT_RETURNED = named(Check.MC_REUSE_BEFORE_WAIT_RETURNED,
            "add(1); one thread awaits; the other ends round one and at once starts and ends round two",
            List.of(op("add", 1)),
            List.of(List.of(op("await")), List.of(op("done"), op("add", 1), op("done"))));

    /** Misuse: an add(1) races with the done() that releases a waiter (Go's TestWaitGroupMisuse2). */
    static final Named ADD_CONCURRENT_WITH_WAIT = named(Check.MC_ADD_CONCURRENT_WITH_WAIT,
            "add(1); one thread awaits, one calls the last done(), one calls add(1) then done()",
            List.of(op("add", 1)),
            List.of(List.of(op("await")), List.of(op("done")), List.of(op("add", 1), op("done"))));

    // ---- Interrupts: sent by a scenario thread (see WaitGroupUnderCheck) -------------------------

    static final Named INTERRUPTED_WHILE_WAITING = named(Check.MC_INTERRUPTED_WHILE_WAITING,
            "add(1); one thread awaits, another interrupts it; then count(): InterruptedException, the counter"
                    + " still 1",
            List.of(op("add", 1)),
            List.of(List.of(op("awaitInterruptibly")), List.of(op("interruptWaiter"))),
            List.of(op("count")));

    static final Named INTERRUPT_RACING_RELEASE = named(Check.MC_INTERRUPT_RACING_RELEASE,
            "add(1); one thread awaits, a second interrupts it, a third calls done() once the waiter began:"
                    + " InterruptedException, or a normal return with the interrupt status still set",
            List.of(op("add", 1)),
            List.of(List.of(op("awaitInterruptibly")), List.of(op("interruptWaiter")),
                    List.of(op("doneAfterWaiterPublished"))),
            List.of(op("count")));

    static final Named INTERRUPT_PENDING_ON_ENTRY = named(Check.MC_INTERRUPT_PENDING_ON_ENTRY,
            "add(1); one thread sets its own interrupt status and awaits while another calls done():"
                    + " InterruptedException, whether or not the counter already reached zero",
            List.of(op("add", 1)),
            List.of(List.of(op("selfInterruptedAwait")), List.of(op("done"))));

    static final Named INTERRUPTED_WAITER_THEN_NEXT_ROUND = named(Check.MC_INTERRUPTED_WAITER_THEN_NEXT_ROUND,
            "add(1); one thread awaits, another interrupts it, then calls done(); then add(1): await(0) must be"
                    + " false, the interrupted waiter having left no wake-up behind",
            List.of(op("add", 1)),
            List.of(List.of(op("awaitInterruptibly")), List.of(op("interruptWaiter"), op("done"))),
            List.of(op("add", 1), op("awaitNow"), op("count")));

    // ---- Time: only what needs no time to pass (model checking freezes the clock) ---------------

    static final Named HUGE_TIMEOUT = named(Check.MC_HUGE_TIMEOUT,
            "add(1); one thread calls await(Long.MAX_VALUE, NANOSECONDS) while another calls done(): a"
                    + " timeout that cannot expire, so true",
            List.of(op("add", 1)),
            List.of(List.of(op("awaitWithHugeTimeout")), List.of(op("done"))));

    static final Named POLL_THEN_WAIT = named(Check.MC_POLL_THEN_WAIT,
            "add(1); one thread calls await(0), then await(), while another calls done(): the await() must be"
                    + " released, though the same thread's await(0) gave up before",
            List.of(op("add", 1)),
            List.of(List.of(op("awaitNow"), op("await")), List.of(op("done"))));

    static final Named POLL_THEN_NEXT_ROUND = named(Check.MC_POLL_THEN_NEXT_ROUND,
            "add(1); one thread calls await(0) while another calls done(); then add(1): await(0) must be false,"
                    + " the await(0) that gave up having left no wake-up behind",
            List.of(op("add", 1)),
            List.of(List.of(op("awaitNow")), List.of(op("done"))),
            List.of(op("add", 1), op("awaitNow"), op("count")));

    private Scenarios() {
    }

    private static Named named(Check check, String description, List<Op> initial, List<List<Op>> threads) {
        return named(check, description, initial, threads, List.of());
    }

    private static Named named(Check check, String description, List<Op> initial, List<List<Op>> threads,
                               List<Op> post) {
        List<List<Op>> copy = new ArrayList<>();
        threads.forEach(thread -> copy.add(List.copyOf(thread)));
        return new Named(check, description, List.copyOf(initial), copy, List.copyOf(post));
    }

    private static Op op(String name, Object... arguments) {
        function(new Op(name, arguments)); // fail at class initialisation, not in the middle of a run
        return new Op(name, arguments);
    }

    /** The operation as Lincheck's builder names it: a Kotlin function of the class under test. */
    private static KFunction<?> function(Op op) {
        for (Method method : WaitGroupUnderCheck.class.getMethods()) {
            if (method.getName().equals(op.name()) && method.getParameterCount() == op.arguments().length) {
                return ReflectJvmMapping.getKotlinFunction(method);
            }
        }
        throw new IllegalArgumentException("no operation " + op);
    }
}
