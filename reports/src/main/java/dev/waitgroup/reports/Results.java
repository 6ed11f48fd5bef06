package dev.waitgroup.reports;

import dev.waitgroup.catalogue.Check;
import dev.waitgroup.catalogue.ImplementationKind;
import dev.waitgroup.catalogue.Suite;
import dev.waitgroup.record.CheckResult;
import dev.waitgroup.record.Expected;
import dev.waitgroup.record.ImplementationInfo;
import dev.waitgroup.record.Shard;
import dev.waitgroup.record.SuiteResults;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every verdict of a run, indexed: which WaitGroups were checked (implementations first, then
 * plugged-in classes, then specimens), which verdicts each suite promised, and each verdict by suite,
 * implementation and check.
 */
final class Results {

    /** A verdict with the suite that gave it. */
    record Finding(Suite suite, CheckResult result) {
    }

    final Inputs inputs;
    final List<ImplementationInfo> implementations;
    private final Map<String, CheckResult> verdicts = new LinkedHashMap<>();
    private final Map<Suite, Set<Expected>> expected = new LinkedHashMap<>();

    Results(Inputs inputs) {
        this.inputs = inputs;
        Map<String, ImplementationInfo> seen = new LinkedHashMap<>();
        for (Map.Entry<Suite, SuiteResults> suite : inputs.suites.entrySet()) {
            suite.getValue().implementations().forEach(info -> seen.putIfAbsent(info.name(), info));
            expected.put(suite.getKey(), new LinkedHashSet<>(suite.getValue().expected()));
            for (CheckResult result : suite.getValue().results()) {
                verdicts.put(key(suite.getKey(), result.implementation(), result.check()), result);
            }
        }
        List<ImplementationInfo> ordered = new ArrayList<>(seen.values());
        ordered.sort(Comparator.comparing(ImplementationInfo::kind));
        this.implementations = List.copyOf(ordered);
    }

    private static String key(Suite suite, String implementation, Check check) {
        return suite.id() + '\u0000' + implementation + '\u0000' + check.id();
    }

    Optional<CheckResult> result(Suite suite, String implementation, Check check) {
        return Optional.ofNullable(verdicts.get(key(suite, implementation, check)));
    }

    boolean expected(Suite suite, String implementation, Check check) {
        return expected.getOrDefault(suite, Set.of()).contains(new Expected(implementation, check));
    }

    /** The suites whose results were read, in suite order. */
    List<Suite> suites() {
        return new ArrayList<>(inputs.suites.keySet());
    }

    /** The checks of a suite that have a verdict or a promise in this run, in catalogue order. */
    List<Check> checks(Suite suite) {
        List<Check> checks = new ArrayList<>();
        for (Check check : Check.of(suite)) {
            for (ImplementationInfo info : implementations) {
                if (expected(suite, info.name(), check) || result(suite, info.name(), check).isPresent()) {
                    checks.add(check);
                    break;
                }
            }
        }
        return checks;
    }

    /** Every verdict about one implementation, suite by suite, in catalogue order. */
    List<Finding> findings(String implementation) {
        List<Finding> findings = new ArrayList<>();
        for (Suite suite : suites()) {
            for (Check check : Check.of(suite)) {
                result(suite, implementation, check).ifPresent(r -> findings.add(new Finding(suite, r)));
            }
        }
        return findings;
    }

    /** Which part of a run these results are: the shard a suite's file names, or the whole run. */
    Shard shard() {
        return inputs.suites.values().stream().map(s -> s.run().shard()).filter(s -> !s.isWhole()).findFirst()
                .orElse(Shard.WHOLE);
    }

    /** The architecture the run's checks ran on ({@code os.arch}); empty if its files do not say. */
    String arch() {
        return inputs.suites.values().stream().map(s -> s.run().arch()).filter(a -> !a.isEmpty()).findFirst()
                .orElse("");
    }

    List<ImplementationInfo> ofKind(ImplementationKind kind) {
        return implementations.stream().filter(i -> i.kind() == kind).toList();
    }

    /** Implementations and plugged-in classes: the ones that must pass. */
    List<ImplementationInfo> judged() {
        return implementations.stream().filter(i -> i.kind().mustPass()).toList();
    }

    Optional<ImplementationInfo> implementation(String name) {
        return implementations.stream().filter(i -> i.name().equals(name)).findFirst();
    }

    /**
     * Why a suite that wrote its results did not run at all here (each of its verdicts is not-run, as
     * the Fray suite's are without a JDK 25): the reason its verdicts give, without their "not run: ";
     * empty if it judged something, or wrote no verdict.
     */
    Optional<String> didNotRun(Suite suite) {
        SuiteResults file = inputs.suites.get(suite);
        if (file == null || file.results().isEmpty()
                || file.results().stream().anyMatch(r -> r.verdict() != dev.waitgroup.record.Verdict.NOT_RUN)) {
            return Optional.empty();
        }
        String message = file.results().get(0).message();
        return Optional.of(message == null ? "no reason given" : message.replaceFirst("^not run: ", ""));
    }

    /** Whether a suite gave this implementation verdicts, all of them not-run: it could not look at it. */
    boolean notRunOn(Suite suite, String implementation) {
        List<Finding> mine = findings(implementation).stream().filter(f -> f.suite() == suite).toList();
        return !mine.isEmpty() && mine.stream().allMatch(f -> f.result().verdict() == dev.waitgroup.record.Verdict.NOT_RUN);
    }

    /** The evidence anchor of a verdict, the same in every section that links to it. */
    static String anchor(Suite suite, String implementation, Check check) {
        return "ev-" + suite.id() + "-" + implementation + "-" + check.id();
    }
}
