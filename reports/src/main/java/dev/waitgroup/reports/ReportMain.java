package dev.waitgroup.reports;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import dev.waitgroup.settings.InvalidSettings;
import dev.waitgroup.settings.Settings;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
 * pull requests), and {@code junit/TEST-*.xml}. The gate's reasons are printed and the process exits
 * with status 1 when there are any (unless {@code -Dwg.gate=false}), 2 when it cannot start.
 */
public final class ReportMain {
    private ReportMain() {
    }

    public static void main(String[] args) {
        Settings settings;
        try {
            settings = Settings.fromSystemProperties();
        } catch (InvalidSettings e) {
            System.err.println("report: the run cannot be reported:");
            e.problems().forEach(problem -> System.err.println("  " + problem));
            System.exit(2);
            return;
        }
        Path out = Path.of(args.length > 0 ? args[0] : "target");
        ReportContext context = new ReportContext(settings.runId, settings.mode,
                System.getProperty("wg.impl") == null ? "" : settings.selection);
        if (args.length == 1 || args.length == 0) {
            gate(settings, report(settings.resultsDir, context, out, null).reasons().isEmpty());
            return;
        }
        List<Path> shards = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            shards.add(Path.of(args[i]));
        }
        List<ShardMerge.Run> runs;
        try {
            runs = ShardMerge.merge(shards, out.resolve("merged-results"));
        } catch (ShardMerge.Refused e) {
            System.err.println("report: cannot merge the " + shards.size() + " shard folders given:");
            e.problems.forEach(problem -> System.err.println("  " + problem));
            System.exit(2);
            return;
        } catch (IOException e) {
            System.err.println("report: cannot merge the shards: " + e);
            System.exit(2);
            return;
        }
        System.out.println("report: merged " + shards.size() + " shards into " + runs.size() + " run"
                + (runs.size() == 1 ? "" : "s, one per JDK: " + runs.stream().map(r -> "Java " + r.java()).toList()));
        if (runs.size() == 1) {
            gate(settings, report(runs.get(0).folder(), context, out, null).reasons().isEmpty());
            return;
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
        gate(settings, sideBySide.passed());
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
            System.out.println("Gate" + run + ": FAILED, " + reasons.size() + " reason(s):");
            page.gate().groups().forEach(group -> {
                System.out.println("  " + group.subject() + " (" + group.counts() + "):");
                group.reasons().forEach(line -> System.out.println("    - " + line.kind() + ": " + line.text()));
            });
        }
        return new Reported(results, reasons);
    }

    /** Ends the process as the gate says: status 1 on a failed gate, unless wg.gate=false. */
    private static void gate(Settings settings, boolean passed) {
        if (passed) {
            return;
        }
        if (settings.gate) {
            System.exit(1);
        }
        System.out.println("(wg.gate=false: the build goes on)");
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
