package dev.waitgroup.reports;

import dev.waitgroup.catalogue.Claims;
import dev.waitgroup.catalogue.Suite;
import dev.waitgroup.record.CheckResult;
import dev.waitgroup.record.ImplementationInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * What a run found wrong with one WaitGroup: every check it failed or hung in, and every claim of
 * its own (its class comment's) that a check contradicts. For an implementation each is a reason the
 * gate fails; for a specimen each is the harness catching it. One reading for both, so that "caught"
 * and "failed" never disagree.
 */
final class Defects {

    /** One defect: the verdict it rests on and what it means. */
    record Defect(Suite suite, CheckResult result, String text) {
    }

    private Defects() {
    }

    static List<Defect> of(Results results, ImplementationInfo implementation) {
        List<Defect> defects = new ArrayList<>();
        for (Results.Finding finding : results.findings(implementation.name())) {
            CheckResult result = finding.result();
            if (result.verdict().isFailure()) {
                defects.add(new Defect(finding.suite(), result, "failed the check " + result.check().id() + " ("
                        + result.verdict().label() + "): " + firstLine(result.message())));
                continue;
            }
            String contradiction = contradiction(implementation, result);
            if (contradiction != null) {
                defects.add(new Defect(finding.suite(), result, contradiction));
            }
        }
        return defects;
    }

    /** What the verdict of a claim-bearing check says against the implementation's own word; null if nothing. */
    private static String contradiction(ImplementationInfo implementation, CheckResult result) {
        String contradiction = Claims.contradiction(implementation.documentedReuse(), result.check(), result.verdict());
        return contradiction == null ? null : contradiction + ": " + firstLine(result.message());
    }

    static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        String first = newline < 0 ? text : text.substring(0, newline).stripTrailing();
        // a heading such as "... that no sequential WaitGroup explains:" announces the evidence below it
        return newline >= 0 && first.endsWith(":") ? first.substring(0, first.length() - 1) + " (the evidence shows it)"
                : first;
    }
}
