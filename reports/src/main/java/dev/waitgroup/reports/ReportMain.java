package dev.waitgroup.reports;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import dev.waitgroup.record.RunOutputs;
import dev.waitgroup.settings.CannotStart;
import dev.waitgroup.settings.ExitStatus;
import dev.waitgroup.settings.Property;
import dev.waitgroup.settings.Settings;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Writes the report of a run from its results folder, then applies the gate.
 *
 * <p>Reads {@code wg.results.dir} (every suite's file), and judges it against the run the build
 * expects ({@code wg.run.id}, {@code wg.mode}, {@code wg.impl}). Given shard folders after the output
 * folder ({@code java -jar reports.jar OUT shard-1 shard-2 ...}: the results of {@code wg.shard=K/N}
 * runs, folders or zips), it first merges them ({@link ShardMerge}) and reports the merged run; it
 * exits 2, naming each, if a shard is missing, given twice or from another run. Shards of one build's
 * runs on several JDKs (a run id per JDK) give a report per JDK under {@code java-N/} and, at the top,
 * the runs side by side ({@link SideBySideView}), gated on every run's gate. Writes, under the output folder (the
 * first argument, {@code reports/target} in the build): {@code site/index.html} (one self-contained
 * page: inline CSS and SVG, no script, no network), {@code site/report.md} (the same for CI logs and
 * pull requests), and {@code junit/TEST-*.xml}; what an earlier report left there is removed first.
 * The gate's reasons are printed and the process exits with status 1 when there are any (unless
 * {@code -Dwg.gate=false}), 2 when it cannot start.
 */
public final class ReportMain {
    private ReportMain() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(ExitStatus.of("report", () -> run(args, System::getProperty)));
    }

    /**
     * Writes the report (and merges shards first, when given) and applies the gate: returns
     * {@link ExitStatus#GATE_FAILED} when the gate has reasons and {@code wg.gate} is true, otherwise
     * {@link ExitStatus#RAN}. Reads its settings from {@code properties} only.
     *
     * @throws CannotStart when a setting is wrong, or the shards cannot be merged
     */
    static int run(String[] args, Function<String, String> properties) throws IOException {
        Settings settings = Settings.from(properties);
        Path out = Path.of(args.length > 0 ? args[0] : "target");
        ReportContext context = new ReportContext(settings.runId, settings.mode,
                properties.apply(Property.IMPL.key()) == null ? "" : settings.selection);
        if (args.length <= 1) {
            RunOutputs.clearReport(out);
            return gate(settings, report(settings.resultsDir, context, out, null).reasons().isEmpty());
        }
        List<Path> shards = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            shards.add(Path.of(args[i]));
        }
        List<ShardMerge.Run> runs;
        try {
            runs = ShardMerge.merge(shards, out.resolve("merged-results"));
        } catch (ShardMerge.Refused e) {
            List<String> problems = new ArrayList<>();
            problems.add("cannot merge the " + shards.size() + " shard folders given:");
            e.problems.forEach(problem -> problems.add("  " + problem));
            throw new CannotStart(problems);
        }
        RunOutputs.clearReport(out);
        System.out.println("report: merged " + shards.size() + " shards into " + runs.size() + " run"
                + (runs.size() == 1 ? "" : "s, one per JDK: " + runs.stream().map(r -> "Java " + r.java()).toList()));
        if (runs.size() == 1) {
            return gate(settings, report(runs.get(0).folder(), context, out, null).reasons().isEmpty());
        }
        List<SideBySideView.RunReport> reports = new ArrayList<>();
        for (ShardMerge.Run run : runs) {
            String folder = "java-" + run.java();
            ReportContext ofRun = new ReportContext(run.id(), context.mode(), context.selection());
            Reported reported = report(run.folder(), ofRun, out.resolve(folder), run.java());
            reports.add(new SideBySideView.RunReport(run, reported.results(), reported.reasons(), folder));
        }
        SideBySideView sideBySide = SideBySideView.of(reports);
        Path site = out.resolve("site");
        write(site.resolve("index.html"), render("side-by-side.html.mustache", sideBySide, true));
        String markdown = render("side-by-side.md.mustache", sideBySide, false);
        write(site.resolve("report.md"), markdown);
        System.out.println(markdown);
        System.out.println("Report: " + site.resolve("index.html").toAbsolutePath());
        return gate(settings, sideBySide.passed());
    }

    /** One run's report, as written. */
    record Reported(Results results, List<GateReason> reasons) {
    }

    /**
     * Writes the report of the results in {@code resultsDir} under {@code out} ({@code site/} and
     * {@code junit/}) and prints its gate; prints the Markdown too, unless the run is one JDK of
     * several ({@code java} not null), whose JUnit names then carry the JDK.
     */
    static Reported report(Path resultsDir, ReportContext context, Path out, Integer java) {
        boolean printMarkdown = java == null;
        Results results = new Results(Inputs.read(resultsDir));
        List<GateReason> reasons = Gate.reasons(results, context);
        Page page = Page.of(results, context, reasons);

        Path site = out.resolve("site");
        write(site.resolve("index.html"), render("report.html.mustache", page, true));
        String markdown = render("report.md.mustache", page, false);
        write(site.resolve("report.md"), markdown);
        JunitReport.write(results, reasons, out.resolve("junit"), java == null ? "wg-lab" : "wg-lab.java" + java);

        if (printMarkdown) {
            System.out.println(markdown);
        }
        String run = printMarkdown ? "" : " (Java " + java + ", run " + page.runId() + ")";
        System.out.println("Report" + run + ": " + site.resolve("index.html").toAbsolutePath());
        if (reasons.isEmpty()) {
            System.out.println("Gate" + run + ": passed.");
        } else {
            System.out.println("Gate" + run + ": FAILED, " + reasons.size() + (reasons.size() == 1 ? " reason:" : " reasons:"));
            page.gate().groups().forEach(group -> {
                System.out.println("  " + group.subject() + " (" + group.counts() + "):");
                group.reasons().forEach(line -> System.out.println("    - " + line.kind() + ": " + line.text()));
            });
        }
        return new Reported(results, reasons);
    }

    /** The status the gate gives: {@link ExitStatus#GATE_FAILED} on a failed gate, unless wg.gate=false. */
    private static int gate(Settings settings, boolean passed) {
        if (passed) {
            return ExitStatus.RAN;
        }
        if (settings.gate) {
            return ExitStatus.GATE_FAILED;
        }
        System.out.println("(" + Property.GATE.key() + "=false: the build goes on)");
        return ExitStatus.RAN;
    }

    static String render(String template, Object scope, boolean html) {
        MustacheFactory factory = html ? new DefaultMustacheFactory("dev/waitgroup/reports") : new PlainText();
        Mustache mustache = factory.compile(template);
        StringWriter text = new StringWriter();
        mustache.execute(text, scope);
        return text.toString();
    }

    /** Markdown is not HTML: its values are written as they are, kept on their table row. */
    private static final class PlainText extends DefaultMustacheFactory {
        PlainText() {
            super("dev/waitgroup/reports");
        }

        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(value.replace("|", "\\|").replace("\n", " "));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
