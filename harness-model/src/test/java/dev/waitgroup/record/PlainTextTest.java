package dev.waitgroup.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.waitgroup.catalogue.Check;
import java.io.StringReader;
import java.io.StringWriter;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamWriter;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

/**
 * A child JVM's output quoted as evidence may hold what a terminal takes as commands (Fray clears the
 * screen as it starts): a verdict keeps the words, not the commands, so its JUnit XML parses and its
 * Markdown does not clear a CI log.
 */
class PlainTextTest {
    private static final String ESC = "\u001B";

    @Test
    void escapeSequencesAreRemovedAndOtherControlCharactersReplaced() {
        assertEquals("Fray Testing: 3 schedules", PlainText.of(ESC + "[2J" + ESC + "[2HFray Testing: " + ESC + "[1;32m3"
                + ESC + "[0m schedules"));
        assertEquals("a\tb\nc\r\nd\uFFFDe", PlainText.of("a\tb\nc\r\nd\u0007e"));
        String plain = "nothing to remove: ✓ 12 / 12";
        assertSame(plain, PlainText.of(plain));
    }

    @Test
    void aVerdictQuotingATerminalsOutputMakesXmlAParserReads() throws Exception {
        CheckResult result = CheckResult.of("aqs", Check.FRAY_RACES, Verdict.HARNESS_ERROR, 5, "how",
                "the child JVM ended").withEvidence(new Evidence(Evidence.Kind.OUTPUT, "its last output",
                ESC + "[2J" + ESC + "[2HFray Testing:\n\u0000done"));
        StringWriter xml = new StringWriter();
        XMLStreamWriter out = XMLOutputFactory.newInstance().createXMLStreamWriter(xml);
        out.writeStartDocument();
        out.writeStartElement("failure");
        out.writeCharacters(result.message() + "\n" + result.evidence().get(0).text());
        out.writeEndElement();
        out.writeEndDocument();
        out.close();

        String read = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(xml.toString()))).getDocumentElement().getTextContent();
        assertEquals("the child JVM ended\nFray Testing:\n\uFFFDdone", read);
    }
}
