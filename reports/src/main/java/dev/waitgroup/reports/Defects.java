package dev.waitgroup.reports;

import dev.waitgroup.catalogue.Claim;
import dev.waitgroup.catalogue.ReuseBehaviour;
import dev.waitgroup.catalogue.Suite;
import dev.waitgroup.record.CheckResult;
import dev.waitgroup.record.ImplementationInfo;
import dev.waitgroup.record.Verdict;
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
                defects.add(new Defect(finding.suite(), result, "failed " + result.check().id() + " ("
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
        ReuseBehaviour documented = implementation.documentedReuse();
        Claim claim = result.check().claim();
        if (claim == Claim.REUSE_BEHAVIOUR && documented != ReuseBehaviour.UNKNOWN
                && result.verdict() != expected(documented) && isObservation(result.verdict())) {
            return "documents reuse behaviour '" + documented.shortWords() + "' but " + result.check().id()
                    + " saw " + result.verdict().label() + ": " + firstLine(result.message());
        }
        if (claim == Claim.DETECTS_MISUSE && documented == ReuseBehaviour.DETECTS_AND_THROWS
                && result.verdict() != Verdict.DETECTED && isObservation(result.verdict())) {
            return "documents that it detects misuse, but " + result.check().id() + " found no interleaving where it"
                    + " does (" + result.verdict().label() + ")";
        }
        return null;
    }

    /** The verdict a reuse measurement gives a group that behaves as documented. */
    static Verdict expected(ReuseBehaviour documented) {
        switch (documented) {
            case FINISHES_OLD_ROUND:
                return Verdict.HANDLED;
            case DETECTS_AND_THROWS:
                return Verdict.DETECTED;
            case WAITS_FOR_NEW_ROUND:
                return Verdict.REPRODUCED;
            default:
                return null;
        }
    }

    private static boolean isObservation(Verdict verdict) {
        return verdict == Verdict.HANDLED || verdict == Verdict.DETECTED || verdict == Verdict.REPRODUCED;
    }

    static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
