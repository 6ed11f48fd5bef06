package dev.waitgroup.reports;

import dev.waitgroup.catalogue.Bug;
import dev.waitgroup.catalogue.ClientLesson;
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
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The teaching pages: one per bug this run showed. A broken implementation's lesson is its
 * specimen's own class comment (Javadoc, hence HTML) and code, carried in the results; a client
 * bug's lesson is the catalogue's, rendered here for the page and for the Markdown twin. Each shows
 * the evidence this very run produced (the interleaving, the outcome table, the thread dump) and the
 * command to see it again.
 */
record LessonView(List<Item> lessons) {
    private static final int EVIDENCE_LINES = 70;

    /**
     * One lesson for the HTML page ({@code why} and {@code fix} are HTML), and for a client bug also
     * for the Markdown twin.
     */
    record Item(String id, String kind, String title, String why, String fix, String codeTitle, String code,
                String fixCodeTitle, String fixCode, String caughtBy, List<Shown> evidence, Markdown markdown) {
        public boolean hasEvidence() {
            return !evidence.isEmpty();
        }
    }

    /** A client bug's lesson as Markdown: a title, and blocks in reading order; {@code fixCode} may be null. */
    record Markdown(String title, String why, String code, String fix, String fixCode) {
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

    /** The lessons the Markdown twin shows: the client bugs'. */
    public List<Markdown> markdown() {
        return lessons.stream().map(Item::markdown).filter(Objects::nonNull).collect(Collectors.toList());
    }

    private static Item specimen(Results results, ImplementationInfo specimen) {
        List<Defects.Defect> catches = Defects.of(results, specimen);
        List<Shown> evidence = new ArrayList<>();
        for (Suite suite : List.of(Suite.LINCHECK, Suite.EXPLORATION, Suite.FRAY, Suite.JCSTRESS, Suite.CONTRACT)) {
            catches.stream().filter(d -> d.suite() == suite && !d.result().evidence().isEmpty())
                    .min(Comparator.comparingInt(d -> d.result().evidence().get(0).text().length()))
                    .ifPresent(d -> evidence.add(shown(suite, specimen.name(), d.result(), d.text())));
        }
        List<String> names = new ArrayList<>();
        catches.forEach(d -> names.add(d.suite().id() + " " + d.result().check().id()));
        Lesson lesson = specimen.lesson();
        return new Item("specimen-" + specimen.name(), "specimen", specimen.name() + ": " + specimen.summary(),
                lesson.whyHtml(), lesson.fixHtml(), lesson.source(), lesson.code(), null, null,
                catches.isEmpty() ? "caught by no check" : String.join(", ", names), evidence, null);
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
                                + Look.labelled(Look.label(result, false), result.message())));
                        break;
                    }
                }
            }
        }
        if (evidence.isEmpty()) {
            return null;
        }
        ClientLesson lesson = bug.lesson();
        boolean fixedCode = lesson.fixCode() != null;
        Markdown markdown = new Markdown(LessonText.markdown(bug.title()), LessonText.markdown(lesson.why()),
                LessonText.markdownCode(lesson.code()), LessonText.markdown(lesson.fix()),
                fixedCode ? LessonText.markdownCode(lesson.fixCode()) : null);
        return new Item("misuse-" + bug.id(), "misuse", bug.title(), LessonText.html(lesson.why()),
                LessonText.html(lesson.fix()), "the client's code", lesson.code(), fixedCode ? "the fix" : null,
                lesson.fixCode(), null, evidence, markdown);
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
