package dev.waitgroup.explore;

import dev.waitgroup.model.Operation;
import java.util.List;
import java.util.Objects;

/**
 * One step of a driver thread in a {@link Scenario}: a call on the group, a helper action set in
 * motion (after a delay, or once the drivers wait), a timed wait amid changes of the counter, or a
 * block of calls run in a tight loop.
 */
public sealed interface Step {

    /** A short text for a scenario listing. */
    String text();

    /**
     * A call; if {@code interruptAfterMicros >= 0}, a helper thread interrupts the driver that long
     * after the call began (0: at once, which may land before the call is entered). With
     * {@code onceWaiting}, the interrupt also waits until the call is seen blocked (waiting, or blocked on
     * a lock; at most the slack, then it is sent anyway): an interrupt that must land <em>in</em> a wait
     * does so however late the machine runs the driver, so the verdict does not depend on the machine.
     */
    record Call(Operation operation, long interruptAfterMicros, boolean onceWaiting) implements Step {
        public Call {
            Objects.requireNonNull(operation, "operation");
        }

        /** A call interrupted {@code interruptAfterMicros} after it began (-1: not interrupted). */
        public Call(Operation operation, long interruptAfterMicros) {
            this(operation, interruptAfterMicros, false);
        }

        public static Call of(Operation operation) {
            return new Call(operation, -1);
        }

        /** A wait interrupted once it is seen waiting, and no sooner than {@code afterMicros} after it began. */
        public static Call interruptedOnceWaiting(Operation operation, long afterMicros) {
            return new Call(operation, Math.max(0, afterMicros), true);
        }

        public boolean interrupted() {
            return interruptAfterMicros >= 0;
        }

        /** The same call with another interrupt delay (-1: none), waiting for the wait as this one does. */
        public Call interruptedAfter(long micros) {
            return new Call(operation, micros, onceWaiting && micros >= 0);
        }

        @Override
        public String text() {
            if (!interrupted()) {
                return operation.text();
            }
            return operation.text() + " [interrupted " + (onceWaiting ? "once it waits, at least " : "after ")
                    + interruptAfterMicros + " µs" + (onceWaiting ? " after it began]" : "]");
        }
    }

    /** Starts a helper thread that, {@code delayMillis} after this step, does {@code action}; the driver goes on. */
    record After(long delayMillis, HelperAction action) implements Step {
        public After {
            Objects.requireNonNull(action, "action");
        }

        @Override
        public String text() {
            return "in " + delayMillis + " ms, another thread " + action.text();
        }
    }

    /**
     * Starts a helper thread that calls {@code operation} (an add or a done) once every driver is waiting:
     * blocked in a call, or finished; the driver goes on. A release arranged this way comes after its
     * waiters have parked, however late the machine runs them, so a bug that shows only in a parked waiter
     * shows every time. If a driver never blocks (its call spins, say), the helper acts anyway once the
     * slack has passed.
     */
    record WhenDriversWait(Operation operation) implements Step {
        public WhenDriversWait {
            Objects.requireNonNull(operation, "operation");
        }

        @Override
        public String text() {
            return "once every driver waits, another thread calls " + operation.text();
        }
    }

    /**
     * A timed {@code await} while another thread keeps changing the counter without releasing it: from
     * the moment the wait begins, {@code add(1)} then {@code done()} every {@code periodMillis}, until the
     * wait returns, or at the latest until its deadline plus the slack plus a margin. The counter must be
     * above zero when the wait begins, so that the changes never release it.
     *
     * <p>A correct wait returns false at its deadline, and the changes stop at once. A wait whose time
     * starts over after each wake-up is still waiting when the changes stop: it overruns its deadline by
     * more than the slack, whatever the slack in force, which the contract's deadline rule reports. The
     * timeout is not a constant either: the run makes it {@link HistoryExecutor#timeoutAmidChanges half the
     * slack}, so long against the machine's scheduling delays (which the slack measures) that the changes
     * keep waking the wait within its timeout; a run in which the changes, or the waiter, were held up for
     * more than a quarter of the slack is run again.
     */
    record AwaitAmidChanges(long periodMillis) implements Step {
        public AwaitAmidChanges {
            if (periodMillis < 1 || periodMillis > 20) {
                throw new IllegalArgumentException("changes every 1 to 20 ms, many within the shortest timeout"
                        + " (250 ms): " + periodMillis + " ms");
            }
        }

