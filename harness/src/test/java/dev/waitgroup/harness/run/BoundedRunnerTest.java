package dev.waitgroup.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.waitgroup.harness.ChildJvm;
import dev.waitgroup.harness.Implementation;
import dev.waitgroup.harness.Implementations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one loop every engine runs on: whatever a child JVM does to a unit, every unit gets exactly
 * one result, the one running when the JVM died gets its verdict from {@link Death}, and a fresh JVM
 * resumes on the units left, bounded by what they are given, not by what its predecessor used.
 */
class BoundedRunnerTest {
    @TempDir
    Path work;

    @Test
    void aJvmEndedByTheCodeUnderTestBlamesTheRunningUnitAndAFreshJvmDoesTheRest() throws Exception {
        Recording engine = new Recording(Duration.ofSeconds(20));

        new BoundedRunner<>(engine, work).run(List.of(List.of("a", "exit-b", "c")), 1);

        assertEquals(List.of("a", "exit-b", "c"), List.copyOf(engine.results.keySet()), "every unit, once, in order");
        assertEquals("done", engine.results.get("a"));
        assertTrue(engine.results.get("exit-b").startsWith("EXIT: System.exit(3) was called from code under test during"
                + " this check: dev.waitgroup.harness.run.FakeChild.main(FakeChild.java:"), engine.results.get("exit-b"));
        assertEquals("done", engine.results.get("c"));
        assertEquals(List.of(3, 1), engine.attemptSizes, "the second JVM is given, and bounded by, the one unit left");
    }

    /**
     * Runtime.halt skips the shutdown hooks that System.exit, the end of main and a signal run; the harness
     * never halts, so a JVM that ended so, with a status no signal gives, was halted by the code under test.
     */
    @Test
    void aJvmHaltedByTheCodeUnderTestBlamesTheRunningUnitToo() throws Exception {
        Recording engine = new Recording(Duration.ofSeconds(20));

        new BoundedRunner<>(engine, work).run(List.of(List.of("a", "halt-b", "c")), 1);

        assertTrue(engine.results.get("halt-b").startsWith("HALT: the JVM ended (exit status 3) during this check"
                + " without running its shutdown hooks"), engine.results.get("halt-b"));
        assertTrue(engine.results.get("halt-b").endsWith("code under test called Runtime.halt(3)"),
                engine.results.get("halt-b"));
        assertEquals(Map.of("a", "done", "c", "done"), Map.of("a", engine.results.get("a"), "c", engine.results.get("c")));
    }

    @Test
    void aCallThatStandsStillIsAHangEndedAtItsBound() throws Exception {
        Recording engine = new Recording(Duration.ofSeconds(3));

        new BoundedRunner<>(engine, work).run(List.of(List.of("hang-a", "b")), 1);

        assertTrue(engine.results.get("hang-a").startsWith("HANG: the JVM did not end hang-a within 3 s"),
                engine.results.get("hang-a"));
        assertTrue(engine.results.get("hang-a").contains("a call did not return: \"main\" is WAITING in "
                + "dev.waitgroup.impl.AqsWaitGroup"), engine.results.get("hang-a"));
        assertEquals("done", engine.results.get("b"));
    }

    @Test
    void aJvmKilledBeforeItDecidedAnythingGetsOneFreshJvmWhichDoesEverything() throws Exception {
        Recording engine = new Recording(Duration.ofSeconds(20));

        new BoundedRunner<>(engine, work).run(List.of(List.of("killed-a", "b")), 1);

        assertEquals(List.of(2, 2), engine.attemptSizes, "the first JVM died with nothing to show; a second ran both");
        assertEquals(Map.of("killed-a", "done", "b", "done"), engine.results);
    }

    @Test
    void twoJvmsInARowThatRunNothingEndTheBatchInsteadOfStartingAgainForever() throws Exception {
        Recording engine = new Recording(Duration.ofSeconds(20));

        new BoundedRunner<>(engine, work).run(List.of(List.of("quit-a", "b")), 1);

        assertEquals(List.of(2, 2), engine.attemptSizes, "two JVMs, neither of which decided anything");
        assertTrue(engine.results.get("quit-a").startsWith("NO_PROGRESS: two JVMs in a row ended without deciding"
                + " anything; the second ended (exit status 1) without running this check"), engine.results.get("quit-a"));
        assertTrue(engine.results.get("b").startsWith("NO_PROGRESS"), engine.results.get("b"));
    }

    /** A run narrowed to checks of other engines gives this one nothing to do: no JVM, no result, no error. */
    @Test
    void nothingToRunStartsNoJvm() throws Exception {
        Recording engine = new Recording(Duration.ofSeconds(20));

        new BoundedRunner<>(engine, work).run(List.of(), 2);

        assertEquals(List.of(), engine.attemptSizes);
        assertEquals(Map.of(), engine.results);
    }

    /** An engine over {@link FakeChild} that keeps what it was told: results are strings. */
    private static final class Recording implements Engine<String, String> {
        private final Implementation aqs = Implementations.named("aqs");
        private final Duration bound;
        final Map<String, String> results = new LinkedHashMap<>();
        final List<Integer> attemptSizes = new ArrayList<>();

        Recording(Duration bound) {
            this.bound = bound;
        }

        @Override
        public String name() {
            return "fake engine";
        }

        @Override
        public ChildJvm.Spec command(Attempt attempt, List<String> units) {
            attemptSizes.add(units.size());
            List<String> arguments = new ArrayList<>(List.of(attempt.file("done").toString()));
            arguments.addAll(units);
            return new ChildJvm.Spec(List.of("-Dwg.journal=" + attempt.journal().file()),
                    List.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)),
                    FakeChild.class.getName(), arguments, attempt.folder(), attempt.log());
        }

        @Override
        public Map<String, String> collect(Attempt attempt, List<String> units, ChildJvm.Outcome outcome)
                throws IOException {
            Map<String, String> done = new LinkedHashMap<>();
            if (Files.exists(attempt.file("done"))) {
                Files.readAllLines(attempt.file("done")).forEach(unit -> done.put(unit, "done"));
            }
            return done;
        }

        @Override
        public Implementation implementationOf(String unit) {
            return aqs;
        }

        @Override
        public String journalKey(String unit) {
            return unit;
        }

        @Override
        public Duration bound(String unit) {
            return bound;
        }

        @Override
        public List<String> dumpNeedles(String unit) {
            return List.of("AqsWaitGroup");
        }

        @Override
        public String died(String unit, Death death) {
            return death.kind() + ": " + death.message();
        }

        @Override
        public String unreached(String unit, Unreached why) {
            return why.kind() + ": " + why.message();
        }

        @Override
        public void record(String unit, String result) {
            results.put(unit, result);
        }
    }
}
