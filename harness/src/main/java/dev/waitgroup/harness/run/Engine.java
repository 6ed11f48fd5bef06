package dev.waitgroup.harness.run;

import dev.waitgroup.harness.ChildJvm;
import dev.waitgroup.harness.Implementation;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One way of looking at WaitGroups (the contract suite, jcstress, Lincheck, an exploration, PIT...),
 * as the {@link BoundedRunner} runs it: what child JVM to start on some units of work, how to read
 * what it wrote, how long a unit may take, and what a unit's result is when its JVM did not finish
 * it. Everything else (the watchdog, the journal, blame, resuming on the rest, budgets, the units
 * left over) is the runner's, the same for every engine.
 *
 * @param <U> a unit of work: one check on one implementation, one jcstress test, one question
 * @param <R> a unit's result: a verdict, a finding, a score
 */
public interface Engine<U, R> {

    /** How the engine is named in messages ("contract suite", "jcstress on aqs"). */
    String name();

    /**
     * The child JVM that works through {@code units}, in order, writing what it finds under
     * {@code attempt}'s folder; a child that journals (most do) is given {@code attempt.journal()}.
     */
    ChildJvm.Spec command(Attempt attempt, List<U> units) throws IOException;

    /** The results the child wrote, for the units it finished; read once it has ended, however it ended. */
    Map<U, R> collect(Attempt attempt, List<U> units, ChildJvm.Outcome outcome) throws IOException;

    /** The implementation whose code a unit runs: whose calls a hang is looked for in, whose budget it spends. */
    Implementation implementationOf(U unit);

    /** The unit as the child's journal names it (with its implementation's name beside it). */
    String journalKey(U unit);

    /**
     * How long one unit may run before its JVM is ended: the unit's own bound, plus the grace an engine
     * gives a bound that fires inside the child (so that the child's own verdict, with its evidence,
     * comes first).
     */
    Duration bound(U unit);

    /**
     * How long a JVM working on {@code units} may run in all: by default the sum of their bounds, plus
     * {@link BoundedRunner#GRACE} for the JVM's start. A JVM resumed after another died is asked with
     * the units it has left, so it gets their bound, never what its predecessor used.
     */
    default Duration attemptBound(List<U> units) {
        Duration total = BoundedRunner.GRACE;
        for (U unit : units) {
            total = total.plus(bound(unit));
        }
        return total;
    }

    /** How long an implementation's units may take together in this engine; null for no budget. */
    default Duration budget(Implementation implementation) {
        return null;
    }

    /**
     * A reason of the engine's own to end the JVM now, read twice a second while it runs (jcstress:
     * no test finished for longer than any takes); empty to let it go on.
     */
    default Optional<String> stopBecause(Attempt attempt, Duration elapsed) {
        return Optional.empty();
    }

    /**
     * The units that were running when the JVM ended without finishing them, for an engine whose
     * child cannot journal (jcstress's forked VMs): read from the thread dumps, say. By default, the
     * journal's running unit.
     */
    default List<U> runningAtEnd(Attempt attempt, List<U> units, ChildJvm.Outcome outcome, Optional<U> journaled) {
        return journaled.map(List::of).orElse(List.of());
    }

    /** Threads a unit's hang evidence keeps: those whose frames mention one of these. */
    List<String> dumpNeedles(U unit);

    /** Whether a result says the unit hung (a call into the implementation did not return). */
    default boolean hung(R result) {
        return false;
    }

    /** The result of a unit whose JVM ended before finishing it. */
    R died(U unit, Death death);

    /** The result of a unit that never ran. */
    R unreached(U unit, Unreached why);

    /** Takes a unit's result as it is decided (a suite writes it to its results file). */
    void record(U unit, R result);
}
