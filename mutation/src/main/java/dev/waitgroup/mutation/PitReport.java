package dev.waitgroup.mutation;

import dev.waitgroup.record.MutationScore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads PIT's {@code mutations.xml} (every mutant and its status) and {@code linecoverage.xml} (which
 * tests ran which block) into a {@link MutationScore}: counts by status, and every mutant not killed
 * with its source line and the checks that ran it.
 *
 * <p>PIT's statuses: KILLED and TIMED_OUT are noticed (so are MEMORY_ERROR and RUN_ERROR: the check
 * JVM died on the mutant); SURVIVED ran and passed; NO_COVERAGE ran in no check. NON_VIABLE (a
 * mutant the JVM refuses to load) is not a mutant of the code at all and is left out.
 */
final class PitReport {
    private PitReport() {
    }

    static MutationScore read(String implementation, String how, long millis, Path report, Sources sources,
                              Equivalence equivalence, CheckNames checks) throws IOException {
        Map<String, List<String>> testsOfBlock = coverage(report.resolve("linecoverage.xml"));
        int mutants = 0;
        int killed = 0;
        int timedOut = 0;
        int survived = 0;
        int noCoverage = 0;
        int equivalent = 0;
        List<MutationScore.Mutant> notKilled = new ArrayList<>();
        for (Element mutation : elements(parse(report.resolve("mutations.xml")).getDocumentElement(), "mutation")) {
            String status = mutation.getAttribute("status");
            if (status.equals("NON_VIABLE")) {
                continue;
            }
            mutants++;
            String className = text(mutation, "mutatedClass");
            String method = text(mutation, "mutatedMethod");
            int line = Integer.parseInt(text(mutation, "lineNumber"));
            String mutator = shortName(text(mutation, "mutator"));
            String sourceLine = sources.line(className, line);
            String reason = equivalence.reason(simpleName(className), method, mutator, sourceLine);
            boolean detected = Boolean.parseBoolean(mutation.getAttribute("detected"));
            if (detected && reason == null) {
                killed++;
                if (status.equals("TIMED_OUT")) {
                    timedOut++;
                }
                continue;
            }
            String shown;
            if (reason != null) {
                equivalent++;
                shown = "equivalent";
            } else if (status.equals("NO_COVERAGE")) {
                noCoverage++;
                shown = "no-coverage";
            } else {
                survived++;
                shown = "survived";
            }
            TreeSet<String> coveredBy = new TreeSet<>();
            String key = className + "#" + method + text(mutation, "methodDescription") + "#";
            for (Element block : elements(child(mutation, "blocks"), "block")) {
                for (String test : testsOfBlock.getOrDefault(key + block.getTextContent().trim(), List.of())) {
                    coveredBy.add(checks.checkOf(test));
                }
            }
            notKilled.add(new MutationScore.Mutant(className, method, line, mutator, text(mutation, "description"),
                    shown, sourceLine, List.copyOf(coveredBy), reason));
        }
        return new MutationScore(implementation, how, millis, mutants, killed, timedOut, survived, noCoverage,
                equivalent, null, notKilled);
    }

    /** Block ({@code class#methodDescriptor#number}) to the tests that ran it. */
    private static Map<String, List<String>> coverage(Path file) throws IOException {
        Map<String, List<String>> tests = new HashMap<>();
        if (!Files.exists(file)) {
            return tests;
        }
        for (Element block : elements(parse(file).getDocumentElement(), "block")) {
            List<String> names = new ArrayList<>();
            for (Element test : elements(child(block, "tests"), "test")) {
                names.add(test.getAttribute("name"));
            }
            tests.put(block.getAttribute("classname") + "#" + block.getAttribute("method") + "#"
                    + block.getAttribute("number"), names);
        }
        return tests;
    }

    /** {@code org.pitest...NegateConditionalsMutator} to {@code NegateConditionals}; wg-lab's ids as they are. */
    static String shortName(String mutator) {
        String name = mutator.substring(mutator.lastIndexOf('.') + 1);
        return name.endsWith("Mutator") ? name.substring(0, name.length() - "Mutator".length()) : name;
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private static Document parse(Path file) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(file.toFile());
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static List<Element> elements(Element parent, String name) {
        List<Element> result = new ArrayList<>();
        if (parent == null) {
            return result;
        }
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node node = children.item(i);
            if (node instanceof Element element && element.getTagName().equals(name)) {
                result.add(element);
            }
        }
        return result;
    }

    private static Element child(Element parent, String name) {
        List<Element> found = elements(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static String text(Element parent, String name) {
        Element element = child(parent, name);
        return element == null ? "" : element.getTextContent().trim();
    }
}
