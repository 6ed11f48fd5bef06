package dev.waitgroup.model;

import dev.waitgroup.model.Operation.Executors;
import dev.waitgroup.model.Outcome.NotReturned;
import dev.waitgroup.model.Outcome.Returned;
import dev.waitgroup.model.Outcome.Threw;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;

/**
 * The rules that one event breaks on its own, whatever the order of the others: timing (a timeout
 * reported early, a deadline overrun, a call that should not block and did), interrupts (judged on the
 * driver's status before and after each call), and exceptions no rule allows. They are checked before
 * the search for an order, because their message can be exact.
 *
 * <p>Soundness: every timing rule compares the measured window, which contains the real call, with a
 * bound that already includes the slack, so a correct implementation on a scheduled machine never
 * breaks one.
 */
final class EventRules {
    private final History history;
    private final long slack;

    EventRules(History history) {
        this.history = history;
        this.slack = history.slack().nanos();
    }

    /** The first broken rule in time order, if any. */
    Optional<Verdict.Violation> check() {
        Verdict.Violation first = null;
        Map<String, Boolean> status = new HashMap<>();
        for (Event e : history.events()) {
            Verdict.Violation found = alone(e);
            if (found == null && (e.interruptedAfter() != null || !e.returned() && e.operation().isAwait())) {
                boolean entry = status.getOrDefault(e.thread(), false);
                found = interrupts(e, entry);
                if (e.returned() && e.interruptedAfter() != null) {
                    status.put(e.thread(), e.interruptedAfter());
                }
            }
            if (found != null && (first == null || earlier(e, history.event(first.event())))) {
                first = found;
            }
        }
        return Optional.ofNullable(first);
    }

    private static boolean earlier(Event a, Event b) {
        return Comparator.comparingLong(Event::invoked).thenComparingInt(Event::id).compare(a, b) < 0;
    }

    private Verdict.Violation alone(Event e) {
        Operation op = e.operation();
        if (op instanceof Operation.Schedule || op instanceof Operation.SelfInterrupt) {
            return null;
        }
        if (!op.isAwait()) {
            return prompt(e) != null ? prompt(e) : exceptions(e);
        }
        if (e.outcome() instanceof Threw && !e.threw(InterruptedException.class) && !e.threw(IllegalStateException.class)) {
            return violation(Rule.EXCEPTION, e, e.name() + " " + e.outcome() + ": await throws only InterruptedException"
                    + " (and IllegalStateException where a group detects reuse)");
        }
        if (op instanceof Operation.TimedAwait) {
            return timed(e, ((Operation.TimedAwait) op).nanos());
        }
        return null;
    }

    private Verdict.Violation prompt(Event e) {
        if (!e.returned()) {
            if (!history.controlled() && history.end() - e.invoked() <= slack) {
                return null; // the run gave up on it before the slack was over: it may yet have returned in time
            }
            return violation(Rule.PROMPT, e, e.name() + " did not return: " + gaveUp(e));
        }
        long took = e.responded() - e.invoked();
        if (!history.controlled() && took > slack) {
            return violation(Rule.PROMPT, e, e.name() + " took " + Describe.millis(took) + " ms, more than the slack of "
                    + history.slack());
        }
        return null;
    }

    private Verdict.Violation exceptions(Event e) {
        if (!(e.outcome() instanceof Threw)) {
            if (e.operation() instanceof Operation.Go) {
                Executors executor = ((Operation.Go) e.operation()).executor();
                if (executor == Executors.REJECTING) {
                    return violation(Rule.GO, e, e.name() + " returned normally, but its executor threw"
                            + " RejectedExecutionException: go must restore the count and rethrow it");
                }
                if (executor == Executors.INLINE_FAILING) {
                    return violation(Rule.GO, e, e.name() + " returned normally, but its task threw inside the executor:"
                            + " go must pass on what the executor throws");
                }
            }
            if (e.operation() instanceof Operation.Count && !(((Returned) e.outcome()).value() instanceof Integer)) {
                return violation(Rule.EXCEPTION, e, e.name() + " returned no int");
            }
            return null;
        }
        if (e.threw(IllegalStateException.class)) {
            return e.operation() instanceof Operation.Count
                    ? violation(Rule.EXCEPTION, e, e.name() + " " + e.outcome() + ": count() never throws")
                    : null;
        }
        if (e.operation() instanceof Operation.Go) {
            Executors executor = ((Operation.Go) e.operation()).executor();
            if (executor == Executors.REJECTING && e.threw(RejectedExecutionException.class)
                    || executor == Executors.INLINE_FAILING && e.threw(TaskFailure.class)) {
                return null;
            }
        }
        return violation(Rule.EXCEPTION, e, e.name() + " " + e.outcome() + ": not an exception the contract allows here");
    }

    private Verdict.Violation timed(Event e, long timeout) {
        long waited = e.returned() ? e.responded() - e.invoked() : history.end() - e.invoked();
        if (e.outcome() instanceof Returned) {
            Object value = ((Returned) e.outcome()).value();
            if (!(value instanceof Boolean)) {
                return violation(Rule.EXCEPTION, e, e.name() + " returned no boolean");
            }
            if (!(Boolean) value && timeout > 0 && waited < timeout && !history.controlled()) {
                return violation(Rule.TIMEOUT_EARLY, e, e.name() + " returned false after " + Describe.millis(waited)
                        + " ms, before its timeout of " + Describe.millis(timeout) + " ms had elapsed");
            }
        }
        long bound = Math.max(timeout, 0);
        if (history.controlled() ? !e.returned() && bound < Long.MAX_VALUE : waited - slack > bound) {
            if (history.controlled()) {
                return violation(Rule.DEADLINE, e, e.name() + " never returned; the run ended in a deadlock, although"
                        + " a timed wait ends by its deadline of " + Describe.millis(bound) + " ms and the logical clock"
                        + " passes any deadline once every thread waits");
            }
            String what = e.returned() ? inWords(e.outcome()) + " " + Describe.millis(waited) + " ms after it began"
                    : "had not returned " + Describe.millis(waited) + " ms after it began";
            return violation(Rule.DEADLINE, e, e.name() + " " + what + ": later than its timeout of "
                    + Describe.millis(bound) + " ms plus the slack of " + history.slack());
        }
        return null;
    }

