package dev.waitgroup.reports;

import dev.waitgroup.record.Category;
import dev.waitgroup.record.CheckResult;
import dev.waitgroup.record.ImplementationInfo;
import dev.waitgroup.record.Verdict;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The harness as JUnit XML, so that a CI server shows it like any test suite: one file per suite
 * ({@code TEST-wg-lab.<suite>.xml}) with a test case per implementation and check, plus
 * {@code TEST-wg-lab.gate.xml} with the gate's own cases. For an implementation a failed check is a
 * failure; for a specimen every check passes (a check that did not catch it is no defect), and the
 * gate's case "caught by at least one check" fails when none did. Misuse reproductions are passes
 * with their verdict in the output; a lost reproduction fails in the gate file.
 */
final class JunitReport {
    private JunitReport() {
    }

    /** A test case: its class name, name, time, and an optional failure or skip. */
    private record Case(String className, String name, double seconds, String failure, String detail,
                        boolean skipped, String output) {
    }

    static void write(ReportData data, List<String> gateReasons, Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String suite : data.suites()) {
            List<Case> cases = new ArrayList<>();
            for (ImplementationInfo info : data.implementations) {
                for (ReportData.CheckRow check : data.checks(suite)) {
                    data.result(suite, info.name(), check.id())
                            .ifPresent(result -> cases.add(testCase(suite, info, result)));
                }
            }
            write(folder.resolve("TEST-wg-lab." + suite + ".xml"), "wg-lab." + suite, cases);
        }
        write(folder.resolve("TEST-wg-lab.gate.xml"), "wg-lab.gate", gateCases(data, gateReasons));
    }

    private static Case testCase(String suite, ImplementationInfo info, CheckResult result) {
        String className = "wg-lab." + suite + "." + info.name();
        double seconds = result.millis() / 1000.0;
        String output = result.verdict().id() + (result.message() == null ? "" : ": " + result.message());
        if (result.verdict() == Verdict.NOT_RUN) {
            return new Case(className, result.check(), seconds, null, null, true, output);
        }
        if (!info.isSpecimen() && result.verdict().isFailure()) {
            return new Case(className, result.check(), seconds, result.verdict().id() + ": " + result.message(),
                    result.evidence(), false, output);
        }
        if (info.isSpecimen() && (result.verdict() == Verdict.FAIL || result.verdict() == Verdict.TIMEOUT)) {
            output = "specimen caught: " + output;
        }
        return new Case(className, result.check(), seconds, null, null, false, output);
    }

    private static List<Case> gateCases(ReportData data, List<String> reasons) {
        List<Case> cases = new ArrayList<>();
        for (ImplementationInfo specimen : data.ofKind("specimen")) {
            List<ReportData.Finding> catches = data.catches(specimen.name());
            List<String> names = new ArrayList<>();
            catches.forEach(f -> names.add(f.suite() + " " + f.result().check()));
            cases.add(new Case("wg-lab.gate.specimens", specimen.name() + " caught by at least one check", 0,
                    catches.isEmpty() ? "caught by no check: the harness has lost its teeth" : null, null, false,
                    "caught by: " + String.join(", ", names)));
        }
        for (String misuse : List.of("add-inside-goroutine", "forgotten-done")) {
            List<String> shown = new ArrayList<>();
            for (ImplementationInfo info : data.judged()) {
                Optional<CheckResult> result = data.result("contract", info.name(), misuse);
                if (result.isPresent() && result.get().category() == Category.MISUSE
                        && result.get().verdict() == Verdict.REPRODUCED) {
                    shown.add(info.name());
                }
            }
            cases.add(new Case("wg-lab.gate.misuse", misuse + " reproduced somewhere", 0,
                    shown.isEmpty() && !data.judged().isEmpty() ? "reproduced on no implementation" : null, null,
                    false, "reproduced on: " + String.join(", ", shown)));
        }
        cases.add(new Case("wg-lab.gate", "gate", 0, reasons.isEmpty() ? null : reasons.size() + " reasons",
                String.join("\n", reasons), false, reasons.isEmpty() ? "passed" : String.join("\n", reasons)));
        return cases;
    }

    private static void write(Path file, String suiteName, List<Case> cases) {
        long failures = cases.stream().filter(c -> c.failure() != null).count();
        long skipped = cases.stream().filter(Case::skipped).count();
        double time = cases.stream().mapToDouble(Case::seconds).sum();
        try (OutputStream out = Files.newOutputStream(file)) {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", suiteName);
            xml.writeAttribute("tests", Integer.toString(cases.size()));
            xml.writeAttribute("failures", Long.toString(failures));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("skipped", Long.toString(skipped));
            xml.writeAttribute("time", seconds(time));
            xml.writeCharacters("\n");
            for (Case c : cases) {
                xml.writeCharacters("  ");
                xml.writeStartElement("testcase");
                xml.writeAttribute("classname", c.className());
                xml.writeAttribute("name", c.name());
                xml.writeAttribute("time", seconds(c.seconds()));
                if (c.failure() != null) {
                    xml.writeStartElement("failure");
                    xml.writeAttribute("message", c.failure());
                    xml.writeCharacters(c.detail() == null ? c.failure() : c.detail());
                    xml.writeEndElement();
                }
                if (c.skipped()) {
                    xml.writeEmptyElement("skipped");
                    xml.writeAttribute("message", c.output());
                }
                xml.writeStartElement("system-out");
                xml.writeCharacters(c.output());
                xml.writeEndElement();
                xml.writeEndElement();
                xml.writeCharacters("\n");
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write " + file, e);
        }
    }

    private static String seconds(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
