package dev.waitgroup.record;

import java.util.List;

/**
 * The whole results file of one suite run: {@code <module>/target/wg-results/<suite>.json}.
 *
 * @param suite           {@code contract}, {@code jcstress} or {@code lincheck}
 * @param formatVersion   {@value ResultsFiles#FORMAT_VERSION}; readers refuse other versions
 * @param mode            {@code default} (mvn verify) or {@code stress} (mvn verify -Pstress)
 * @param runId           identifies the Maven build: several JVMs of one suite (one per test class)
 *                        add to the same file when their run ids match
 * @param selection       the {@code wg.impl} value the run resolved
 * @param jvm             the JVM the checks ran on
 * @param startedAt       ISO-8601 instant
 * @param wallMillis      wall time of the whole suite
 * @param implementations what the run checked, in order
 * @param results         one record per implementation and check
 * @param notes           what a reader of the results should know (skipped parts, budgets)
 */
public record SuiteResults(String suite, int formatVersion, String mode, String runId, String selection, String jvm,
                           String startedAt, long wallMillis, List<ImplementationInfo> implementations,
                           List<CheckResult> results, List<String> notes) {

    public SuiteResults {
        implementations = List.copyOf(implementations);
        results = List.copyOf(results);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }
}
