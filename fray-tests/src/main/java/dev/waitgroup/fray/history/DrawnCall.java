package dev.waitgroup.fray.history;

import dev.waitgroup.model.Operation;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * One call of a drawn history's thread: an operation of the contract's vocabulary, and whether
 * another thread interrupts the caller during it.
 *
 * @param operation   a call on the group, or {@link Operation.SelfInterrupt}
 * @param interrupted another thread interrupts this one during the call (or just before it, or not at all
 *                    if the call returned first)
 */
public record DrawnCall(Operation operation, boolean interrupted) {
    public DrawnCall {
        Objects.requireNonNull(operation, "operation");
    }

    public static DrawnCall of(Operation operation) {
        return new DrawnCall(operation, false);
    }

    /** Whether the call may wait in the group. */
    public boolean waits() {
        return operation.isAwait();
    }

    /** As a reader writes it: {@code await(1, MILLISECONDS)}, with {@code [interrupted]} when it is. */
    public String text() {
        return operation.text() + (interrupted ? " [interrupted]" : "");
    }

    /** A token that {@link #parse} reads back: {@code add:-1}, {@code await:10:MILLISECONDS!}. */
    public String token() {
        Operation op = operation;
        String token;
        if (op instanceof Operation.Add) {
            token = "add:" + ((Operation.Add) op).delta();
        } else if (op instanceof Operation.TimedAwait) {
            token = "await:" + ((Operation.TimedAwait) op).timeout() + ":" + ((Operation.TimedAwait) op).unit();
        } else if (op instanceof Operation.Done) {
            token = "done";
        } else if (op instanceof Operation.Count) {
            token = "count";
        } else if (op instanceof Operation.Await) {
            token = "await";
        } else if (op instanceof Operation.SelfInterrupt) {
            token = "interrupt-self";
        } else if (op instanceof Operation.Go) {
            token = "go";
        } else {
            throw new IllegalArgumentException("no token for " + op.text());
        }
        return interrupted ? token + "!" : token;
    }

    /**
     * The call a {@link #token()} names.
     *
     * @throws IllegalArgumentException for a token that names none
     */
    public static DrawnCall parse(String token) {
        boolean interrupted = token.endsWith("!");
        String[] parts = (interrupted ? token.substring(0, token.length() - 1) : token).trim().split(":");
        try {
            Operation op;
            switch (parts[0]) {
                case "add":
                    op = new Operation.Add(Integer.parseInt(parts[1]));
                    break;
                case "done":
                    op = new Operation.Done();
                    break;
                case "count":
                    op = new Operation.Count();
                    break;
                case "await":
                    op = parts.length == 1 ? new Operation.Await() : new Operation.TimedAwait(Long.parseLong(parts[1]),
                            TimeUnit.valueOf(parts[2].toUpperCase(Locale.ROOT)));
                    break;
                case "interrupt-self":
                    op = new Operation.SelfInterrupt();
                    break;
                case "go":
                    op = new Operation.Go(1, Operation.Executors.INLINE, 0);
                    break;
                default:
                    throw new IllegalArgumentException("unknown call '" + token + "'");
            }
            return new DrawnCall(op, interrupted);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unreadable call '" + token + "': " + e.getMessage(), e);
        }
    }
}
