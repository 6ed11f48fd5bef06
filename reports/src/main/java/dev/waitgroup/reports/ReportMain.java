package dev.waitgroup.reports;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes the report from the suites' results files, then applies the gate.
 *
 * <p>Outputs, under {@code wg.report.dir} ({@code reports/target}): {@code site/index.html} (one
 * self-contained page: inline CSS and SVG, no network), {@code site/report.md} (the same verdicts
 * for CI logs and pull requests), and {@code junit/TEST-*.xml}. The gate's reasons are printed and
 * the process exits with status 1 when there are any (unless {@code -Dwg.gate=false}).
 */
public final class ReportMain {
    private ReportMain() {
    }

    public static void main(String[] args) {
        Path root = Path.of(System.getProperty("wg.root", "..")).toAbsolutePath().normalize();
        Path out = Path.of(System.getProperty("wg.report.dir", "target"));
        String mode = System.getProperty("wg.mode", "default");
        String runId = System.getProperty("wg.run.id", "");
        boolean gate = Boolean.parseBoolean(System.getProperty("wg.gate", "true"));

        ReportData data = new ReportData(Inputs.read(root), mode, runId, System.getProperty("wg.impl", "all"));
        List<String> reasons = Gate.reasons(data);
        Map<String, Object> scope = new ReportView(data, reasons).scope();

        Path site = out.resolve("site");
        write(site.resolve("index.html"), render("report.html.mustache", scope, true));
        String markdown = render("report.md.mustache", scope, false);
        write(site.resolve("report.md"), markdown);
        JunitReport.write(data, reasons, out.resolve("junit"));

        System.out.println(markdown);
        System.out.println("Report: " + site.resolve("index.html").toAbsolutePath());
        if (reasons.isEmpty()) {
            System.out.println("Gate: passed.");
            return;
        }
        System.out.println("Gate: FAILED, " + reasons.size() + " reason(s):");
        reasons.forEach(reason -> System.out.println("  - " + reason));
        if (gate) {
            System.exit(1);
        }
        System.out.println("(wg.gate=false: the build goes on)");
    }

    private static String render(String template, Map<String, Object> scope, boolean html) {
        MustacheFactory factory = html ? new DefaultMustacheFactory("dev/waitgroup/reports") : new PlainText();
        Mustache mustache = factory.compile(template);
        StringWriter text = new StringWriter();
        mustache.execute(text, scope);
        return text.toString();
    }

    /** Markdown is not HTML: its values are written as they are. */
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
