package dev.waitgroup.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.waitgroup.catalogue.Check;
import dev.waitgroup.catalogue.Suite;
import dev.waitgroup.record.CheckResult;
import dev.waitgroup.record.Evidence;
import dev.waitgroup.record.SuiteResults;
import dev.waitgroup.record.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WaitGroups that fight back: one ends the JVM in {@code add}, one eats the heap, one eats it only after
 * the check's bound (as filling it on a busy machine does), one never returns.
 * Each is contained to its own checks, each of those a named failure saying what happened and where,
 * while {@code aqs}, checked in the same run, is unaffected, the suite finishes, and the report and
 * its gate are written and name them.
 */
class HostilePlugInTest {
    private static final String HOSTILE = "com.acme.ExitingWaitGroup,com.acme.HeapEaterWaitGroup,"
            + "com.acme.LateHeapEaterWaitGroup,com.acme.NeverReturnsWaitGroup,aqs";
    private static final String CHECKS = "sequential-semantics,await-blocks-until-zero,new-group-is-zero";

    @TempDir
    static Path results;
    private static Harness.Run run;

    @BeforeAll
    static void runTheContractSuiteOnThem() {
        run = Harness.contract(results, "wg.impl=" + HOSTILE, Harness.plugIns(), "wg.check=" + CHECKS,
                "contract.check.bound=3s");
    }

    @Test
    void theSuiteFinishesAndKeepsEveryPromise() {
        assertEquals(0, run.exit(), run.output());
        SuiteResults contract = run.suite(Suite.CONTRACT);
        assertTrue(contract.complete(), "the results file is complete");
        assertEquals(15, contract.expected().size());
        assertEquals(java.util.List.of(), contract.missing(), "every promised verdict is there");
    }

    @Test
    void aSystemExitIsTheImplementationsFailureNamingTheCaller() {
        CheckResult exited = run.verdict(Suite.CONTRACT, "ExitingWaitGroup", Check.SEQUENTIAL_SEMANTICS).orElseThrow();
        assertEquals(Verdict.FAIL, exited.verdict());
        assertTrue(exited.message().startsWith("System.exit(3) was called from code under test during this check:"),
                exited.message());
        assertTrue(exited.message().contains("com.acme.ExitingWaitGroup.add(ExitingWaitGroup.java:"), exited.message());
        assertTrue(exited.reproduce().contains("-Dwg.impl=com.acme.ExitingWaitGroup -Dwg.classpath="),
                "the command to see it again names the class and its jar: " + exited.reproduce());
    }

    @Test
    void anExhaustedHeapIsTheImplementationsFailure() {
        CheckResult eaten = run.verdict(Suite.CONTRACT, "HeapEaterWaitGroup", Check.SEQUENTIAL_SEMANTICS).orElseThrow();
        assertEquals(Verdict.FAIL, eaten.verdict(), () -> eaten.message() + "\n" + eaten.evidence());
        assertTrue(eaten.message().contains("exhausted the heap"), eaten.message());
    }

    @Test
    void aHeapExhaustedAfterTheCheckBoundIsStillTheImplementationsFailure() {
        CheckResult eaten = run.verdict(Suite.CONTRACT, "LateHeapEaterWaitGroup", Check.SEQUENTIAL_SEMANTICS)
                .orElseThrow();
        assertEquals(Verdict.FAIL, eaten.verdict(), () -> eaten.message() + "\n" + eaten.evidence());
        assertTrue(eaten.message().contains("LateHeapEaterWaitGroup exhausted the heap"), eaten.message());
    }

    @Test
    void aCallThatNeverReturnsIsAHangReportedAtTheBoundWithWhereItWas() {
        CheckResult hung = run.verdict(Suite.CONTRACT, "NeverReturnsWaitGroup", Check.SEQUENTIAL_SEMANTICS)
                .orElseThrow();
        assertEquals(Verdict.TIMEOUT, hung.verdict());
        assertTrue(hung.millis() < 5_000, "reported at its bound of 3 s, took " + hung.millis() + " ms");
        assertTrue(hung.message().contains("is WAITING in com.acme.NeverReturnsWaitGroup.add(NeverReturnsWaitGroup.java:"),
                "the message says where: " + hung.message());
        Evidence dump = hung.evidence().stream().filter(e -> e.kind() == Evidence.Kind.THREAD_DUMP).findFirst()
                .orElseThrow();
        assertTrue(dump.text().contains("parked on com.acme.NeverReturnsWaitGroup@"), dump.text());
        assertTrue(hung.evidence().stream().anyMatch(e -> e.kind() == Evidence.Kind.GROUP_STATE
                && e.text().contains("AqsWaitGroup[count=0")), "the group's own state is shown");
    }

    @Test
    void aCorrectImplementationInTheSameRunIsUnaffected() {
        for (String check : CHECKS.split(",")) {
            assertEquals(Verdict.PASS, run.verdict(Suite.CONTRACT, "aqs", Check.of(check)).orElseThrow().verdict(), check);
        }
    }

    @Test
    void theReportAndTheGateNameWhatHappened(@TempDir Path out) throws IOException {
        Harness.Run report = Harness.report(results, out, "wg.run.id=acceptance");
        assertEquals(1, report.exit(), "the gate fails the build: " + report.output());
        assertTrue(report.output().contains("ExitingWaitGroup (contract 2):"), report.output());
        String html = Files.readString(out.resolve("site/index.html"));
        assertTrue(html.contains("System.exit(3) was called from code under test"), "the page shows the evidence");
        assertTrue(Files.readString(out.resolve("junit/TEST-wg-lab.contract.xml"))
                .contains("Reproduce: java -Dwg.impl=com.acme.NeverReturnsWaitGroup"), "the JUnit XML says how to rerun it");
    }
}
