package dev.waitgroup.harness.junit;

import dev.waitgroup.catalogue.Check;
import dev.waitgroup.catalogue.Suite;
import dev.waitgroup.harness.ExitWitness;
import dev.waitgroup.harness.Journal;
import dev.waitgroup.record.CheckResult;
import dev.waitgroup.record.Expected;
import dev.waitgroup.record.RunInfo;
import dev.waitgroup.record.SuiteRecorder;
import dev.waitgroup.settings.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * This test JVM's part of a suite run, as the runner that started it ({@link JUnitSuite}) set it up
 * through system properties: which (implementation, check) pairs to run ({@code wg.pairs}), where to
 * write their verdicts ({@code wg.results.part}) and what it is doing ({@code wg.journal}). A JVM
 * that nobody started (a test run from an IDE) runs every check and keeps its verdicts in memory.
 *
 * <p>It also keeps a little memory in reserve: when code under test exhausts the heap, the reserve is
 * freed so that the verdict can still be written, and the JVM is recycled after that check.
 */
final class TestJvm {
    private static final TestJvm CURRENT = new TestJvm();

    final Settings settings = Settings.fromSystemProperties();
    final Suite suite = Suite.of(System.getProperty("wg.suite", "contract"));
    final Journal journal = Journal.fromSystemProperty();
    private final Set<Expected> pairs = readPairs();
    private final SuiteRecorder part;
    private volatile String recycleBecause;
    @SuppressWarnings("unused")
    private volatile byte[] reserve = new byte[8 << 20];

    private TestJvm() {
        ExitWitness.endWhenMainEnds(); // under PIT, whose main is not ours, a plug-in's own thread must not keep it alive
        String partFile = System.getProperty("wg.results.part", "");
        RunInfo run = new RunInfo(settings.runId, settings.mode, settings.selection, settings.checkFilter,
                settings.shard, RunInfo.thisJvm(), Runtime.version().feature());
        part = new SuiteRecorder(suite, run, partFile.isEmpty() ? null : Path.of(partFile));
        Thread.setDefaultUncaughtExceptionHandler((thread, thrown) -> {
            if (thrown instanceof OutOfMemoryError) {
                outOfMemory();
                if (journal != null) {
                    journal.lost("thread \"" + thread.getName() + "\" ran out of memory: " + thrown);
                }
                recycle("memory ran out in thread \"" + thread.getName() + "\"");
            }
        });
    }

    static TestJvm current() {
        return CURRENT;
    }

    private static Set<Expected> readPairs() {
        String file = System.getProperty("wg.pairs", "");
        if (file.isEmpty()) {
            return null;
        }
        Set<Expected> pairs = new HashSet<>();
        try {
            for (String line : Files.readAllLines(Path.of(file))) {
                String[] fields = line.split("\t");
                if (fields.length == 2) {
                    pairs.add(new Expected(fields[0], Check.of(fields[1])));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pairs;
    }

    /** Whether this JVM is to run this check on this implementation now. */
    boolean runs(String implementation, Check check) {
        if (recycleBecause != null && !settings.failTests) {
            return false; // under a tool that reads JUnit (PIT), the tool decides when to start a JVM afresh
        }
        return pairs == null ? settings.selects(check) : pairs.contains(new Expected(implementation, check));
    }

    void record(CheckResult result) {
        part.record(result);
        if (part.file() != null) {
            part.write();
        }
    }

    /** Stops running checks after the current one: the runner starts a fresh JVM for the rest. */
    void recycle(String why) {
        if (recycleBecause == null) {
            recycleBecause = why;
            if (journal != null) {
                journal.recycle(why);
            }
        }
    }

    /** Frees the reserve, so that a verdict can be written after code under test exhausted the heap. */
    void outOfMemory() {
        reserve = null;
    }
}
