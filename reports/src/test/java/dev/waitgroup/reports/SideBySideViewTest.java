package dev.waitgroup.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.waitgroup.catalogue.Suite;
import dev.waitgroup.record.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One build run on two JDKs: the page shows the runs side by side, names the verdicts that changed
 * with the JDK, links each to its run's report, and fails the combined gate when one run's gate fails.
 */
class SideBySideViewTest {
    @TempDir
    Path folder;

    @Test
    void aVerdictThatChangesWithTheJdkIsNamedAndFailsTheCombinedGate() throws Exception {
        SideBySideView view = onJava17And25("cas", Verdict.PASS, Verdict.FAIL);

        assertEquals(List.of("Java 17 passed", "Java 25 failed"), view.runs().stream()
                .map(run -> run.java() + (run.passed() ? " passed" : " failed")).toList());
        assertFalse(view.passed(), "one JDK's failure fails the build");
        assertEquals(0, view.agreeing());
        int suites = Suite.values().length;
        assertEquals(suites, view.differences().size(), "cas's one check in each suite: " + view.differences());
        SideBySideView.Difference contract = view.differences().get(0);
        assertEquals("cas", contract.implementation());
        assertEquals(List.of("pass", "fail"), contract.cells().stream().map(SideBySideView.Cell::cls).toList());
        assertTrue(contract.cells().get(1).link().startsWith("java-25/site/index.html"), contract.cells().toString());

        String page = ReportMain.render("side-by-side.html.mustache", view, true);
        assertTrue(page.contains("one build on 2 JDKs"), page);
        assertTrue(page.contains("Gate failed</strong> on\n  Java 25 (" + suites + " reasons)"), page);
    }

    @Test
    void runsThatAgreeGiveOnePassingGate() throws Exception {
        SideBySideView view = onJava17And25("aqs", Verdict.PASS, Verdict.PASS);

        assertTrue(view.passed());
        assertEquals(Suite.values().length, view.agreeing());
        assertEquals(List.of(), view.differences());
        assertTrue(ReportMain.render("side-by-side.md.mustache", view, false)
                .contains(Suite.values().length + " verdicts read the same on every JDK; 0 differ."));
    }

    @Test
    void theMergeCommandWritesAReportPerJdkAndThePageThatSetsThemSideBySide() throws Exception {
        Path out = folder.resolve("merged");
        int status = ReportMain.run(new String[] {out.toString(),
                ShardMergeTest.shard(folder, "aqs", 1, 1, "b9-java25", 25, Verdict.PASS).toString(),
                ShardMergeTest.shard(folder, "aqs", 1, 1, "b9-java17", 17, Verdict.PASS).toString()},
                Map.<String, String>of()::get);

        assertEquals(0, status, "both JDKs' gates passed");
        assertTrue(Files.readString(out.resolve("site/index.html")).contains("one build on 2 JDKs"));
        for (int java : new int[] {17, 25}) {
            assertTrue(Files.readString(out.resolve("java-" + java + "/site/index.html")).contains("b9-java" + java));
            assertTrue(Files.readString(out.resolve("java-" + java + "/junit/TEST-wg-lab.java" + java + ".contract.xml"))
                    .contains("testsuite name=\"wg-lab.java" + java + ".contract\""), "CI tells the JDKs apart");
        }
    }

    /** One build of one implementation on Java 17 and 25, whose one check per suite got the verdicts given. */
    private SideBySideView onJava17And25(String implementation, Verdict on17, Verdict on25) throws Exception {
        List<SideBySideView.RunReport> reports = new ArrayList<>();
        for (ShardMerge.Run run : ShardMerge.merge(List.of(
                ShardMergeTest.shard(folder, implementation, 1, 1, "b7-java17", 17, on17),
                ShardMergeTest.shard(folder, implementation, 1, 1, "b7-java25", 25, on25)), folder.resolve("merged"))) {
            Results results = new Results(Inputs.read(run.folder()));
            List<GateReason> reasons = Gate.reasons(results, new ReportContext(run.id(), "", ""));
            reports.add(new SideBySideView.RunReport(run, results, reasons, "java-" + run.java()));
        }
        return SideBySideView.of(reports);
    }
}
