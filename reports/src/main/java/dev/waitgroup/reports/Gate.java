package dev.waitgroup.reports;

import dev.waitgroup.record.Category;
import dev.waitgroup.record.CheckResult;
import dev.waitgroup.record.ImplementationInfo;
import dev.waitgroup.record.SuiteResults;
import dev.waitgroup.record.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The build gate: every reason the run must fail, or none. The suites record verdicts and let the
 * build go on, so that one broken implementation never hides the others' results; this is where
 * the build fails, listing everything at once:
 * <ol>
 *   <li>a suite that should have run left no results, or results of another build;</li>
 *   <li>a suite has no results for an implementation that the others checked;</li>
 *   <li>an implementation (or a plugged-in class) failed a check: a wrong result, a forbidden
 *       outcome, a non-linearizable history, a hang, an error;</li>
 *   <li>a specimen was caught by no check; an interleaving specimen escaped Lincheck; in the stress
 *       run, a specimen escaped jcstress;</li>
 *   <li>a misuse reproduction lost its teeth: add-inside-the-goroutine or forgotten-done reproduced
 *       nowhere (in the stress run, add-inside-the-goroutine not reproduced by jcstress on every
 *       implementation); an implementation's measured reuse behaviour differs from its class
 *       comment; an implementation documented to detect misuse was never caught detecting it.</li>
 * </ol>
 * Probabilistic hunts gate only the stress run; everything gated in the default run is
 * deterministic for a correct implementation.
 */
final class Gate {
    private final ReportData data;
    private final boolean stress;
    private final List<String> reasons = new ArrayList<>();

    private Gate(ReportData data) {
        this.data = data;
        this.stress = "stress".equals(data.mode);
    }

    static List<String> reasons(ReportData data) {
        Gate gate = new Gate(data);
        gate.suitesRan();
        gate.everyImplementationChecked();
        gate.implementationsPass();
        gate.specimensCaught();
        gate.misuseKeepsItsTeeth();
        return List.copyOf(gate.reasons);
    }

    private void suitesRan() {
        data.inputs.problems.forEach((suite, problem) -> reasons.add(suite + ": " + problem));
        if (stress && data.inputs.jmh == null && !data.inputs.problems.containsKey("jmh")) {
            reasons.add("jmh: no benchmark results in a stress run (expected " + Inputs.JMH_FILE + ")");
        }
        for (Map.Entry<String, SuiteResults> suite : data.inputs.suites.entrySet()) {
            String runId = suite.getValue().runId();
            if (!data.runId.isEmpty() && !data.runId.equals(runId)) {
                reasons.add(suite.getKey() + ": results of another build (run " + runId + ", this build is "
                        + data.runId + "): the suite did not run in this build");
            }
            if (suite.getValue().results().isEmpty()) {
                reasons.add(suite.getKey() + ": the results file holds no verdicts");
            }
        }
    }

    private void everyImplementationChecked() {
        for (String suite : data.inputs.suites.keySet()) {
            for (ImplementationInfo info : data.implementations) {
                if (!data.implementationChecked(suite, info.name())) {
                    reasons.add(suite + ": no results for " + info.name() + " (checked by the other suites)");
                }
            }
        }
    }

    private void implementationsPass() {
        for (ImplementationInfo info : data.judged()) {
            for (ReportData.Finding finding : data.findings(info.name())) {
                CheckResult result = finding.result();
                if (result.verdict().isFailure()) {
                    reasons.add(finding.suite() + ": " + info.name() + " failed " + result.check() + " ("
                            + result.verdict().id() + "): " + firstLine(result.message()));
                }
            }
        }
    }

    private void specimensCaught() {
        for (ImplementationInfo specimen : data.ofKind("specimen")) {
            List<ReportData.Finding> catches = data.catches(specimen.name());
            if (catches.isEmpty()) {
                reasons.add("specimen " + specimen.name() + " was caught by no check: the harness has lost its teeth");
                continue;
            }
            if ("interleaving".equals(specimen.bug()) && data.inputs.suites.containsKey("lincheck")
                    && catches.stream().noneMatch(f -> f.suite().equals("lincheck"))) {
                reasons.add("specimen " + specimen.name() + " has an interleaving bug, but Lincheck's model checker"
                        + " did not catch it");
            }
            if (stress && data.inputs.suites.containsKey("jcstress")
                    && catches.stream().noneMatch(f -> f.suite().equals("jcstress"))) {
                reasons.add("specimen " + specimen.name() + " was caught by no jcstress test in the stress run");
            }
        }
    }

    private void misuseKeepsItsTeeth() {
        List<ImplementationInfo> judged = data.judged();
        if (judged.isEmpty()) {
            return;
        }
        if (data.inputs.suites.containsKey("contract")) {
            for (String misuse : List.of("add-inside-goroutine", "forgotten-done")) {
                boolean shown = judged.stream().anyMatch(i -> verdict("contract", i, misuse) == Verdict.REPRODUCED);
                if (!shown) {
                    reasons.add("contract: the " + misuse + " reproduction showed its bug on no implementation");
                }
            }
            for (ImplementationInfo info : judged) {
                reuseAsDocumented(info);
            }
        }
        if (stress && data.inputs.suites.containsKey("jcstress")) {
            for (ImplementationInfo info : data.ofKind("implementation")) {
                Verdict seen = verdict("jcstress", info, "add-inside-goroutine");
                if (seen != Verdict.REPRODUCED) {
                    reasons.add("jcstress: add-inside-goroutine was not reproduced on " + info.name() + " ("
                            + (seen == null ? "no result" : seen.id()) + ")");
                }
            }
        }
        if (data.inputs.suites.containsKey("lincheck")) {
            for (ImplementationInfo info : judged) {
                if ("detects-and-throws".equals(info.documentedReuse())) {
                    for (String check : List.of("mc-reuse-before-wait-returned", "mc-add-concurrent-with-wait")) {
                        if (verdict("lincheck", info, check) != Verdict.DETECTED) {
                            reasons.add("lincheck: " + info.name() + " documents misuse detection, but " + check
                                    + " found no interleaving where it detects");
                        }
                    }
                }
            }
        }
    }

    private void reuseAsDocumented(ImplementationInfo info) {
        String documented = info.documentedReuse();
        if (documented == null || "unknown".equals(documented)) {
            return;
        }
        Optional<CheckResult> reuse = data.result("contract", info.name(), "reuse-before-wait-returned");
        if (reuse.isEmpty() || reuse.get().category() != Category.MISUSE) {
            return;
        }
        Object measured = reuse.get().details().get("behaviour");
        if (measured != null && !documented.equals(measured)) {
            reasons.add("contract: " + info.name() + " documents reuse behaviour '" + documented
                    + "' but behaved '" + measured + "' (" + reuse.get().message() + ")");
        }
    }

    private Verdict verdict(String suite, ImplementationInfo info, String check) {
        return data.result(suite, info.name(), check).map(CheckResult::verdict).orElse(null);
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