        @Override
        public String text() {
            return "await(half the slack) while another thread calls add(1), done() every "
                    + periodMillis + " ms until it returns (at the latest its deadline, plus the slack, plus a margin)";
        }
    }

    /** {@code count} rounds on the same group, as fast as they go, each as {@code round} says. */
    record Rounds(int count, Round round) implements Step {
        public Rounds {
            Objects.requireNonNull(round, "round");
        }

        @Override
        public String text() {
            return count + " rounds of " + round.text;
        }
    }

    /** How each of the {@link Rounds} goes: an {@code add(1)}, a {@code done()} and an {@code await()}. */
    enum Round {
        /** The driver calls all three. */
        OWN_DONE("add(1), done(), await()"),
        /** The driver hands the round to a helper, whose {@code done()} races the driver's {@code await()}. */
        HANDED_OFF("add(1), done() by another thread, await()"),
        /**
         * The driver first waits and gives up on the open round, in turn by its timeout
         * ({@code await(1, MICROSECONDS)} returns false) and by an interrupt ({@code await()} entered with the
         * interrupt status set throws InterruptedException); then it waits again, and a helper ends the round
         * once the driver is parked in that second wait. What a wait that gave up left behind (a
         * registration, a permit, a cancelled node) meets a parked waiter and the release meant for it.
         */
        AFTER_A_WAIT_GAVE_UP("add(1), a wait that gives up (in turn await(1, MICROSECONDS), and await() with the"
                + " interrupt status set), then await() and done() by another thread once it waits"),
        /**
         * Two waiters in the round, one about to give up: the driver waits with
         * {@code await(5, MILLISECONDS)}, a helper joins with {@code await()} once the driver waits, and a
         * second helper calls {@code done()} aimed at the driver's deadline, from 200 µs before it to 200 µs
         * after, a different offset each round. A release and a timeout meet: the timed wait may return
         * either way, but the round ended for both waiters, and the untimed one must return (within the
         * slack) before the next round begins. Each round lasts about the timeout.
         */
        RELEASED_AS_IT_GIVES_UP("add(1), await(5, MILLISECONDS), await() by a second thread once it waits, and done()"
                + " by a third aimed at the timed wait's deadline (-200 to +200 µs); the next round once both returned");

        /** The kinds that take no time of their own, which a sequential scenario may draw many rounds of. */
        static final List<Round> QUICK = List.of(OWN_DONE, HANDED_OFF, AFTER_A_WAIT_GAVE_UP);

        private final String text;

        Round(String text) {
            this.text = text;
        }
    }

    /** The calls of {@code body}, {@code times} times over, in a tight loop (to make races likely). */
    record Repeat(int times, List<Operation> body) implements Step {
        public Repeat {
            body = List.copyOf(body);
        }

        @Override
        public String text() {
            StringBuilder s = new StringBuilder(times + " × [");
            for (int i = 0; i < body.size(); i++) {
                s.append(i == 0 ? "" : ", ").append(body.get(i).text());
            }
            return s.append(']').toString();
        }
    }

    /** What a helper thread does: one call, or {@code done()} every period. */
    sealed interface HelperAction {
        String text();
    }

    /** The helper calls {@code operation} (an add or a done). */
    record Once(Operation operation) implements HelperAction {
        @Override
        public String text() {
            return "calls " + operation.text();
        }
    }

    /** The helper calls {@code done()} every {@code periodMillis}, {@code times} times: wake-ups that need not release. */
    record Ticks(long periodMillis, int times) implements HelperAction {
        @Override
        public String text() {
            return "calls done() every " + periodMillis + " ms, " + times + " times";
        }
    }
}
