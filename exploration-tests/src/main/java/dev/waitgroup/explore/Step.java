package dev.waitgroup.explore;

import dev.waitgroup.model.Operation;
import java.util.List;
import java.util.Objects;

/**
 * One step of a driver thread in a {@link Scenario}: a call on the group, a helper action set in
 * motion, or a block of calls run in a tight loop.
 */
public sealed interface Step {

    /** A short text for a scenario listing. */
    String text();

    /**
     * A call; if {@code interruptAfterMicros >= 0}, a helper thread interrupts the driver that long
     * after the call began (0: at once, which may land before the call is entered).
     */
    record Call(Operation operation, long interruptAfterMicros) implements Step {
        public Call {
            Objects.requireNonNull(operation, "operation");
        }

        public static Call of(Operation operation) {
            return new Call(operation, -1);
        }

        public boolean interrupted() {
            return interruptAfterMicros >= 0;
        }

        @Override
        public String text() {
            return operation.text() + (interrupted() ? " [interrupted after " + interruptAfterMicros + " µs]" : "");
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
     * {@code count} rounds on the same group, as fast as they go: {@code add(1)}, then {@code done()}
     * (by this thread, or, with {@code handOff}, by a helper thread the driver hands the round to), then
     * {@code await()}.
     */
    record Rounds(int count, boolean handOff) implements Step {
        @Override
        public String text() {
            return count + " rounds of add(1), " + (handOff ? "done() by another thread" : "done()") + ", await()";
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