    private Verdict.Violation interrupts(Event e, boolean entry) {
        InterruptDelivery sent = e.interrupt();
        if (!e.operation().isAwait()) {
            boolean after = e.interruptedAfter();
            if (e.returned() && entry && !after) {
                return violation(Rule.INTERRUPT_KEPT, e, e.name() + " cleared the thread's interrupt status, which was"
                        + " set when it began");
            }
            return null;
        }
        if (!e.returned()) {
            if (entry && history.end() - e.invoked() > slack) {
                return violation(Rule.INTERRUPT_ON_ENTRY, e, e.name() + " was entered with the interrupt status set and"
                        + " did not return: it must throw InterruptedException at once");
            }
            if (sent != null && (history.controlled() || sent.delivered() + slack < history.end())) {
                return violation(Rule.INTERRUPT_ANSWERED, e, e.name() + " was interrupted at " + ms(sent.delivered())
                        + " ms and was still waiting when " + (history.controlled() ? "the run ended in a deadlock"
                        : "the run gave up at " + ms(history.end()) + " ms"));
            }
            return null;
        }
        boolean after = e.interruptedAfter();
        boolean interrupted = e.threw(InterruptedException.class);
        if (entry && !interrupted) {
            return violation(Rule.INTERRUPT_ON_ENTRY, e, e.name() + " was entered with the interrupt status set and "
                    + inWords(e.outcome()) + ": it must throw InterruptedException, whatever the counter");
        }
        if (interrupted) {
            if (!entry && (sent == null || sent.sent() > e.responded())) {
                return violation(Rule.INTERRUPT_CAUSE, e, e.name() + " threw InterruptedException, but no interrupt was"
                        + " sent to " + e.thread() + " before it returned");
            }
            // Not judged under a controlled scheduler: Fray 0.9.2's CountDownLatch leaves the status set after
            // the InterruptedException it throws, where the JDK clears it (docs/fray.md), so the status after a
            // throw there says nothing about the group.
            if (after && (entry != (sent != null)) && !history.controlled()) {
                return violation(Rule.INTERRUPT_CLEARED, e, e.name() + " threw InterruptedException and left the interrupt"
                        + " status set");
            }
            if (!entry && sent != null && !history.controlled() && e.responded() - sent.delivered() > slack) {
                // It waited on, past the slack, after the interrupt reached it, and threw only then.
                return violation(Rule.INTERRUPT_ANSWERED, e, e.name() + " was interrupted at " + ms(sent.delivered())
                        + " ms while waiting and threw InterruptedException at " + ms(e.responded()) + " ms, "
                        + Describe.millis(e.responded() - sent.delivered()) + " ms later, more than the slack of "
                        + history.slack() + ": a waiting await answers an interrupt when it comes, not once its"
                        + " timeout or its round is over");
            }
            return null;
        }
        if (sent != null && !history.controlled() && e.outcome() instanceof Returned
                && Boolean.FALSE.equals(((Returned) e.outcome()).value())
                && e.responded() - sent.delivered() > slack) {
            // Timed out, so not released: it waited on, past the slack, after the interrupt reached it.
            return violation(Rule.INTERRUPT_ANSWERED, e, e.name() + " was interrupted at " + ms(sent.delivered())
                    + " ms while waiting and returned false at " + ms(e.responded()) + " ms, "
                    + Describe.millis(e.responded() - sent.delivered()) + " ms later, more than the slack of "
                    + history.slack() + ": a waiting await answers an interrupt by throwing InterruptedException,"
                    + " not by waiting out its timeout");
        }
        if (sent != null && !after) {
            return violation(Rule.INTERRUPT_KEPT, e, e.name() + " " + e.outcome() + " while an interrupt was sent to "
                    + e.thread() + " at " + ms(sent.sent()) + " ms, and the interrupt status was clear afterwards:"
                    + " the interrupt was swallowed");
        }
        return null;
    }

    /** Why a call that did not return counts as not returning: the bound ran out, or no thread could move again. */
    private String gaveUp(Event e) {
        return history.controlled() ? "it never returned; the run ended in a deadlock (no thread could move again)"
                : "the run gave up on it at " + ms(history.end()) + " ms, " + Describe.millis(history.end() - e.invoked())
                + " ms after it began";
    }

    private String ms(long time) {
        return Describe.millis(time - history.origin());
    }

    private static Verdict.Violation violation(Rule rule, Event e, String sentence) {
        return new Verdict.Violation(rule, e.id(), sentence);
    }

    static boolean isNotReturned(Event e) {
        return e.outcome() instanceof NotReturned;
    }

    /** "returned true", "returned", "threw X": an outcome as the verb of a sentence. */
    private static String inWords(Outcome outcome) {
        return outcome instanceof Returned && ((Returned) outcome).value() != null
                ? "returned " + ((Returned) outcome).value() : outcome.toString();
    }
}
