package dev.waitgroup.harness.run;

import dev.waitgroup.harness.ChildJvm;
import dev.waitgroup.harness.Implementation;
import dev.waitgroup.record.Folders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs an engine's units of work in child JVMs under a watchdog, so that nothing the code under test
 * does (hang, exit, exhaust the heap, crash the JVM) takes the run down, and every unit gets a result.
 *
 * <p>The units are worked through in batches, each batch in as many child JVMs as it takes: a JVM
 * is given the batch's units not yet decided; when it ends, the runner takes the results it wrote;
 * the unit it was running when it died or was ended gets its result from {@link Death}; and a fresh
 * JVM resumes on the rest. The watchdog ends a JVM when the unit running in it outlives its bound,
 * when the JVM outlives the bounds of the units it was given (so a resumed JVM gets the bound of what
 * it has left, never what its predecessor used), when an implementation spends its budget, or when
 * the engine says so. An implementation whose budget is spent gets {@link Unreached} for the units it
 * has left; two JVMs in a row that decided nothing end the batch, its units {@link Unreached} too.
 *
 * <p>Invariant: every unit given to {@link #run} is recorded exactly once, whatever the JVMs did; a
 * batch ends after at most twice as many JVMs as it has units, plus two.
 */
public final class BoundedRunner<U, R> {
    /** Time a JVM gets beyond its units' own bounds (its start, the engine's warm-up) before the watchdog ends it. */
    public static final Duration GRACE = Duration.ofSeconds(30);

    private final Engine<U, R> engine;
    private final Path work;

    /** @param work the folder the JVMs' own folders go in ({@code batchB-J}) */
    public BoundedRunner(Engine<U, R> engine, Path work) {
        this.engine = engine;
        this.work = work;
    }

    /** Runs the batches, {@code parallel} of them at a time; returns when every unit is recorded (none: at once). */
    public void run(List<List<U>> batches, int parallel) throws IOException, InterruptedException {
        if (batches.isEmpty()) {
            return;
        }
        if (batches.size() == 1 || parallel <= 1) {
            for (int i = 0; i < batches.size(); i++) {
                new Batch(i, batches.get(i)).run();
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, batches.size()));
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < batches.size(); i++) {
                Batch batch = new Batch(i, batches.get(i));
                running.add(pool.submit(() -> {
                    batch.run();
                    return null;
                }));
            }
            for (Future<?> batch : running) {
                try {
                    batch.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof IOException io) {
                        throw io;
                    }
                    if (cause instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw new IllegalStateException(cause);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Some units, in as many JVMs as it takes. */
    private final class Batch {
        private final int index;
        private final Set<U> todo;
        private final Map<String, Long> spentMillis = new HashMap<>();
        private final Map<String, List<String>> hungIn = new HashMap<>();
        /** Whether the last JVM decided nothing: the next one that does not either ends the batch. */
        private boolean idleBefore;

        Batch(int index, List<U> units) {
            this.index = index;
            this.todo = new LinkedHashSet<>(units);
        }

        void run() throws IOException, InterruptedException {
            for (int number = 1; !todo.isEmpty(); number++) {
                List<U> units = new ArrayList<>(todo);
                Attempt attempt = new Attempt(index, number, work.resolve("batch" + index + "-" + number));
                Folders.delete(attempt.folder());
                Files.createDirectories(attempt.folder());
                ChildJvm.Spec spec = engine.command(attempt, units);
                Duration attemptBound = engine.attemptBound(units);
                Journal journal = attempt.journal();
                ChildJvm.Outcome outcome = ChildJvm.run(spec, elapsed -> watch(attempt, journal, elapsed, attemptBound));
                if (!decide(attempt, units, journal.read(), outcome)) {
                    return;
                }
            }
        }

        /** Why to end the JVM now, or empty. */
        private Optional<String> watch(Attempt attempt, Journal journal, Duration elapsed, Duration attemptBound) {
            List<Journal.Entry> entries = journal.read();
            Optional<Journal.Entry> running = Journal.running(entries);
            long now = System.currentTimeMillis();
            if (running.isPresent()) {
                Optional<U> unit = unitOf(running.get());
                if (unit.isPresent()) {
                    long bound = engine.bound(unit.get()).toMillis();
                    if (now - running.get().millis() > bound) {
                        return Optional.of("the JVM did not end " + running.get().unit() + " within " + bound / 1000
                                + " s: the check's own bound did not fire, so the JVM was ended");
                    }
                    Implementation implementation = engine.implementationOf(unit.get());
                    Duration budget = engine.budget(implementation);
                    long spent = spentMillis.getOrDefault(implementation.name(), 0L)
                            + Tally.of(entries, now).getOrDefault(implementation.name(), 0L);
                    if (budget != null && spent > budget.toMillis()) {
                        return Optional.of(implementation.name() + " spent its budget of " + budget.toSeconds()
                                + " s in the " + engine.name() + "; the JVM was ended during " + running.get().unit());
                    }
                }
            }
            if (elapsed.compareTo(attemptBound) > 0) {
                return Optional.of("the JVM did not finish its " + todo.size() + " units within " + attemptBound.toSeconds()
                        + " s, their bounds together");
            }
            return engine.stopBecause(attempt, elapsed);
        }

        /**
         * Takes what the JVM decided; false when it is the second JVM in a row to decide nothing, so that a
         * third would not either. One that decided nothing is followed by one fresh JVM: a JVM the OS
         * killed, or one whose engine loses everything it found when it dies (jcstress writes its results
         * at the end), may have run fine until then.
         */
        private boolean decide(Attempt attempt, List<U> units, List<Journal.Entry> entries, ChildJvm.Outcome outcome)
                throws IOException {
            int decided = 0;
            for (Map.Entry<U, R> result : engine.collect(attempt, units, outcome).entrySet()) {
                if (todo.remove(result.getKey())) {
                    record(result.getKey(), result.getValue());
                    decided++;
                }
            }
            Tally.of(entries, System.currentTimeMillis()).forEach((name, millis) -> spentMillis.merge(name, millis, Long::sum));
            Optional<Journal.Entry> journaled = Journal.running(entries);
            Optional<U> runningUnit = journaled.flatMap(this::unitOf).filter(todo::contains);
            for (U unit : engine.runningAtEnd(attempt, units, outcome, runningUnit)) {
                if (!todo.remove(unit)) {
                    continue;
                }
                long millis = journaled.isPresent() && runningUnit.isPresent() && runningUnit.get().equals(unit)
                        ? System.currentTimeMillis() - journaled.get().millis() : outcome.wall().toMillis();
                Death death = Death.of(outcome, entries, journaled.orElse(null), engine.implementationOf(unit), millis,
                        engine.dumpNeedles(unit));
                record(unit, engine.died(unit, death));
                decided++;
            }
            spendBudgets();
            if (decided == 0 && !todo.isEmpty() && !idleBefore) {
                idleBefore = true; // a JVM that died with nothing to show (killed by the OS, say) gets one successor
                return true;
            }
            if (decided == 0 && !todo.isEmpty()) {
                Unreached why = new Unreached(Unreached.Kind.NO_PROGRESS, "two JVMs in a row ended without deciding"
                        + " anything; the second ended (exit status " + outcome.exitCode() + ") without running this check"
                        + (outcome.killed() ? ": " + outcome.killedBecause() : ""), false, outcome.tail(30));
                for (U unit : new ArrayList<>(todo)) {
                    todo.remove(unit);
                    engine.record(unit, engine.unreached(unit, why));
                }
                return false;
            }
            idleBefore = false;
            return true;
        }

        /** An implementation that spent its budget gets "not reached" for the units it has left. */
        private void spendBudgets() {
            Map<Implementation, List<U>> left = new LinkedHashMap<>();
            for (U unit : todo) {
                left.computeIfAbsent(engine.implementationOf(unit), k -> new ArrayList<>()).add(unit);
            }
            left.forEach((implementation, units) -> {
                Duration budget = engine.budget(implementation);
                if (budget == null || spentMillis.getOrDefault(implementation.name(), 0L) < budget.toMillis()) {
                    return;
                }
                List<String> hangs = hungIn.getOrDefault(implementation.name(), List.of());
                Unreached why = new Unreached(Unreached.Kind.BUDGET_SPENT, "not reached: " + implementation.name()
                        + " spent its budget of " + budget.toSeconds() + " s in the " + engine.name()
                        + (hangs.isEmpty() ? "" : ", hanging in " + String.join(", ", hangs)), !hangs.isEmpty(), "");
                for (U unit : units) {
                    todo.remove(unit);
                    engine.record(unit, engine.unreached(unit, why));
                }
            });
        }

        private void record(U unit, R result) {
            if (engine.hung(result)) {
                hungIn.computeIfAbsent(engine.implementationOf(unit).name(), k -> new ArrayList<>()).add(engine.journalKey(unit));
            }
            engine.record(unit, result);
        }

        private Optional<U> unitOf(Journal.Entry entry) {
            for (U unit : todo) {
                if (engine.implementationOf(unit).name().equals(entry.implementation())
                        && engine.journalKey(unit).equals(entry.unit())) {
                    return Optional.of(unit);
                }
            }
            return Optional.empty();
        }
    }

    /** Per implementation, how long its units ran in one JVM, the one still running counted until {@code now}. */
    static final class Tally {
        private Tally() {
        }

        static Map<String, Long> of(List<Journal.Entry> entries, long now) {
            Map<String, Long> spent = new HashMap<>();
            Map<String, Long> started = new HashMap<>();
            for (Journal.Entry entry : entries) {
                String key = entry.implementation() + "\t" + entry.unit();
                if (entry.event() == Journal.Event.START) {
                    started.put(key, entry.millis());
                } else if (entry.event() == Journal.Event.END && started.containsKey(key)) {
                    spent.merge(entry.implementation(), entry.millis() - started.remove(key), Long::sum);
                }
            }
            started.forEach((key, at) -> spent.merge(key.substring(0, key.indexOf('\t')), now - at, Long::sum));
            return spent;
        }
    }
}
