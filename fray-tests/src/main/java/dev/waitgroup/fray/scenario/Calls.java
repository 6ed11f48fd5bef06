package dev.waitgroup.fray.scenario;

import dev.waitgroup.WaitGroup;
import dev.waitgroup.model.Operation;
import java.util.concurrent.TimeUnit;

/**
 * A model {@link Operation} made on a real group: what a scenario thread records with
 * {@link Track#call}. One place maps each operation of the contract's vocabulary to the WaitGroup call.
 */
public final class Calls {
    private Calls() {
    }

    /**
     * The call of {@code operation} on {@code group}, as a recordable body; for {@link Operation.Go}, an
     * inline executor and a task that does nothing.
     *
     * @throws IllegalArgumentException for an operation that is no call on the group
     */
    public static Track.Body of(WaitGroup group, Operation operation) {
        if (operation instanceof Operation.Add) {
            int delta = ((Operation.Add) operation).delta();
            return () -> {
                group.add(delta);
                return null;
            };
        }
        if (operation instanceof Operation.Done) {
            return () -> {
                group.done();
                return null;
            };
        }
        if (operation instanceof Operation.Count) {
            return group::count;
        }
        if (operation instanceof Operation.Await) {
            return () -> {
                group.await();
                return null;
            };
        }
        if (operation instanceof Operation.TimedAwait) {
            long timeout = ((Operation.TimedAwait) operation).timeout();
            TimeUnit unit = ((Operation.TimedAwait) operation).unit();
            return () -> group.await(timeout, unit);
        }
        if (operation instanceof Operation.Go && ((Operation.Go) operation).executor() == Operation.Executors.INLINE) {
            return () -> {
                group.go(Runnable::run, () -> { });
                return null;
            };
        }
        throw new IllegalArgumentException("not a call a scenario makes: " + operation.text());
    }

    /** Records {@code operation} on {@code track}: the call, its outcome and the status after it. */
    public static Object make(Track track, WaitGroup group, Operation operation) {
        return track.call(operation, of(group, operation));
    }
}
