package dev.waitgroup.reports;

import dev.waitgroup.record.CheckResult;
import dev.waitgroup.record.ImplementationInfo;
import dev.waitgroup.record.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The teaching pages: one per specimen and one per misuse. Each quotes the offending code from the
 * project's sources, shows the evidence this run produced (a Lincheck interleaving, a jcstress
 * outcome table), and gives the why and the fix from the class comment.
 */
final class Lessons {

    /** One piece of evidence: where it comes from, a caption, and the text (a table or a trace). */
    record Evidence(String suite, String implementation, String check, String caption, String text) {
    }

    /** A teaching section. */
    record Lesson(String id, String kind, String title, String whyHtml, String fixHtml, String codeTitle,
                  String code, String fixCodeTitle, String fixCode, List<Evidence> evidence, String caughtBy) {
    }

    private static final int MAX_EVIDENCE_CHARS = 12_000;

    private final ReportData data;
    private final Path root;

    private Lessons(ReportData data) {
        this.data = data;
        this.root = data.inputs.root;
    }

    static List<Lesson> of(ReportData data) {
        Lessons lessons = new Lessons(data);
        List<Lesson> result = new ArrayList<>();
        for (ImplementationInfo specimen : data.ofKind("specimen")) {
            lessons.specimen(specimen).ifPresent(result::add);
        }
        lessons.misuse().forEach(result::add);
        return result;
    }

    private Optional<Lesson> specimen(ImplementationInfo specimen) {
        Path file = root.resolve("wg-impl/src/main/java").resolve(specimen.className().replace('.', '/') + ".java");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        JavaSource source = JavaSource.read(file);
        List<ReportData.Finding> catches = data.catches(specimen.name());
        List<Evidence> evidence = new ArrayList<>();
        bestCatch(catches, "lincheck").ifPresent(f -> evidence.add(evidence(f, f.result().check().startsWith("mc-")
                ? "Lincheck's model checker found this interleaving (" + f.result().check() + ")"
                : "Lincheck's stress run saw these results, which no sequential order explains ("
                        + f.result().check() + ")")));
        bestCatch(catches, "jcstress").ifPresent(f -> evidence.add(evidence(f, "jcstress saw a forbidden outcome on"
                + " real hardware (" + f.result().check() + ")")));
        if (evidence.isEmpty()) {
            bestCatch(catches, "contract").ifPresent(f -> evidence.add(evidence(f, "The contract suite's check "
                    + f.result().check() + " failed")));
        }
        return Optional.of(new Lesson("specimen-" + specimen.name(), "specimen",
                specimen.name() + ": " + specimen.summary(), source.whyHtml(), source.fixHtml(),
                relative(file), source.code(), null, null, evidence, caughtBy(catches)));
    }

    private List<Lesson> misuse() {
        List<Lesson> lessons = new ArrayList<>();
        Path misuse = root.resolve("stress-tests/src/main/java/dev/waitgroup/stress/misuse");
        Path contract = root.resolve("stress-tests/src/main/java/dev/waitgroup/stress/contract");
        lesson("add-inside-goroutine", "Add called inside the goroutine", misuse.resolve("AddInsideGoroutine.java"),
                contract.resolve("GoCountsBeforeStart.java"), List.of("jcstress:add-inside-goroutine:reproduced",
                        "contract:add-inside-goroutine:reproduced")).ifPresent(lessons::add);
        lesson("reuse-before-wait-returned", "Reuse before the previous Wait returned",
                misuse.resolve("ReuseBeforeWaitReturned.java"), null, List.of(
                        "jcstress:reuse-before-wait-returned:reproduced", "jcstress:reuse-before-wait-returned:detected",
                        "jcstress:reuse-before-wait-returned:handled", "lincheck:mc-reuse-before-wait-returned:detected"))
                .ifPresent(lessons::add);
        lesson("forgotten-done", "A forgotten Done", misuse.resolve("ForgottenDone.java"), null,
                List.of("jcstress:forgotten-done:reproduced", "contract:forgotten-done:reproduced"))
                .ifPresent(lessons::add);
        lesson("add-concurrent-with-wait", "Add called concurrently with Wait",
                root.resolve("wg-impl/src/main/java/dev/waitgroup/impl/GoWaitGroup.java"), null,
                List.of("lincheck:mc-add-concurrent-with-wait:detected", "contract:add-concurrent-with-wait:detected"))
                .ifPresent(lessons::add);
        return lessons;
    }

