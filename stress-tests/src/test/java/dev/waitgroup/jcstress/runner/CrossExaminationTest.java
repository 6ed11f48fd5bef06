package dev.waitgroup.jcstress.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.waitgroup.WaitGroup;
import dev.waitgroup.harness.Implementations;
import dev.waitgroup.jcstress.contract.DoneHappensBeforeAwait;
import dev.waitgroup.jcstress.contract.RacingDonesLoseNoUpdate;
import dev.waitgroup.jcstress.misuse.ForgottenDone;
import dev.waitgroup.record.Evidence;
import dev.waitgroup.record.ResultsFiles;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cross-examination, as the jcstress suite uses it: a forbidden outcome replayed under Lincheck's
 * model checker. Deterministic: the model checker explores interleavings, it does not wait for luck.
 * Each case runs the examination in a JVM of its own, as the suite does (Lincheck instruments the
 * classes it loads).
 */
class CrossExaminationTest {
    private static final String LOST_UPDATE = "ok, ok, 1";

    @TempDir
    Path folder;

    @Test
    void aLostUpdateIsReachableByInterleavingAndTheInterleavingShowsTheOverwrittenCount() throws Exception {
        CrossExamination.Finding finding = examine("lost-update", RacingDonesLoseNoUpdate.class, LOST_UPDATE);
        assertEquals(CrossExamination.Label.REACHABLE_BY_INTERLEAVING, finding.label());
        assertTrue(finding.report().contains("count = 1"), "the trace shows the write that loses the other done():\n"
                + finding.report());
    }

    @Test
    void theSameOutcomeOnACorrectGroupIsReachedByNoInterleaving() throws Exception {
        CrossExamination.Finding finding = examine("cas", RacingDonesLoseNoUpdate.class, LOST_UPDATE);
        assertEquals(CrossExamination.Label.MEMORY_MODEL_ONLY, finding.label(), String.valueOf(finding.report()));
    }

    @Test
    void aLostWakeUpReachesTheTimeoutAsAHangOfTheWaiter() throws Exception {
        CrossExamination.Finding finding = examine("lost-wakeup", DoneHappensBeforeAwait.class, "timed out, 1, 2");
        assertEquals(CrossExamination.Label.REACHABLE_BY_INTERLEAVING, finding.label());
        Evidence evidence = CrossExamination.evidence(new CrossExamination.Question(DoneHappensBeforeAwait.class.getName(),
                "timed out, 1, 2"), finding);
        assertTrue(evidence.caption().endsWith("reachable by interleaving"), evidence.caption());
        assertTrue(evidence.text().contains("waiter hung"), evidence.text());
    }

    /**
     * A fresh user's group whose timed wait, once its time is up, reports a release if the counter merely
     * changed: jcstress sees it return although a task is still counted. The model checker lets no time
     * pass, so that wait never times out there and the replay cannot produce the outcome: not decided,
     * and the finding says the wait that never ended is the checker's frozen clock, not a livelock of
     * the group.
     */
    @Test
    void aTimedWaitThatNeverTimesOutUnderTheCheckerIsNotDecidedAndSaysWhy() throws Exception {
        CrossExamination.Finding finding = examine(ChangeCountsAsReleaseWaitGroup.class.getName(), ForgottenDone.class,
                "released");
        assertEquals(CrossExamination.Label.NOT_DECIDED, finding.label(), String.valueOf(finding.report()));
        assertTrue(finding.report().startsWith("the replay did not produce the outcome: a thread never got past a"
                + " wait"), finding.report());
        assertTrue(finding.report().contains("it lets no time pass"), finding.report());
    }

    @Test
    void anOutcomeTheCheckerNeverGotToIsNotDecided() {
        Evidence evidence = CrossExamination.evidence(new CrossExamination.Question("x.Test", "timed out"),
                new CrossExamination.Finding(CrossExamination.Label.NOT_DECIDED, 0, "The model checker did not get to"
                        + " this outcome: the JVM did not end it within 90 s"));
        assertTrue(evidence.caption().endsWith("not decided"), evidence.caption());
        assertTrue(evidence.text().contains("90 s"), evidence.text());
    }

