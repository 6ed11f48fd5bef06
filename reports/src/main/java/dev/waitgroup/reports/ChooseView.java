package dev.waitgroup.reports;

import dev.waitgroup.catalogue.Claims;
import dev.waitgroup.catalogue.Category;
import dev.waitgroup.catalogue.Claim;
import dev.waitgroup.catalogue.ReuseBehaviour;
import dev.waitgroup.record.CheckResult;
import dev.waitgroup.record.ImplementationInfo;
import dev.waitgroup.record.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * Choosing a WaitGroup: one row per implementation under judgement, with what a team weighs before
 * adopting one: the contract checks it passed, what it does on reuse before the previous await
 * returned (documented, and measured), which misuse it detects, and its headline speed.
 */
record ChooseView(List<Row> rows) {

    /**
     * @param clean    no defect: every contract check it was judged by passed
     * @param unsure   some contract checks could not be judged (harness errors), listed in {@code unjudged}: a
     *                 clean row then shows ◐, not ✓
     */
    record Row(String name, String kind, String summary, boolean clean, boolean partly, String passed, List<Listed> defects,
               boolean unsure, List<Listed> unjudged, String reuseDocumented, String reuseMeasured, boolean reuseAgrees, String detects, String speed) {
    }

    /** A link in a list the page and the Markdown separate with commas: the last one has none after it. */
    record Listed(Link link, boolean last) {
        static List<Listed> of(List<Link> links) {
            List<Listed> listed = new ArrayList<>();
            for (int i = 0; i < links.size(); i++) {
                listed.add(new Listed(links.get(i), i == links.size() - 1));
            }
            return listed;
        }
    }

    static ChooseView of(Results results, SpeedView speed) {
        List<Row> rows = new ArrayList<>();
        for (ImplementationInfo info : results.judged()) {
            int passed = 0;
            List<String> passedInPart = new ArrayList<>();
            List<Link> unjudged = new ArrayList<>();
            int run = 0;
            int detected = 0;
            Verdict reuse = null;
            for (Results.Finding finding : results.findings(info.name())) {
                CheckResult result = finding.result();
                if (result.check().category() == Category.CONTRACT && result.verdict() != Verdict.NOT_RUN) {
                    run++;
                    passed += result.verdict() == Verdict.PASS ? 1 : 0;
                    if (result.verdict() == Verdict.HARNESS_ERROR) {
                        unjudged.add(new Link(finding.suite().id() + " " + result.check().id(),
                                Results.anchor(finding.suite(), info.name(), result.check())));
                    }
                    if (result.passedInPart()) {
                        passedInPart.add(finding.suite().id() + " " + result.check().id());
                    }
                }
                if (result.check().category() == Category.MISUSE && result.verdict() == Verdict.DETECTED) {
                    detected++;
                }
                if (result.check().claim() == Claim.REUSE_BEHAVIOUR) {
                    reuse = result.verdict();
                }
            }
            List<Link> defects = new ArrayList<>();
            for (Defects.Defect defect : Defects.of(results, info)) {
                defects.add(new Link(defect.suite().id() + " " + defect.result().check().id(),
                        Results.anchor(defect.suite(), info.name(), defect.result().check())));
            }
            ReuseBehaviour documented = info.documentedReuse();
            String measured = reuse == null ? "not measured" : words(reuse);
            boolean agrees = reuse == null || documented == ReuseBehaviour.UNKNOWN
                    || reuse == Claims.expected(documented);
            rows.add(new Row(info.name(), info.kind().id(), info.summary(), defects.isEmpty(), !passedInPart.isEmpty(),
                    passed + " / " + run + (passedInPart.isEmpty() ? "" : ", " + passedInPart.size() + " of them only for"
                            + " the parts that ran (" + String.join(", ", passedInPart) + ")"), Listed.of(defects),
                    !unjudged.isEmpty(), Listed.of(unjudged), documented.shortWords(), measured, agrees,
                    detected == 0 ? "none" : detected + " misuse " + (detected == 1 ? "check detects" : "checks detect")
                            + " it", speed.headline(info.name())));
        }
        return new ChooseView(rows);
    }

    /** The behaviour a reuse measurement shows, in the documented behaviour's words; else the verdict's. */
    private static String words(Verdict reuse) {
        ReuseBehaviour seen = Claims.observed(reuse);
        return seen == ReuseBehaviour.UNKNOWN ? reuse.label() : seen.shortWords();
    }
}
