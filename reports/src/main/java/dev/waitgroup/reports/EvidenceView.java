package dev.waitgroup.reports;

import dev.waitgroup.catalogue.Suite;
import dev.waitgroup.record.CheckResult;
import dev.waitgroup.record.Evidence;
import dev.waitgroup.record.ImplementationInfo;
import dev.waitgroup.record.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * The proof of every verdict that is not a pass: a failure, a hang, a harness error, a caught
 * specimen. Each says what was checked and how it was seen, gives the command that reruns just that
 * check on just that WaitGroup, and shows the evidence (stack trace, outcome table, interleaving,
 * thread dump, the group's own state).
 */
record EvidenceView(List<Item> items) {
    private static final int LINES = 80;
    /** Fewer in the Markdown, which CI systems show in a page of limited size. */
    private static final int MARKDOWN_LINES = 40;

    record Item(String anchor, String suite, String implementation, boolean specimen, String check, String title,
                String label, String message, String how, String reproduce, List<Piece> pieces) {

        /**
         * What the Markdown shows under the message: the failing history (the shortest an exploration
         * found) or the interleaving Lincheck found; the rest of the evidence is in the HTML and the
         * results file.
         */
        List<Piece> histories() {
            return pieces.stream().filter(p -> p.kind().equals(Evidence.Kind.HISTORY.id())
                    || p.kind().equals(Evidence.Kind.INTERLEAVING.id()))
                    .map(p -> new Piece(p.kind(), p.caption(), firstLines(p.text(), MARKDOWN_LINES))).toList();
        }
    }

    record Piece(String kind, String caption, String text) {
    }

    /** Whether a verdict has its evidence shown (and so a cell links to it). */
    static boolean shows(CheckResult result) {
        return result.verdict().isFailure() || result.verdict() == Verdict.HARNESS_ERROR || result.passedInPart();
    }

    static EvidenceView of(Results results) {
        List<Item> items = new ArrayList<>();
        for (ImplementationInfo info : results.implementations) {
            for (Results.Finding finding : results.findings(info.name())) {
                CheckResult result = finding.result();
                if (shows(result)) {
                    items.add(item(finding.suite(), info, result));
                }
            }
        }
        return new EvidenceView(items);
    }

    static Item item(Suite suite, ImplementationInfo info, CheckResult result) {
        List<Piece> pieces = new ArrayList<>();
        for (Evidence evidence : result.evidence()) {
            pieces.add(new Piece(evidence.kind().id(), evidence.caption(), firstLines(evidence.text(), LINES)));
        }
        return new Item(Results.anchor(suite, info.name(), result.check()), suite.id(), info.name(), info.isSpecimen(),
                result.check().id(), result.check().title(), Look.label(result, info.isSpecimen()), result.message(),
                result.how(), result.reproduce(), pieces);
    }

    /**
     * The first {@code lines} lines of {@code text}; when there are more, a last line says how many and where
     * the whole text is kept.
     */
    static String firstLines(String text, int lines) {
        String[] all = text.split("\n");
        if (all.length <= lines) {
            return text;
        }
        StringBuilder kept = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            kept.append(all[i]).append('\n');
        }
        return kept.append("... ").append(all.length - lines).append(" more lines: the whole evidence is in this run's"
                + " results file (a build's are under target/wg-results/ until the next build replaces them), and the"
                + " Reproduce command writes it again (under target/wg-reproduce/)\n").toString();
    }
}
