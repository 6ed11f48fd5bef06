package dev.waitgroup.harness.run;

import dev.waitgroup.catalogue.Check;
import dev.waitgroup.harness.ChildJvm;
import dev.waitgroup.harness.Implementation;
import dev.waitgroup.harness.ThreadDumps;
import dev.waitgroup.record.CheckResult;
import dev.waitgroup.record.Evidence;
import dev.waitgroup.record.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How a unit of work ended when the child JVM running it did not finish it: the one place where a
 * hang, a {@code System.exit}, an exhausted heap or a crash becomes a verdict, for every engine.
 *
 * <p>The rule: a verdict against the implementation needs evidence of what the implementation did.
 * A JVM ended at its bound is a {@link Kind#HANG} only if a call into the implementation stood still
 * in every thread dump taken before it was ended ({@code StuckCalls}); otherwise the JVM was merely
 * slow ({@link Kind#TOO_SLOW}), which says nothing about the implementation. {@code System.exit}
 * from code under test ({@link Kind#EXIT}), {@code Runtime.halt} ({@link Kind#HALT}: the JVM ended with
 * an exit status no signal gives, its shutdown hooks not run, no crash log) and a heap the implementation
 * exhausted ({@link Kind#OUT_OF_MEMORY}) are its failures. Anything else ({@link Kind#CRASH}: the engine's own
 * error, a JVM crash) proves nothing either way: a harness error, with the output and, for a JVM
 * crash, its {@code hs_err} file.
 *
 * @param kind     what happened
 * @param message  one paragraph that says it, naming the implementation and the bound or exit status
 * @param millis   how long the unit ran before it ended
 * @param evidence what the message rests on: thread dumps, frames, output
 */
public record Death(Kind kind, String message, long millis, List<Evidence> evidence) {

    /** What ended a unit, and the verdict that follows. */
    public enum Kind {
        /** A call into the implementation stood still until the JVM was ended at a bound. */
        HANG(Verdict.TIMEOUT),
        /** The JVM was ended at a bound with no call standing still: it was too slow, which is no hang. */
        TOO_SLOW(Verdict.HARNESS_ERROR),
        /** Code under test called {@code System.exit}. */
        EXIT(Verdict.FAIL),
        /** Code under test called {@code Runtime.halt}: the JVM ended without its shutdown hooks, no signal, no crash. */
        HALT(Verdict.FAIL),
        /** Code under test exhausted the heap. */
        OUT_OF_MEMORY(Verdict.FAIL),
        /** The JVM ended for another reason: the engine's error or a crash of the JVM. */
        CRASH(Verdict.HARNESS_ERROR);

        private final Verdict verdict;

        Kind(Verdict verdict) {
            this.verdict = verdict;
        }

        public Verdict verdict() {
            return verdict;
        }
    }

    public Death {
        evidence = List.copyOf(evidence);
    }

    /** The verdict of a check whose unit died so. */
    public CheckResult verdict(String implementation, Check check, String how) {
        CheckResult result = CheckResult.of(implementation, check, kind.verdict(), millis, how, message);
        for (Evidence piece : evidence) {
            result = result.withEvidence(piece);
        }
        return result;
    }

    /**
     * Reads a child JVM that ended before it finished {@code running}: from its journal (whether code
     * under test exited or exhausted the heap after the unit started), its thread dumps (whether a call
     * into the implementation stood still) and its output.
     *
     * @param outcome             how the JVM ended
     * @param entries             its journal
     * @param running             the journal's entry of the unit that was running; null when the engine
     *                            cannot tell (then every event of the journal counts)
     * @param implementation      whose calls are looked for in the dumps, named in the message
     * @param millis              how long the unit ran
     * @param dumpNeedles         what a thread of the dump must mention to be kept as evidence (the
     *                            implementation, the engine's own threads)
     */
    public static Death of(ChildJvm.Outcome outcome, List<Journal.Entry> entries, Journal.Entry running,
                           Implementation implementation, long millis, List<String> dumpNeedles) {
        String implementationClass = implementation.type().getName();
        if (outcome.killed()) {
            List<Evidence> dumps = new ArrayList<>();
            if (outcome.threadDump() != null) {
                dumps.add(new Evidence(Evidence.Kind.THREAD_DUMP, "where the JVM's threads were before it was ended",
                        ThreadDumps.relevantBlocks(outcome.threadDump(), dumpNeedles)));
            }
            List<String> stuck = outcome.stuckCalls(implementationClass);
            return stuck.isEmpty()
                    ? new Death(Kind.TOO_SLOW, outcome.killedBecause() + "; no call into " + implementation.name()
                            + " stood still in the " + outcome.threadDumps().size() + " thread dumps taken before: the"
                            + " JVM was too slow, which is no hang", millis, dumps)
                    : new Death(Kind.HANG, outcome.killedBecause() + "; a call did not return: " + stuck.get(0), millis,
                            dumps);
        }
        Optional<Journal.Entry> exit = Journal.after(entries, running, Journal.Event.EXIT);
        if (exit.isPresent()) {
            return new Death(Kind.EXIT, "System.exit(" + outcome.exitCode() + ") was called from code under test during"
                    + " this check: " + firstFrame(exit.get().text()), millis,
                    List.of(new Evidence(Evidence.Kind.STACK_TRACE, "the thread that called System.exit", exit.get().text())));
        }
        Optional<Journal.Entry> lost = Journal.after(entries, running, Journal.Event.LOST);
        if (lost.isPresent()) {
            return new Death(Kind.OUT_OF_MEMORY, implementation.name() + " exhausted the heap during this check: "
                    + lost.get().text(), millis, List.of());
        }
        List<Evidence> output = new ArrayList<>();
        output.add(new Evidence(Evidence.Kind.OUTPUT, "the JVM's last output", outcome.tail(30)));
        Optional<Path> crashLog = crashLog(outcome.log().toAbsolutePath().getParent());
        if (halted(outcome, entries, running) && crashLog.isEmpty()) {
            return new Death(Kind.HALT, "the JVM ended (exit status " + outcome.exitCode() + ") during this check"
                    + " without running its shutdown hooks, as only Runtime.halt ends a JVM (System.exit and the end"
                    + " of main run them, a signal gives an exit status above 128, a crash leaves a crash log); the"
                    + " harness never halts: code under test called Runtime.halt(" + outcome.exitCode() + ")", millis,
                    output);
        }
        crashLog.ifPresent(file -> output.add(new Evidence(Evidence.Kind.OUTPUT, "the JVM's crash log, " + file,
                head(file, 40))));
        return new Death(Kind.CRASH, "the JVM ended (exit status " + outcome.exitCode() + ") during this check, and no"
                + " System.exit from code under test was seen" + crashLog.map(f -> "; the JVM itself crashed: " + f)
                .orElse(""), millis, output);
    }

    /**
     * Whether a unit was running when the JVM ended with a status no signal gives (1 to 127), with the
     * exit witness installed and no shutdown hook run: only {@code Runtime.halt} (or an abort that leaves a
     * crash log, which the caller rules out) ends a JVM so.
     */
    private static boolean halted(ChildJvm.Outcome outcome, List<Journal.Entry> entries, Journal.Entry running) {
        return running != null && outcome.exitCode() > 0 && outcome.exitCode() < 128
                && Journal.after(entries, null, Journal.Event.WITNESS).isPresent()
                && Journal.after(entries, null, Journal.Event.SHUTDOWN).isEmpty();
    }

    /** A JVM that crashed (SIGSEGV and the like) leaves {@code hs_err_pid<pid>.log} in its working folder. */
    private static Optional<Path> crashLog(Path folder) {
        if (folder == null || !Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith("hs_err_pid")).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String head(Path file, int lines) {
        try (Stream<String> text = Files.lines(file)) {
            return String.join("\n", text.limit(lines).toList());
        } catch (IOException | java.io.UncheckedIOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private static String firstFrame(String frames) {
        for (String line : frames.split("\n")) {
            if (line.strip().startsWith("at ")) {
                return line.strip().substring(3);
            }
        }
        return frames;
    }
}
