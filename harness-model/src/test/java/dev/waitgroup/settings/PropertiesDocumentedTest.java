package dev.waitgroup.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Each property is declared once, in {@link Property}. The parent POM, which passes every property to
 * the programs the build starts, and the README, which tells a user what each does, follow that
 * declaration; they are checked here, not generated, because Maven reads its properties before
 * anything can generate them, and the README is prose around the table. Each failure names every
 * property that is missing or extra, and gives the line to add: adding a property is its declaration,
 * then what this test asks for.
 */
class PropertiesDocumentedTest {
    /** The project folder: Surefire runs a module's tests in the module's folder. */
    private static final Path PROJECT = Path.of("").toAbsolutePath().getParent();
    /** The POM property that carries the settings to every program the build starts. */
    private static final String JVM_ARGS = "wg.jvm.args";
    /** One setting in {@value #JVM_ARGS}: {@code "-Dkey=${key}"}. */
    private static final Pattern JVM_ARG = Pattern.compile("\"-D([^=\"]+)=\\$\\{([^}]+)}\"");
    static final String README_HEADER = "| property | what it does | accepts | default | main job (`-Pstress`) |";

    /** A property of the POMs under the harness's prefixes is a setting, a former name, or the build's own. */
    @Test
    void everyPomPropertyUnderTheHarnessesPrefixesIsKnownToTheUnknownNamesCheck() throws Exception {
        List<String> unknown = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>(pomProperties().keySet());
        try (Stream<Path> modules = Files.list(PROJECT)) {
            for (Path pom : modules.map(m -> m.resolve("pom.xml")).filter(Files::isRegularFile).toList()) {
                names.addAll(properties(DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile())
                        .getDocumentElement()).keySet());
            }
        }
        for (String name : names) {
            if (!UnknownNames.problems(List.of(name)).isEmpty()) {
                unknown.add(name + ": declare it in Property, or add it to UnknownNames.BUILD_PROPERTIES if it is the"
                        + " build's own (a tool's version, say), so that a user's -D" + name + " is not refused");
            }
        }
        assertEquals(List.of(), unknown);
    }

    @Test
    void theParentPomDeclaresEveryPropertyEmptyOrWithItsDefault() throws Exception {
        Map<String, String> pom = pomProperties();
        List<String> problems = new ArrayList<>();
        for (Property<?> property : Property.all()) {
            String value = pom.get(property.key());
            if (value == null) {
                problems.add("missing " + property.key() + ": add <" + property.key() + "></" + property.key()
                        + "> to the parent POM's <properties>");
            } else if (!value.isEmpty() && !value.contains("${") && !value.equals(property.defaultFor(false))) {
                problems.add(property.key() + " is '" + value + "' in the parent POM, but its default is '"
                        + property.defaultFor(false) + "': leave it empty, or give the declared default");
            }
        }
        for (String former : Property.formerNames().keySet()) {
            if (!"".equals(pom.get(former))) {
                problems.add("former name " + former + ": add <" + former + "></" + former + "> to the parent POM's"
                        + " <properties>, so that a user's -D" + former + " reaches the run, which refuses it");
            }
        }
        for (String name : pom.keySet()) {
            if (inSettingsNamespace(name) && !name.equals(JVM_ARGS) && !name.endsWith(".version") && !declared(name)) {
                problems.add("extra " + name + ": the parent POM's <properties> has it, but Property does not"
                        + " declare it (declare it there, or give the build's own properties another prefix)");
            }
        }
        assertEquals(List.of(), problems, String.join("\n", problems));
    }

    @Test
    void theBuildPassesEveryPropertyAndFormerNameToTheProgramsItStarts() throws Exception {
        String jvmArgs = pomProperties().get(JVM_ARGS);
        Set<String> passed = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        Matcher arg = JVM_ARG.matcher(jvmArgs);
        while (arg.find()) {
            if (!arg.group(1).equals(arg.group(2))) {
                problems.add(JVM_ARGS + " gives -D" + arg.group(1) + " the value of ${" + arg.group(2) + "}");
            }
            if (!passed.add(arg.group(1))) {
                problems.add(JVM_ARGS + " passes -D" + arg.group(1) + " twice");
            }
        }
        for (String name : declaredNames()) {
            if (!passed.contains(name)) {
                problems.add("missing " + name + ": add \"-D" + name + "=${" + name + "}\" to " + JVM_ARGS
                        + " in the parent POM");
            }
        }
        for (String name : passed) {
            if (!declared(name)) {
                problems.add("extra " + name + ": " + JVM_ARGS + " passes it, but Property does not declare it");
            }
        }
        assertEquals(List.of(), problems, String.join("\n", problems));
    }

    @Test
    void theMainJobProfileSwitchesTheMode() throws Exception {
        Document pom = parentPom();
        NodeList profiles = pom.getElementsByTagName("profile");
        String mode = null;
        for (int i = 0; i < profiles.getLength(); i++) {
            Element profile = (Element) profiles.item(i);
            if (childText(profile, "id").equals("stress")) {
                mode = properties(profile).get(Property.MODE.key());
            }
        }
        assertEquals(Property.MODE.defaultFor(true), mode, "the parent POM's profile 'stress' (-Pstress, the main job)"
                + " sets <" + Property.MODE.key() + "> to " + Property.MODE.defaultFor(true));
    }

    @Test
    void theReadmeHasOneRowPerPropertyAsDeclared() throws IOException {
        List<String> readme = Files.readAllLines(PROJECT.resolve("README.md"), StandardCharsets.UTF_8);
        int header = readme.indexOf(README_HEADER);
        assertTrue(header >= 0, "README.md has no property table; its header is\n" + README_HEADER + "\n|---|---|---|---|---|");
        Map<String, String> rows = new LinkedHashMap<>();
        for (int i = header + 2; i < readme.size() && readme.get(i).startsWith("|"); i++) {
            Matcher name = Pattern.compile("^\\| `([^`]+)` \\|").matcher(readme.get(i));
            rows.put(name.find() ? name.group(1) : readme.get(i), readme.get(i));
        }
        List<String> problems = new ArrayList<>();
        for (Property<?> property : Property.all()) {
            String row = readmeRow(property);
            String found = rows.get(property.key());
            if (found == null) {
                problems.add("missing " + property.key() + ": add this row to README.md's property table:\n" + row);
            } else if (!found.equals(row)) {
                problems.add("README.md's row for " + property.key() + " should read\n" + row + "\nbut reads\n" + found);
            }
        }
        for (String name : rows.keySet()) {
            if (Property.all().stream().noneMatch(p -> p.key().equals(name))) {
                problems.add("extra " + name + ": README.md's property table has a row for it, but Property does not"
                        + " declare it");
            }
        }
        assertEquals(List.of(), problems, String.join("\n", problems));
    }

    @Test
    void noCommandInTheDocumentsUsesAFormerName() throws IOException {
        List<Path> documents = new ArrayList<>(List.of(PROJECT.resolve("README.md"), PROJECT.resolve(".ci/run"),
                PROJECT.resolve(".github/workflows/ci.yml")));
        try (Stream<Path> docs = Files.list(PROJECT.resolve("docs"))) {
            docs.filter(file -> file.toString().endsWith(".md")).forEach(documents::add);
        }
        List<String> problems = new ArrayList<>();
        for (Path document : documents) {
            String text = Files.readString(document, StandardCharsets.UTF_8);
            Property.formerNames().forEach((former, property) -> {
                if (text.contains("-D" + former + "=")) {
                    problems.add(PROJECT.relativize(document) + " gives -D" + former + ", now " + property.key());
                }
            });
        }
        assertEquals(List.of(), problems, String.join("\n", problems));
    }

    /** A property's row in the README, as it must read. */
    static String readmeRow(Property<?> property) {
        return "| `" + property.key() + "` | " + property.help() + " | " + property.accepts() + " | "
                + shown(property.defaultFor(false)) + " | " + shown(property.defaultFor(true)) + " |";
    }

    private static String shown(String value) {
        return value.isEmpty() ? "" : "`" + value + "`";
    }

    private static List<String> declaredNames() {
        List<String> names = new ArrayList<>();
        Property.all().forEach(property -> names.add(property.key()));
        names.addAll(Property.formerNames().keySet());
        return names;
    }

    private static boolean declared(String name) {
        return declaredNames().contains(name);
    }

    /**
     * Whether a POM property's name begins as a setting's does ({@code wg.}, {@code jcstress.}, ...); of
     * those, the ones ending in {@code .version} are, as Maven has it, the versions of dependencies.
     */
    private static boolean inSettingsNamespace(String name) {
        return declaredNames().stream().anyMatch(key -> name.startsWith(key.substring(0, key.indexOf('.') + 1)));
    }

    private static Map<String, String> pomProperties() throws Exception {
        return properties(parentPom().getDocumentElement());
    }

    private static Document parentPom() throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(PROJECT.resolve("pom.xml").toFile());
    }

    /** The {@code <properties>} directly under {@code parent}, in their order. */
    private static Map<String, String> properties(Element parent) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element && child.getNodeName().equals("properties")) {
                for (Node property = child.getFirstChild(); property != null; property = property.getNextSibling()) {
                    if (property instanceof Element) {
                        properties.put(property.getNodeName(), property.getTextContent().trim());
                    }
                }
            }
        }
        return properties;
    }

    private static String childText(Element parent, String name) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element && child.getNodeName().equals(name)) {
                return child.getTextContent().trim();
            }
        }
        return "";
    }
}