    /**
     * @param wanted "suite:check:verdict" entries: for each, the first implementation whose result
     *               has that verdict is shown
     */
    private Optional<Lesson> lesson(String id, String title, Path file, Path fixFile, List<String> wanted) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        JavaSource source = JavaSource.read(file);
        List<Evidence> evidence = new ArrayList<>();
        for (String spec : wanted) {
            String[] parts = spec.split(":");
            Verdict verdict = Verdict.of(parts[2]);
            for (ImplementationInfo info : data.judged()) {
                Optional<CheckResult> result = data.result(parts[0], info.name(), parts[1]);
                if (result.isPresent() && result.get().verdict() == verdict) {
                    evidence.add(evidence(new ReportData.Finding(parts[0], result.get()),
                            parts[0] + " on " + info.name() + ": " + verdict.id() + " — " + result.get().message()));
                    break;
                }
            }
        }
        String code;
        String why;
        String fix;
        if (id.equals("add-concurrent-with-wait")) {
            code = source.method("public void add(int delta)");
            why = "<p>Go's rule: \"calls with a positive delta that occur when the counter is zero must happen"
                    + " before a Wait\". Here an <code>add(1)</code> races with the <code>done()</code> that releases"
                    + " a waiter. If it lands while the waiters are being woken, it opens a new round under a"
                    + " waiter that has not returned. Go's WaitGroup (and its port here) checks for exactly this and"
                    + " panics; the code below is where. Other implementations stay linearizable: the late"
                    + " <code>add(1)</code> simply belongs to the next round.</p>";
            fix = "<p>Fix: every <code>add</code> that opens a round must happen before the <code>await</code> it"
                    + " is meant to hold back: count all the work before starting any of it.</p>";
        } else {
            code = source.code();
            why = source.whyHtml();
            fix = source.fixHtml();
        }
        String fixCode = fixFile != null && Files.isRegularFile(fixFile) ? JavaSource.read(fixFile).code() : null;
        return Optional.of(new Lesson("misuse-" + id, "misuse", title, why, fix, relative(file), code,
                fixFile == null ? null : relative(fixFile), fixCode, evidence, null));
    }

    /**
     * The catch a teacher would show: the shortest evidence, and for Lincheck a model-checking
     * failure first (it prints the interleaving; a stress failure only prints the results).
     */
    private static Optional<ReportData.Finding> bestCatch(List<ReportData.Finding> catches, String suite) {
        return catches.stream()
                .filter(f -> f.suite().equals(suite) && f.result().evidence() != null)
                .min(Comparator.comparing((ReportData.Finding f) -> !f.result().check().startsWith("mc-"))
                        .thenComparingInt(f -> f.result().evidence().length()));
    }

    private static Evidence evidence(ReportData.Finding finding, String caption) {
        String text = finding.result().evidence() == null ? finding.result().message() : finding.result().evidence();
        int detailed = text == null ? -1 : text.indexOf("Detailed trace:");
        if (detailed > 0) {
            Object report = finding.result().details().get("report");
            text = text.substring(0, detailed).stripTrailing() + "\n\n(The detailed trace, every step of every"
                    + " thread, is in the full report" + (report == null ? "" : ": " + report) + ")";
        }
        if (text != null && text.length() > MAX_EVIDENCE_CHARS) {
            text = text.substring(0, MAX_EVIDENCE_CHARS) + "\n... (cut; the full text is in the results file)";
        }
        return new Evidence(finding.suite(), finding.result().implementation(), finding.result().check(), caption,
                text);
    }

    private static String caughtBy(List<ReportData.Finding> catches) {
        if (catches.isEmpty()) {
            return "caught by no check";
        }
        List<String> names = new ArrayList<>();
        for (ReportData.Finding f : catches) {
            names.add(f.suite() + " " + f.result().check());
        }
        return String.join(", ", names);
    }

    private String relative(Path file) {
        return root.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString();
    }
}