    /**
     * The cross-examination is an engine of the one bounded runner, so a JVM the OS kills costs it at most
     * the outcome it was on, as in every other engine (theirs are killed in acceptance's
     * ResumeAfterDeathTest): the first JVM is killed once it has examined an outcome, and a fresh one
     * examines the rest.
     */
    @Test
    void aJvmTheOsKillsCostsAtMostTheOutcomeItWasOn() throws Exception {
        List<CrossExamination.Question> questions = List.of(
                new CrossExamination.Question(RacingDonesLoseNoUpdate.class.getName(), LOST_UPDATE),
                new CrossExamination.Question(DoneHappensBeforeAwait.class.getName(), "timed out, 1, 2"),
                new CrossExamination.Question(RacingDonesLoseNoUpdate.class.getName(), "ok, ok, 0"));
        Path work = folder.resolve("work");
        Path firstJvm = work.resolve("batch0-1");
        List<String> classpath = List.of(System.getProperty("java.class.path").split(File.pathSeparator));
        CompletableFuture<Map<String, CrossExamination.Finding>> examined = CompletableFuture.supplyAsync(() -> {
            try {
                return CrossExamination.examine(classpath, "", Implementations.named("lost-update"), questions, work);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        killOnceItExaminedAnOutcome(firstJvm, examined);

        Map<String, CrossExamination.Finding> findings = examined.get(3, TimeUnit.MINUTES);
        assertTrue(Files.isDirectory(work.resolve("batch0-2")), "a fresh JVM resumed");
        assertEquals(questions.stream().map(CrossExamination.Question::key).toList(), List.copyOf(findings.keySet()),
                "every outcome has its finding");
        assertEquals(CrossExamination.Label.REACHABLE_BY_INTERLEAVING, findings.get(questions.get(0).key()).label(),
                "what the killed JVM finished is kept");
        List<CrossExamination.Finding> lost = findings.values().stream()
                .filter(f -> f.report() != null && f.report().startsWith("The model checker did not get to")).toList();
        assertTrue(lost.size() <= 1, "at most the outcome it was on is lost: " + lost);
        for (CrossExamination.Finding finding : lost) {
            assertEquals(CrossExamination.Label.NOT_DECIDED, finding.label());
            assertTrue(finding.report().contains("exit status 137"), finding.report());
        }
    }

    /** SIGKILL, as the OS sends it, to the first JVM (and what it started) once its journal has an END line. */
    private static void killOnceItExaminedAnOutcome(Path firstJvm, CompletableFuture<?> examined) throws Exception {
        Path journal = firstJvm.resolve("journal");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!examined.isDone() && System.nanoTime() < deadline) {
            if (Files.isRegularFile(journal) && Files.readAllLines(journal).stream().anyMatch(l -> l.startsWith("END\t"))) {
                ProcessHandle.current().descendants()
                        .filter(p -> p.info().commandLine().orElse("").contains(firstJvm.toString()))
                        .forEach(jvm -> {
                            jvm.descendants().forEach(ProcessHandle::destroyForcibly);
                            jvm.destroyForcibly();
                        });
                return;
            }
            Thread.sleep(50);
        }
    }

    private CrossExamination.Finding examine(String implementation, Class<?> test, String outcome) throws Exception {
        Path out = folder.resolve(implementation + ".json");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+EnableDynamicAgentLoading", "-Xshare:off", "-Djava.io.tmpdir=" + folder, "-Dwg.impl=" + implementation,
                "-cp", System.getProperty("java.class.path"), CrossExamination.class.getName(),
                out.toString(), "300", test.getName(), outcome));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(folder.resolve(implementation + ".log").toFile()).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the examination finished");
        assertEquals(0, process.exitValue(), Files.readString(folder.resolve(implementation + ".log")));
        Map<String, CrossExamination.Finding> findings = ResultsFiles.mapper().readValue(out.toFile(),
                new TypeReference<LinkedHashMap<String, CrossExamination.Finding>>() { });
        CrossExamination.Finding finding = findings.get(new CrossExamination.Question(test.getName(), outcome).key());
        assertNotNull(finding, "a finding for " + outcome + " in " + findings.keySet());
        return finding;
    }

    /**
     * Lock and condition with a round number, correct but for one line, a fresh user's: a timed wait
     * whose time is up returns whether the counter changed since it began, not false.
     */
    public static final class ChangeCountsAsReleaseWaitGroup implements WaitGroup {
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition released = lock.newCondition();
        private int count;
        private long round;
        private long version;

        @Override
        public void add(int delta) {
            lock.lock();
            try {
                long next = (long) count + delta;
                if (next < 0 || next > Integer.MAX_VALUE) {
                    throw new IllegalStateException("negative or overflowing counter");
                }
                count = (int) next;
                version++;
                if (count == 0) {
                    round++;
                    released.signalAll();
                }
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void await() throws InterruptedException {
            lock.lockInterruptibly();
            try {
                for (long r = round; count != 0 && round == r; ) {
                    released.await();
                }
            } finally {
                lock.unlock();
            }
        }

        @Override
        public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
            long nanos = unit.toNanos(timeout);
            lock.lockInterruptibly();
            try {
                long r = round;
                long v = version;
                while (count != 0 && round == r) {
                    if (nanos <= 0) {
                        return version != v; // the bug: a change is not a release; false
                    }
                    nanos = released.awaitNanos(nanos);
                }
                return true;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public int count() {
            lock.lock();
            try {
                return count;
            } finally {
                lock.unlock();
            }
        }
    }
}
