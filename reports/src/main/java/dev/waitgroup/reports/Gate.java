package dev.waitgroup.reports;

import dev.waitgroup.catalogue.Bug;
import dev.waitgroup.catalogue.Check;
import dev.waitgroup.catalogue.Claim;
import dev.waitgroup.catalogue.ImplementationKind;
import dev.waitgroup.catalogue.Suite;
import dev.waitgroup.record.BenchmarkRun;
import dev.waitgroup.record.CheckResult;
import dev.waitgroup.record.Expected;
import dev.waitgroup.record.ImplementationInfo;
import dev.waitgroup.record.SuiteResults;
import dev.waitgroup.record.Verdict;
import dev.waitgroup.settings.Property;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The build gate: every reason the run must fail, or none. The suites record verdicts and let the
 * build go on, so that one broken implementation never hides the others' results; this is where the
 * build fails, naming everything at once:
 * <ol>
 *   <li>the run: a suite left no results, results of another run or selection, a file cut short;</li>
 *   <li>the manifest: a verdict a suite promised is missing, whatever the reason;</li>
 *   <li>an implementation (or a plugged-in class) failed or hung in a check or a benchmark, or
 *       contradicts its own documentation ({@link Defects});</li>
 *   <li>the harness could not reach a verdict (an engine's own error): it proves nothing;</li>
 *   <li>a specimen escaped every check, or a suite that must catch its bug (unless the run's hardware
 *       cannot show that bug at all, {@link Bug#visibleOn}, or that suite did not look at the specimen
 *       here: it did not run, every verdict of it is not-run, as Fray's are without a JDK 25, or the
 *       specimen was another shard's part);</li>
 *   <li>in the stress run, a hunt that must keep its teeth did not show its bug, or no speed figures.</li>
 * </ol>
 * Every rule reads the catalogue; none names a check.
 */
final class Gate {
    private final Results results;
    private final ReportContext context;
    private final List<GateReason> reasons = new ArrayList<>();

    private Gate(Results results, ReportContext context) {
        this.results = results;
        this.context = context;
    }

    static List<GateReason> reasons(Results results, ReportContext context) {
        Gate gate = new Gate(results, context);
        gate.theRun();
        gate.everyPromiseKept();
        gate.implementationsPass();
        gate.benchmarksRan();
        gate.harnessErrors();
        gate.specimensCaught();
        gate.huntsKeepTheirTeeth();
        return List.copyOf(gate.reasons);
    }

    private void theRun() {
        results.inputs.problems.forEach((suite, problem) -> reasons.add(GateReason.run(suite, problem)));
        for (Map.Entry<Suite, SuiteResults> entry : results.inputs.suites.entrySet()) {
            Suite suite = entry.getKey();
            SuiteResults file = entry.getValue();
            if (!context.runId().isEmpty() && !context.runId().equals(file.run().id())) {
                reasons.add(GateReason.run(suite, "results of another run in " + suite.id() + ".json (run "
                        + file.run().id() + "; this run is " + context.runId() + "): the suite did not run in this"
                        + " build, and its verdicts are not shown as this run's"));
                continue;
            }
            if (!context.selection().isEmpty() && !context.selection().equals(file.run().selection())) {
                String impl = Property.IMPL.key();
                reasons.add(GateReason.run(suite, suite.id() + " checked " + impl + "=" + file.run().selection()
                        + ", but this run selects " + impl + "=" + context.selection()));
            }
            if (!file.complete()) {
                reasons.add(GateReason.run(suite, suite.id() + " did not finish: its results file was cut short"
                        + " (the suite's runner died or was killed)"));
            }
        }
        if (context.stress() && results.inputs.speed == null) {
            reasons.add(GateReason.run(null, results.inputs.speedProblem != null ? results.inputs.speedProblem
                    : "no speed figures in a stress run (expected " + Inputs.SPEED_FILE + ")"));
        }
        if (results.inputs.benchmarksProblem != null) {
            reasons.add(GateReason.run(null, results.inputs.benchmarksProblem));
        }
        BenchmarkRun benchmarks = results.inputs.benchmarks;
        if (benchmarks != null && (context.runId().isEmpty() || context.runId().equals(benchmarks.run().id()))
                && !benchmarks.complete()) {
            reasons.add(GateReason.run(null, "the benchmarks did not finish" + (benchmarks.notes().isEmpty() ? ""
                    : ": " + benchmarks.notes().get(benchmarks.notes().size() - 1))));
        }
    }

    /** A benchmark that hung or threw on an implementation is evidence against it, as a check's failure is. */
    private void benchmarksRan() {
        BenchmarkRun benchmarks = results.inputs.benchmarks;
        if (benchmarks == null || !context.runId().isEmpty() && !context.runId().equals(benchmarks.run().id())) {
            return;
        }
        for (int i = 0; i < benchmarks.problems().size(); i++) {
            BenchmarkRun.Problem problem = benchmarks.problems().get(i);
            reasons.add(new GateReason(problem.implementation(), null, null, GateReason.Kind.FAILED,
                    problem.message(), SpeedView.problemAnchor(i)));
        }
    }

    private void everyPromiseKept() {
        for (Map.Entry<Suite, SuiteResults> entry : current().entrySet()) {
            Map<String, List<String>> missing = new LinkedHashMap<>();
            for (Expected promised : entry.getValue().missing()) {
                missing.computeIfAbsent(promised.implementation(), k -> new ArrayList<>()).add(promised.check().id());
            }
            missing.forEach((implementation, checks) -> reasons.add(new GateReason(implementation, entry.getKey(), null,
                    GateReason.Kind.MISSING, checks.size() + " promised " + (checks.size() == 1 ? "verdict" : "verdicts")
                    + " missing: " + String.join(", ", checks), null)));
        }
    }

    private void implementationsPass() {
        for (ImplementationInfo implementation : results.judged()) {
            for (Defects.Defect defect : Defects.of(results, implementation)) {
                reasons.add(new GateReason(implementation.name(), defect.suite(), defect.result().check(),
                        GateReason.Kind.FAILED, defect.text(),
                        Results.anchor(defect.suite(), implementation.name(), defect.result().check())));
            }
        }
    }

    private void harnessErrors() {
        for (ImplementationInfo implementation : results.implementations) {
            for (Results.Finding finding : results.findings(implementation.name())) {
                CheckResult result = finding.result();
                if (result.verdict() == Verdict.HARNESS_ERROR) {
                    reasons.add(new GateReason(implementation.name(), finding.suite(), result.check(),
                            GateReason.Kind.HARNESS_ERROR, "the harness could not judge " + result.check().id() + ": "
                            + Defects.firstLine(result.message()),
                            Results.anchor(finding.suite(), implementation.name(), result.check())));
                }
            }
        }
    }

    /**
     * A specimen is held to a suite only where that suite looked at it: the suite ran and gave it a
     * verdict that is not not-run. In one shard of a run ({@code wg.shard=K/N}) the suites that catch a
     * specimen may have looked at it in another shard, so "caught by no check" is judged only on the
     * whole run (one unsharded, or the shards merged).
     */
    private void specimensCaught() {
        boolean whole = results.shard().isWhole();
        for (ImplementationInfo specimen : results.ofKind(ImplementationKind.SPECIMEN)) {
            if (results.findings(specimen.name()).isEmpty()) {
                continue; // not checked in this run: a default run leaves a memory-model specimen to the stress run
            }
            if (specimen.bug() != null && !specimen.bug().visibleOn(results.arch())) {
                continue; // this hardware cannot show its bug: the Specimens section says so, and where it can
            }
            List<Defects.Defect> catches = Defects.of(results, specimen);
            if (catches.isEmpty() && whole) {
                reasons.add(new GateReason(specimen.name(), null, null, GateReason.Kind.ESCAPED,
                        "the specimen was caught by no check: the harness has lost its teeth", null));
                continue;
            }
            Bug bug = specimen.bug();
            for (Suite suite : bug == null ? List.<Suite>of() : bug.mustBeCaughtBy()) {
                boolean mustHere = suite != Suite.JCSTRESS || context.stress();
                if (mustHere && looked(suite, specimen) && catches.stream().noneMatch(c -> c.suite() == suite)) {
                    reasons.add(new GateReason(specimen.name(), suite, null, GateReason.Kind.ESCAPED,
                            "the specimen's bug (" + bug.id() + ") must be caught by " + suite.id()
                                    + ", and no check of it caught it", null));
                }
            }
        }
    }

    /**
     * Whether {@code suite} looked at the specimen here: not when it did not run (Fray without a JDK 25),
     * could not look at it (every verdict not-run), or gave it no verdict (another shard's part).
     */
    private boolean looked(Suite suite, ImplementationInfo specimen) {
        return results.inputs.suites.containsKey(suite) && results.didNotRun(suite).isEmpty()
                && results.findings(specimen.name()).stream().anyMatch(f -> f.suite() == suite)
                && !results.notRunOn(suite, specimen.name());
    }

    private void huntsKeepTheirTeeth() {
        if (!context.stress()) {
            return;
        }
        for (Suite suite : results.suites()) {
            for (Check check : Check.of(suite)) {
                if (check.claim() != Claim.SHOWS_BUG_IN_STRESS) {
                    continue;
                }
                for (ImplementationInfo implementation : results.ofKind(ImplementationKind.IMPLEMENTATION)) {
                    Verdict seen = results.result(suite, implementation.name(), check).map(CheckResult::verdict)
                            .orElse(null);
                    if (seen != null && seen != Verdict.REPRODUCED && seen != Verdict.HARNESS_ERROR) {
                        reasons.add(new GateReason(implementation.name(), suite, check, GateReason.Kind.TEETH,
                                check.id() + " did not reproduce its bug (" + seen.label() + "): a hunt that stops"
                                        + " showing its bug has lost its teeth",
                                Results.anchor(suite, implementation.name(), check)));
                    }
                }
            }
        }
    }

    /** The suites whose results belong to this run: only their manifests count. */
    private Map<Suite, SuiteResults> current() {
        Map<Suite, SuiteResults> current = new LinkedHashMap<>();
        results.inputs.suites.forEach((suite, file) -> {
            if (context.runId().isEmpty() || context.runId().equals(file.run().id())) {
                current.put(suite, file);
            }
        });
        return current;
    }
}
