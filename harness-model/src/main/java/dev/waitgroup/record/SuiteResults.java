package dev.waitgroup.record;

import dev.waitgroup.catalogue.Suite;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The whole results file of one suite run ({@code <results>/<suite>.json}): the run it belongs to,
 * the manifest of verdicts it promised before it started ({@code expected}), and the verdicts.
 *
 * @param suite           the suite
 * @param formatVersion   {@value ResultsFiles#FORMAT_VERSION}; readers refuse other versions
 * @param run             the run this file belongs to
 * @param startedAt       ISO-8601 instant
 * @param wallMillis      wall time of the whole suite so far
 * @param complete        true once the suite finished; a file left with false was cut short
 * @param implementations what the run checks, in order
 * @param expected        the manifest: every verdict the run promised
 * @param results         one record per implementation and check
 * @param notes           what a reader of the results should know (budgets, plans, restarts)
 */
public record SuiteResults(Suite suite, int formatVersion, RunInfo run, String startedAt, long wallMillis,
                           boolean complete, List<ImplementationInfo> implementations, List<Expected> expected,
                           List<CheckResult> results, List<String> notes) {

    public SuiteResults {
        implementations = implementations == null ? List.of() : List.copyOf(implementations);
        expected = expected == null ? List.of() : List.copyOf(expected);
        results = results == null ? List.of() : List.copyOf(results);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** The promised verdicts that this file does not hold. */
    public List<Expected> missing() {
        Set<Expected> recorded = new HashSet<>();
        for (CheckResult result : results) {
            recorded.add(result.key());
        }
        List<Expected> missing = new ArrayList<>();
        for (Expected promised : expected) {
            if (!recorded.contains(promised)) {
                missing.add(promised);
            }
        }
        return missing;
    }
}
