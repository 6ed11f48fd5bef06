package dev.waitgroup.reports;

import dev.waitgroup.catalogue.Bug;
import dev.waitgroup.catalogue.ImplementationKind;
import dev.waitgroup.catalogue.Lesson;
import dev.waitgroup.catalogue.Suite;
import dev.waitgroup.record.CheckResult;
import dev.waitgroup.record.Evidence;
import dev.waitgroup.record.ImplementationInfo;
import dev.waitgroup.record.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The teaching pages: one per bug this run showed. A broken implementation's lesson is its
 * specimen's own class comment and code (carried in the results); a client bug's lesson is the
 * catalogue's. Each shows the evidence this very run produced (the interleaving, the outcome table,
 * the thread dump) and the command to see it again.
 */
record LessonView(List<Item> lessons) {
    private static final int EVIDENCE_LINES = 70;

    record Item(String id, String kind, String title, String why, String fix, String codeTitle, String code,
                String fixCodeTitle, String fixCode, String caughtBy, List<Shown> evidence) {
        public boolean hasEvidence() {
            return !evidence.isEmpty();
        }
    }

    /** One piece of evidence, captioned, with how to see it again. */
    record Shown(String caption, String text, String reproduce, String anchor) {
    }

    static LessonView of(Results results) {
        List<Item> lessons = new ArrayList<>();
        for (ImplementationInfo specimen : results.ofKind(ImplementationKind.SPECIMEN)) {
            if (specimen.lesson() != null) {
                lessons.add(specimen(results, specimen));
            }
        }
        for (Bug bug : Bug.values()) {
            if (bug.isClientBug()) {
                Item lesson = client(results, bug);
                if (lesson != null) {
                    lessons.add(lesson);
                }
            }
        }
        return new LessonView(lessons);
    }

    private static Item specimen(Results results, ImplementationInfo specimen) {
        List<Defects.Defect> catches = Defects.of(results, specimen);
        List<Shown> evidence = new ArrayList<>();
        for (Suite suite : List.of(Suite.LINCHECK, Suite.JCSTRESS, Suite.CONTRACT)) {
            catches.stream().filter(d -> d.suite() == suite && !d.result().evidence().isEmpty())
                    .min(Comparator.comparingInt(d -> d.result().evidence().get(0).text().length()))
                    .ifPresent(d -> evidence.add(shown(suite, specimen.name(), d.result(), d.text())));
        }
        List<String> names = new ArrayList<>();
        catches.forEach(d -> names.add(d.suite().id() + " " + d.result().check().id()));
        Lesson lesson = specimen.lesson();
        return new Item("specimen-" + specimen.name(), "specimen", specimen.name() + ": " + specimen.summary(),
                lesson.whyHtml(), lesson.fixHtml(), lesson.source(), lesson.code(), null, null,
                catches.isEmpty() ? "caught by no check" : String.join(", ", names), evidence);
    }

    private static Item client(Results results, Bug bug) {
        List<Shown> evidence = new ArrayList<>();
        for (Suite suite : results.suites()) {
            for (var check : results.checks(suite)) {
                if (!check.catches().contains(bug)) {
                    continue;
                }
                for (ImplementationInfo info : results.judged()) {
                    CheckResult result = results.result(suite, info.name(), check).orElse(null);
                    if (result != null && (result.verdict() == Verdict.REPRODUCED || result.verdict() == Verdict.DETECTED)) {
                        evidence.add(shown(suite, info.name(), result, suite.id() + " on " + info.name() + ": "
                                + Look.label(result, false) + " — " + Defects.firstLine(result.message())));
                        break;
                    }
                }
            }
        }
        if (evidence.isEmpty()) {
            return null;
        }
        Lesson lesson = bug.lesson();
        return new Item("misuse-" + bug.id(), "misuse", bug.title(), lesson.whyHtml(), lesson.fixHtml(),
                lesson.source(), lesson.code(), lesson.fixCode() == null ? null : "the fix", lesson.fixCode(), null,
                evidence);
    }

    private static Shown shown(Suite suite, String implementation, CheckResult result, String caption) {
        Evidence first = result.evidence().stream().filter(e -> e.kind() == Evidence.Kind.CROSS_EXAMINATION)
                .findFirst().orElse(result.evidence().isEmpty() ? null : result.evidence().get(0));
        String text = first == null ? String.valueOf(result.message())
                : EvidenceView.firstLines(first.text(), EVIDENCE_LINES);
        return new Shown(caption + (first == null ? "" : " (" + first.caption() + ")"), text, result.reproduce(),
                EvidenceView.shows(result) ? Results.anchor(suite, implementation, result.check()) : null);
    }
}
