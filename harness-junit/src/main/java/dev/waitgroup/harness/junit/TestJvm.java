package dev.waitgroup.harness.junit;

import dev.waitgroup.catalogue.Check;
import dev.waitgroup.catalogue.Suite;
import dev.waitgroup.harness.ExitWitness;
import dev.waitgroup.harness.run.Journal;
import dev.waitgroup.record.CheckResult;
import dev.waitgroup.record.Expected;
import dev.waitgroup.record.RunInfo;
import dev.waitgroup.record.SuiteRecorder;
import dev.waitgroup.settings.InternalProperty;
import dev.waitgroup.settings.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * This test JVM's part of a suite run, as the runner that started it ({@link JUnitSuite}, or PIT for
 * the mutation run) set it up through {@link InternalProperty internal properties}: which
 * (implementation, check) pairs to run, where to write their verdicts, what it is doing (its journal),
 * how long one check may take, and whether a defect also fails the JUnit test. The run's settings
 * come as every JVM of the run gets them ({@link Settings#asJvmOptions()}). A JVM that nobody started
 * (a check class run from an IDE) runs every check, each bounded by {@value #UNSTARTED_CHECK_BOUND_MILLIS}
 * ms, and keeps its verdicts in memory.
 *
 * <p>It also keeps a little memory in reserve: when code under test exhausts the heap, the reserve is
 * freed so that the verdict can still be written, and the JVM is recycled after that check.
 */
final class TestJvm {
    private static final TestJvm CURRENT = new TestJvm();

    /** How long one check may take in a JVM that no runner started, and so gave no bound. */
    static final long UNSTARTED_CHECK_BOUND_MILLIS = 60_000;

    final Settings settings = Settings.fromSystemProperties();
    final Suite suite = Suite.of(valueOr(InternalProperty.SUITE, Suite.CONTRACT.id()));
    final Journal journal = Journal.fromSystemProperty();
    /** How long one check may take before it is reported as a hang. */
    final Duration checkBound = Duration.ofMillis(Long.parseLong(valueOr(InternalProperty.CHECK_BOUND,
            String.valueOf(UNSTARTED_CHECK_BOUND_MILLIS))));
    /** Whether a verdict that is a defect also fails its JUnit test (under PIT, which reads JUnit). */
    final boolean failTests = Boolean.parseBoolean(InternalProperty.FAIL_TESTS.inThisJvm());
    private final Set<Expected> pairs = readPairs();
    private final SuiteRecorder part;
    private volatile String recycleBecause;
    @SuppressWarnings("unused")
    private volatile byte[] reserve = new byte[8 << 20];
    /** How many threads of this JVM died of an exhausted heap, and the last such error. */
    private final AtomicInteger outOfMemories = new AtomicInteger();
    private volatile OutOfMemoryError lastOutOfMemory;

    private TestJvm() {
        ExitWitness.endWhenMainEnds(); // under PIT, whose main is not ours, a plug-in's own thread must not keep it alive
        String partFile = InternalProperty.RESULTS_PART.inThisJvm();
        RunInfo run = new RunInfo(settings.runId, settings.mode, settings.selection, settings.checkFilter,
                settings.shard, RunInfo.thisJvm(), Runtime.version().feature());
        part = new SuiteRecorder(suite, run, partFile.isEmpty() ? null : Path.of(partFile));
        Thread.setDefaultUncaughtExceptionHandler((thread, thrown) -> {
            if (thrown instanceof OutOfMemoryError) {
                outOfMemory();
                lastOutOfMemory = (OutOfMemoryError) thrown;
                outOfMemories.incrementAndGet();
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

    private static String valueOr(InternalProperty property, String otherwise) {
        String value = property.inThisJvm();
        return value.isEmpty() ? otherwise : value;
    }

    private static Set<Expected> readPairs() {
        String file = InternalProperty.PAIRS.inThisJvm();
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
        if (recycleBecause != null && !failTests) {
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

    /** How many threads of this JVM have died of an exhausted heap so far. */
    int outOfMemories() {
        return outOfMemories.get();
    }

    /** The error the last thread that died of an exhausted heap threw; null when none has. */
    OutOfMemoryError lastOutOfMemory() {
        return lastOutOfMemory;
    }

    /** Frees the reserve, so that a verdict can be written after code under test exhausted the heap. */
    void outOfMemory() {
        reserve = null;
    }
}
