package dev.waitgroup.reports;

import dev.waitgroup.catalogue.Suite;
import dev.waitgroup.record.CheckResult;
import dev.waitgroup.record.Evidence;
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
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The harness as JUnit XML, so that a CI server shows it like any test suite: one file per suite
 * ({@code TEST-wg-lab.<suite>.xml}) with a test case per verdict, and {@code TEST-wg-lab.gate.xml}
 * with a test case per gate reason (or one passing case). An implementation's failed check, and any
 * harness error, is a failure whose body ends with the line {@code Reproduce: <command>}; for a
 * specimen every check passes (a check that did not catch it is no defect); misuse verdicts and
 * demonstrations pass with their verdict in the output.
 */
final class JunitReport {
    private JunitReport() {
    }

    /** A test case: its class name, name, time, and an optional failure or skip. */
    private record Case(String className, String name, double seconds, String failure, String body, boolean skipped,
                        String output) {
    }

    /**
     * Writes a file per suite and one for the gate into {@code folder}; {@code name} prefixes every
     * suite and class name ({@code wg-lab}, or {@code wg-lab.java25} for one JDK of several).
     */
    static void write(Results results, List<GateReason> reasons, Path folder, String name) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Suite suite : results.suites()) {
            List<Case> cases = new ArrayList<>();
            for (ImplementationInfo info : results.implementations) {
                for (var check : results.checks(suite)) {
                    results.result(suite, info.name(), check)
                            .ifPresent(result -> cases.add(testCase(name, suite, info, result)));
                }
            }
            write(folder.resolve("TEST-" + name + "." + suite.id() + ".xml"), name + "." + suite.id(), cases);
        }
        write(folder.resolve("TEST-" + name + ".gate.xml"), name + ".gate", gateCases(name, reasons));
    }

    private static Case testCase(String name, Suite suite, ImplementationInfo info, CheckResult result) {
        String className = name + "." + suite.id() + "." + info.name();
        double seconds = result.millis() / 1000.0;
        String output = result.verdict().label() + (result.message() == null ? "" : ": " + result.message())
                + "\nSeen by: " + result.how();
        if (result.verdict() == Verdict.NOT_RUN) {
            return new Case(className, result.check().id(), seconds, null, null, true, output);
        }
        boolean failed = !info.isSpecimen() && result.verdict().isFailure() || result.verdict() == Verdict.HARNESS_ERROR;
        if (failed) {
            return new Case(className, result.check().id(), seconds, result.verdict().label() + ": "
                    + Defects.firstLine(result.message()), body(result), false, output);
        }
        if (info.isSpecimen() && Look.caught(result.verdict())) {
            output = "specimen caught: " + output;
        }
        return new Case(className, result.check().id(), seconds, null, null, false, output);
    }

    /** The failure's body: what was checked, how it was seen, the evidence, and the command to see it again. */
    static String body(CheckResult result) {
        StringBuilder body = new StringBuilder();
        body.append(result.check().title()).append('\n');
        body.append(result.verdict().label()).append(": ").append(result.message()).append('\n');
        body.append("Seen by: ").append(result.how()).append('\n');
        for (Evidence evidence : result.evidence()) {
            body.append('\n').append(evidence.caption()).append(":\n")
                    .append(EvidenceView.firstLines(evidence.text(), 60)).append('\n');
        }
        if (result.reproduce() != null) {
            body.append("\nReproduce: ").append(result.reproduce()).append('\n');
        }
        return body.toString();
    }

    private static List<Case> gateCases(String name, List<GateReason> reasons) {
        List<Case> cases = new ArrayList<>();
        if (reasons.isEmpty()) {
            cases.add(new Case(name + ".gate", "gate", 0, null, null, false, "passed"));
        }
        for (GateReason reason : reasons) {
            String subject = reason.implementation() == null ? "run" : reason.implementation();
            cases.add(new Case(name + ".gate." + subject, (reason.suite() == null ? "" : reason.suite().id() + ": ")
                    + (reason.check() == null ? reason.kind().label() : reason.check().id()), 0,
                    reason.kind().label() + ": " + reason.text(), reason.line(), false, reason.line()));
        }
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
                    xml.writeCharacters(c.body() == null ? c.failure() : c.body());
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
