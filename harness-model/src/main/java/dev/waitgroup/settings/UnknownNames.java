package dev.waitgroup.settings;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names given under the harness's own prefixes ({@code wg.}, {@code lincheck.}, {@code fray.}...) that
 * are no property of it. The build passes on only the properties it declares, so a misspelt
 * {@code -Dwg.imp=com.acme.MyGroup} would be dropped without a word and the run would check every
 * built-in WaitGroup instead, for many minutes; it is refused like a bad value instead, with the
 * nearest property's name. A runner reads the names of its own JVM's system properties, and of the
 * Maven command line that started the build ({@code MAVEN_CMD_LINE_ARGS}, which Maven's launcher sets).
 *
 * <p>Known besides the properties and their former names: the system properties the harness gives its
 * own JVMs ({@link InternalProperty}) and the names the build itself defines under the same prefixes
 * ({@link #BUILD_PROPERTIES}: tool versions a user may override, as Maven allows).
 */
final class UnknownNames {
    /** The parent POM's own properties under the harness's prefixes; {@code PropertiesDocumentedTest} holds the POM to it. */
    static final Set<String> BUILD_PROPERTIES = Set.of("wg.jvm.args", "fray.version", "fray.asm.version",
            "fray.kotlin.version", "fray.layout", "jcstress.version", "lincheck.version");

    /** {@code -Dname}, {@code -D name}, {@code --define name} or {@code --define=name}, up to {@code =} or a space. */
    private static final Pattern DEFINE = Pattern.compile("(?:^|\\s)(?:-D\\s*|--define[=\\s]\\s*)([^\\s=]+)");

    private UnknownNames() {
    }

    /** The names the Maven command line defines ({@code -Dname=value}); none when there is no such line. */
    static Set<String> onMavenCommandLine(String commandLine) {
        Set<String> names = new TreeSet<>();
        if (commandLine != null) {
            Matcher define = DEFINE.matcher(commandLine);
            while (define.find()) {
                names.add(define.group(1));
            }
        }
        return names;
    }

    /** One message for each name under the harness's prefixes that it does not know, naming the nearest it does. */
    static List<String> problems(Collection<String> given) {
        Set<String> known = known();
        Set<String> prefixes = new TreeSet<>();
        for (String name : known) {
            prefixes.add(name.substring(0, name.indexOf('.') + 1));
        }
        List<String> problems = new ArrayList<>();
        for (String name : new TreeSet<>(given)) {
            if (known.contains(name) || prefixes.stream().noneMatch(name::startsWith)) {
                continue;
            }
            problems.add("-D" + name + ": wg-lab has no property " + name + "; did you mean " + nearest(name)
                    + "? (every property is listed in the README's table)");
        }
        return problems;
    }

    private static Set<String> known() {
        Set<String> known = new TreeSet<>(BUILD_PROPERTIES);
        Property.all().forEach(property -> known.add(property.key()));
        known.addAll(Property.formerNames().keySet());
        for (InternalProperty internal : InternalProperty.values()) {
            known.add(internal.key());
        }
        return known;
    }

    /** The property whose name is the fewest edits away. */
    private static String nearest(String name) {
        return nearest(name, Property.all().stream().map(Property::key).toList());
    }

    /** Of {@code names}, the one the fewest edits away from {@code name} (the first of those tied). */
    static String nearest(String name, Collection<String> names) {
        String nearest = null;
        int fewest = Integer.MAX_VALUE;
        for (String candidate : names) {
            int edits = edits(name, candidate);
            if (edits < fewest) {
                fewest = edits;
                nearest = candidate;
            }
        }
        return nearest;
    }

    /** Levenshtein distance. */
    static int edits(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
