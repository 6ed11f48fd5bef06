package dev.waitgroup.fray.scenario;

import dev.waitgroup.WaitGroup;
import dev.waitgroup.catalogue.ReuseBehaviour;
import java.util.ArrayList;
import java.util.List;

/**
 * Every judgment the Fray scenarios make, as small functions over what the threads recorded. Each
 * returns quietly or throws an {@link AssertionError} that says which promise of the WaitGroup
 * contract the history breaks. They are meant to be replaced, one by one, by the reference model's
 * checker ({@code dev.waitgroup.model}) once scenarios are histories drawn from the model; until then
 * they are the contract, stated per scenario.
 */
public final class Judgments {
    private Judgments() {
    }

    /** The call returned without throwing. */
    public static void returnedNormally(Call call, String who) {
        if (!call.returned()) {
            throw violation(who + ": " + call + ", but nothing in this history allows it to throw", call.thrown());
        }
    }

    /**
     * An {@code await} that returned did so only after its round ended: the {@code done()} that
     * brings the counter to zero had at least begun ({@code releaseBegun}, set just before it).
     */
    public static void returnedAfterRelease(Call await, boolean releaseBegun, String who) {
        returnedNormally(await, who);
        if (await.value() instanceof Boolean && !(Boolean) await.value()) {
            return; // a timed wait that gave up
        }
        if (!releaseBegun) {
            throw violation(who + ": " + await + " before the done() that ends its round had begun: "
                    + "await let its caller go while the counter was above zero", null);
        }
    }

    /** The counter reads {@code expected}. */
    public static void countIs(WaitGroup group, int expected, String when) {
        int count = group.count();
        if (count != expected) {
            throw violation("count() is " + count + " " + when + ", expected " + expected, null);
        }
    }

    /**
     * Racing {@code add}s (done() is add(-1)) are atomic: some order of them, applied one at a time
     * to {@code initial} with the contract's refusals (counter below zero or above
     * {@link Integer#MAX_VALUE}: {@link IllegalStateException}, counter unchanged), gives every call's
     * outcome and {@code finalCount}.
     *
     * @param deltas   the deltas, in the same order as {@code outcomes}
     * @param outcomes how each call ended
     */
    public static void sequentiallyExplained(int initial, List<Integer> deltas, List<Call> outcomes, int finalCount) {
        for (Call call : outcomes) {
            if (!call.returned() && !call.threw(IllegalStateException.class)) {
                throw violation(call + ": add throws only IllegalStateException, and only to refuse", call.thrown());
            }
        }
        if (!someOrderExplains(initial, deltas, outcomes, finalCount, new boolean[deltas.size()])) {
            throw violation("no order of " + outcomes + " from a counter of " + initial
                    + " ends at " + finalCount + ": an update was lost or a refusal was not atomic", null);
        }
    }

    private static boolean someOrderExplains(long counter, List<Integer> deltas, List<Call> outcomes, int finalCount,
                                             boolean[] used) {
        boolean any = false;
        for (int i = 0; i < deltas.size(); i++) {
            if (used[i]) {
                continue;
            }
            any = true;
            long next = counter + deltas.get(i);
            boolean refused = next < 0 || next > Integer.MAX_VALUE;
            if (refused == outcomes.get(i).returned()) {
                continue;
            }
            used[i] = true;
            boolean explained = someOrderExplains(refused ? counter : next, deltas, outcomes, finalCount, used);
            used[i] = false;
            if (explained) {
                return true;
            }
        }
        return !any && counter == finalCount;
    }

    /**
     * A timed {@code await} tells the truth: {@code true} only once the round ended (its releasing
     * {@code done()} had begun); {@code false} is allowed whenever the time may have run out.
     */
    public static void timedAwaitTruthful(Call timed, boolean releaseBegun, String who) {
        returnedAfterRelease(timed, releaseBegun, who);
    }

    /**
     * An interrupt is never swallowed: a thread that entered {@code await} with its interrupt status
     * set gets {@link InterruptedException}; one that returned normally still has its status set if
     * the interrupt had surely been sent by then ({@code sentBeforeLook}, read before the status).
     */
    public static void interruptNotSwallowed(Call await, boolean interruptedOnEntry, boolean sentBeforeLook,
                                             boolean interruptedAfter, String who) {
        if (!await.returned() && !await.threw(InterruptedException.class)) {
            throw violation(who + ": " + await + "; only InterruptedException may end an interrupted wait",
                    await.thrown());
        }
        if (interruptedOnEntry && await.returned()) {
            throw violation(who + ": entered " + await.operation() + " with its interrupt status set and "
                    + "returned normally; the contract says it throws InterruptedException, whatever the counter",
                    null);
        }
        if (await.returned() && sentBeforeLook && !interruptedAfter) {
            throw violation(who + ": " + await + " and its interrupt status is clear although the interrupt "
                    + "had been sent: the interrupt was swallowed", null);
        }
    }

    /**
     * A waiter of a round that ended while the next round began acts as the implementation promises:
     * a generation-safe one returns normally; one that detects reuse returns or throws
     * {@link IllegalStateException}; otherwise it returns normally (the caller ended the next round too).
     */
    public static void oldRoundWaiter(Call await, ReuseBehaviour reuse, boolean releaseBegun, String who) {
        if (reuse == ReuseBehaviour.DETECTS_AND_THROWS && await.threw(IllegalStateException.class)) {
            return;
        }
        returnedAfterRelease(await, releaseBegun, who);
    }

    /** The calls of several actors, one list. */
    public static List<Call> callsOf(Actor... actors) {
        List<Call> calls = new ArrayList<>();
        for (Actor actor : actors) {
            calls.addAll(actor.calls());
        }
        return calls;
    }

    private static AssertionError violation(String message, Throwable cause) {
        return new AssertionError(message, cause);
    }
}
