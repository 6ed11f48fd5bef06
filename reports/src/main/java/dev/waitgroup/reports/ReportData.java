package dev.waitgroup.reports;

import dev.waitgroup.record.Category;
import dev.waitgroup.record.CheckResult;
import dev.waitgroup.record.ImplementationInfo;
import dev.waitgroup.record.SuiteResults;
import dev.waitgroup.record.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the build's suites recorded, indexed for the report and the gate: which
 * implementations were checked, which checks each suite ran, and each check's verdict per
 * implementation.
 */
final class ReportData {

    /** One check of one suite, as a row of the matrix. */
    record CheckRow(String suite, String id, Category category, String title) {
    }

    /** A verdict with the suite that gave it. */
    record Finding(String suite, CheckResult result) {
        boolean caught() {
            return result.verdict() == Verdict.FAIL || result.verdict() == Verdict.TIMEOUT;
        }
    }

    final Inputs inputs;
    final String mode;
    final String runId;
    final String selection;
    final List<ImplementationInfo> implementations;
    private final Map<String, List<CheckRow>> checks = new LinkedHashMap<>();
    private final Map<String, CheckResult> cells = new LinkedHashMap<>();

    ReportData(Inputs inputs, String mode, String runId, String selection) {
        this.inputs = inputs;
        this.mode = mode;
        this.runId = runId;
        this.selection = selection;
        Map<String, ImplementationInfo> seen = new LinkedHashMap<>();
        for (Map.Entry<String, SuiteResults> suite : inputs.suites.entrySet()) {
            suite.getValue().implementations().forEach(info -> seen.putIfAbsent(info.name(), info));
            List<CheckRow> rows = new ArrayList<>();
            Map<String, CheckRow> byId = new LinkedHashMap<>();
            for (CheckResult result : suite.getValue().results()) {
                cells.put(key(suite.getKey(), result.implementation(), result.check()), result);
                byId.computeIfAbsent(result.check(), id -> new CheckRow(suite.getKey(), id, result.category(),
                        title(result)));
            }
            rows.addAll(byId.values());
            rows.sort(Comparator.comparing(CheckRow::category));
            checks.put(suite.getKey(), rows);
        }
        List<ImplementationInfo> ordered = new ArrayList<>(seen.values());
        ordered.sort(Comparator.comparing(ReportData::kindOrder));
        this.implementations = List.copyOf(ordered);
    }

    private static int kindOrder(ImplementationInfo info) {
        switch (info.kind()) {
            case "implementation":
                return 0;
            case "plugged-in":
                return 1;
            default:
                return 2;
        }
    }

    private static String title(CheckResult result) {
        Object title = result.details().get("title");
        return title == null ? result.check() : title.toString();
    }

    private static String key(String suite, String implementation, String check) {
        return suite + '\u0000' + implementation + '\u0000' + check;
    }

    List<String> suites() {
        return new ArrayList<>(checks.keySet());
    }

    List<CheckRow> checks(String suite) {
        return checks.getOrDefault(suite, List.of());
    }

    Optional<CheckResult> result(String suite, String implementation, String check) {
        return Optional.ofNullable(cells.get(key(suite, implementation, check)));
    }

    /** Every verdict about one implementation, suite by suite. */
    List<Finding> findings(String implementation) {
        List<Finding> findings = new ArrayList<>();
        for (String suite : suites()) {
            for (CheckRow row : checks(suite)) {
                result(suite, implementation, row.id()).ifPresent(r -> findings.add(new Finding(suite, r)));
            }
        }
        return findings;
    }

    List<ImplementationInfo> ofKind(String kind) {
        List<ImplementationInfo> result = new ArrayList<>();
        for (ImplementationInfo info : implementations) {
            if (info.kind().equals(kind)) {
                result.add(info);
            }
        }
        return result;
    }

    /** Real implementations and plugged-in classes: the ones that must pass. */
    List<ImplementationInfo> judged() {
        List<ImplementationInfo> result = new ArrayList<>();
        for (ImplementationInfo info : implementations) {
            if (!info.isSpecimen()) {
                result.add(info);
            }
        }
        return result;
    }

    /** The checks that caught a specimen: a failure or a hang. */
    List<Finding> catches(String specimen) {
        List<Finding> caught = new ArrayList<>();
        for (Finding finding : findings(specimen)) {
            if (finding.caught()) {
                caught.add(finding);
            }
        }
        return caught;
    }

    boolean implementationChecked(String suite, String implementation) {
        SuiteResults results = inputs.suites.get(suite);
        return results != null && results.results().stream().anyMatch(r -> r.implementation().equals(implementation));
    }
}
