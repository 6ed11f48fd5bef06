package dev.waitgroup.mutation;

import dev.waitgroup.catalogue.HarnessCheck;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The catalogue check behind a JUnit test as PIT names it ({@code ...[class-template:X]/.../[method:m(...)]}). */
final class CheckNames {
    private static final Pattern TEST = Pattern.compile("\\[class(?:-template)?:([^\\]]+)].*\\[method:([^(\\]]+)");

    private final Map<String, String> checkOf = new HashMap<>();

    private CheckNames() {
    }

    static CheckNames of(List<Class<?>> checkClasses) {
        CheckNames names = new CheckNames();
        for (Class<?> type : checkClasses) {
            for (Method method : type.getDeclaredMethods()) {
                HarnessCheck check = method.getAnnotation(HarnessCheck.class);
                if (check != null) {
                    names.checkOf.put(type.getName() + "#" + method.getName(), check.value().id());
                }
            }
        }
        return names;
    }

    /** The check id of a PIT test name; the method's name when it is no harness check. */
    String checkOf(String pitTestName) {
        Matcher matcher = TEST.matcher(pitTestName);
        if (!matcher.find()) {
            return pitTestName;
        }
        return checkOf.getOrDefault(matcher.group(1) + "#" + matcher.group(2), matcher.group(2));
    }
}
