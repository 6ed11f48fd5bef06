package dev.waitgroup;

import dev.waitgroup.Implementation.Kind;
import dev.waitgroup.impl.AqsWaitGroup;
import dev.waitgroup.impl.CasSpinWaitGroup;
import dev.waitgroup.impl.GoWaitGroup;
import dev.waitgroup.impl.LockConditionWaitGroup;
import dev.waitgroup.impl.PhaserWaitGroup;
import dev.waitgroup.specimen.LostUpdateWaitGroup;
import dev.waitgroup.specimen.LostWakeUpWaitGroup;
import dev.waitgroup.specimen.RacyRefusalWaitGroup;
import dev.waitgroup.specimen.SignalOneWaitGroup;
import dev.waitgroup.specimen.UnsynchronizedReadWaitGroup;
import java.io.File;
import java.io.PrintStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The registry of WaitGroups, and the one place where a run's selection is resolved.
 *
 * <p>Every suite (contract, jcstress, Lincheck, JMH) checks {@link #selected()}, which reads two
 * system properties:
 * <ul>
 *   <li>{@value #IMPL_PROPERTY}: {@code all} (the default: every implementation and specimen),
 *       {@code implementations}, {@code specimens}, a registry name ({@code aqs}, {@code phaser}, ...),
 *       the fully qualified name of any public class implementing {@link WaitGroup} with a public
 *       no-argument constructor, or a comma list of these;</li>
 *   <li>{@value #CLASSPATH_PROPERTY}: extra jars or class folders, separated by the platform's path
 *       separator or commas, searched for such classes.</li>
 * </ul>
 * Run {@code java -cp wg-impl/target/classes dev.waitgroup.Implementations} to list the registry.
 */
public final class Implementations {
    public static final String IMPL_PROPERTY = "wg.impl";
    public static final String CLASSPATH_PROPERTY = "wg.classpath";

    private static final Map<String, Implementation> REGISTRY = new LinkedHashMap<>();

    static {
        implementation("aqs", AqsWaitGroup.class, ReuseBehaviour.WAITS_FOR_NEW_ROUND,
                "AbstractQueuedSynchronizer in shared mode: a CountDownLatch that can count up");
        implementation("phaser", PhaserWaitGroup.class, ReuseBehaviour.FINISHES_OLD_ROUND,
                "counter and round in one atomic word; waiters wait on a one-party Phaser's phase");
        implementation("lock", LockConditionWaitGroup.class, ReuseBehaviour.FINISHES_OLD_ROUND,
                "ReentrantLock + Condition with a round number: the textbook monitor");
        implementation("cas", CasSpinWaitGroup.class, ReuseBehaviour.FINISHES_OLD_ROUND,
                "lock-free: one CAS word, a short spin, then park on a Treiber stack");
        implementation("go", GoWaitGroup.class, ReuseBehaviour.DETECTS_AND_THROWS,
                "port of Go's sync.WaitGroup: counter and waiters in one word, a semaphore, Go's panics");
        specimen("lost-update", LostUpdateWaitGroup.class, BugKind.INTERLEAVING,
                "non-atomic read-modify-write of the counter: racing done() calls vanish");
        specimen("lost-wakeup", LostWakeUpWaitGroup.class, BugKind.INTERLEAVING,
                "checks the counter outside the lock, then waits: a release in between is never seen");
        specimen("signal-one", SignalOneWaitGroup.class, BugKind.INTERLEAVING,
                "signal() instead of signalAll(): only one of several waiters is released");
        specimen("racy-refusal", RacyRefusalWaitGroup.class, BugKind.INTERLEAVING,
                "check-then-act on the negative-counter check: two racing done() drive the counter to -1");
        specimen("unsynchronized-read", UnsynchronizedReadWaitGroup.class, BugKind.MEMORY_MODEL,
                "await spins on a plain field: no happens-before, and the JIT may hoist the read forever");
    }

    private Implementations() {
    }

    private static void implementation(String name, Class<? extends WaitGroup> type, ReuseBehaviour reuse,
                                       String summary) {
        REGISTRY.put(name, new Implementation(name, Kind.IMPLEMENTATION, type, summary, reuse, null));
    }

    private static void specimen(String name, Class<? extends WaitGroup> type, BugKind bug, String summary) {
        REGISTRY.put(name, new Implementation(name, Kind.SPECIMEN, type, summary, ReuseBehaviour.UNKNOWN, bug));
    }

    /** Every built-in entry: the implementations, then the specimens. */
    public static List<Implementation> all() {
        return List.copyOf(REGISTRY.values());
    }

    public static List<Implementation> ofKind(Kind kind) {
        List<Implementation> result = new ArrayList<>();
        for (Implementation entry : REGISTRY.values()) {
            if (entry.kind() == kind) {
                result.add(entry);
            }
        }
        return result;
    }

    /** The built-in entry with this short name. */
    public static Implementation named(String name) {
        Implementation entry = REGISTRY.get(name);
        if (entry == null) {
            throw unknown(name);
        }
        return entry;
    }

    /** The selection of this run, from the system properties {@code wg.impl} and {@code wg.classpath}. */
    public static List<Implementation> selected() {
        return select(System.getProperty(IMPL_PROPERTY, "all"), System.getProperty(CLASSPATH_PROPERTY, ""));
    }

    /**
     * Resolves a selection.
     *
     * @param selection {@code all}, {@code implementations}, {@code specimens}, a registry name, a class
     *                  name, or a comma list of these; blank means {@code all}
     * @param classpath extra jars or folders for class names, separated by the path separator or commas
     * @throws IllegalArgumentException naming the value that could not be resolved and what was expected
     */
    public static List<Implementation> select(String selection, String classpath) {
        String spec = selection == null || selection.isBlank() ? "all" : selection;
        ClassLoader loader = classLoader(classpath);
        Map<String, Implementation> chosen = new LinkedHashMap<>();
        for (String token : spec.split(",")) {
            String name = token.trim();
            if (name.isEmpty()) {
                continue;
            }
            for (Implementation entry : resolve(name, loader)) {
                chosen.putIfAbsent(entry.name(), entry);
            }
        }
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException(IMPL_PROPERTY + "='" + selection + "' selects nothing; " + expected());
        }
        return List.copyOf(chosen.values());
    }

    private static List<Implementation> resolve(String name, ClassLoader loader) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "all":
                return all();
            case "implementations":
                return ofKind(Kind.IMPLEMENTATION);
            case "specimens":
                return ofKind(Kind.SPECIMEN);
            default:
                break;
        }
        Implementation entry = REGISTRY.get(name);
        if (entry != null) {
            return List.of(entry);
        }
        if (!name.contains(".")) {
            throw unknown(name);
        }
        return List.of(pluggedIn(name, loader));
    }

    private static Implementation pluggedIn(String className, ClassLoader loader) {
        Class<?> type;
        try {
            type = Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalArgumentException(IMPL_PROPERTY + ": class " + className + " was not found on the"
                    + " classpath or in " + CLASSPATH_PROPERTY + "; " + expected(), e);
        }
        for (Implementation entry : REGISTRY.values()) {
            if (entry.type() == type) {
                return entry;
            }
        }
        if (!WaitGroup.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException(IMPL_PROPERTY + ": " + className + " does not implement "
                    + WaitGroup.class.getName() + "; expected a class that implements add, await(),"
                    + " await(long, TimeUnit) and count");
        }
        Class<? extends WaitGroup> waitGroupType = type.asSubclass(WaitGroup.class);
        return new Implementation(type.getSimpleName(), Kind.PLUGGED_IN, waitGroupType,
                "plugged in: " + className, ReuseBehaviour.UNKNOWN, null);
    }

    private static ClassLoader classLoader(String classpath) {
        ClassLoader parent = Implementations.class.getClassLoader();
        if (classpath == null || classpath.isBlank()) {
            return parent;
        }
        List<URL> urls = new ArrayList<>();
        for (String element : classpath.split("[" + File.pathSeparator + ",]")) {
            if (element.isBlank()) {
                continue;
            }
            File file = new File(element.trim());
            if (!file.exists()) {
                throw new IllegalArgumentException(CLASSPATH_PROPERTY + ": " + file + " does not exist; expected"
                        + " jars or class folders separated by '" + File.pathSeparator + "' or ','");
            }
            try {
                urls.add(file.getAbsoluteFile().toURI().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(CLASSPATH_PROPERTY + ": cannot use " + file, e);
            }
        }
        return new URLClassLoader(urls.toArray(new URL[0]), parent);
    }

    private static IllegalArgumentException unknown(String name) {
        return new IllegalArgumentException(IMPL_PROPERTY + ": unknown implementation '" + name + "'; " + expected());
    }

    private static String expected() {
        return "expected all, implementations, specimens, one of " + String.join(", ", REGISTRY.keySet())
                + ", or the fully qualified name of a public class implementing " + WaitGroup.class.getName()
                + " with a public no-argument constructor (extra jars or folders go in " + CLASSPATH_PROPERTY + ")";
    }

    /**
     * Prints the registry, or with arguments (or {@code -Dwg.impl}) what that selection resolves to.
     * A selection that cannot be resolved exits with status 2 and the reason.
     */
    public static void main(String[] args) {
        PrintStream out = System.out;
        List<Implementation> entries;
        try {
            entries = args.length > 0
                    ? select(String.join(",", args), System.getProperty(CLASSPATH_PROPERTY, ""))
                    : System.getProperty(IMPL_PROPERTY) != null ? selected() : all();
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        out.printf("%-20s %-15s %-50s %s%n", "NAME", "KIND", "CLASS", "ON REUSE BEFORE WAIT RETURNED");
        for (Implementation entry : entries) {
            out.printf("%-20s %-15s %-50s %s%n", entry.name(), entry.kind().label(), entry.type().getName(),
                    entry.kind() == Kind.SPECIMEN ? "- (" + entry.bug().name().toLowerCase(Locale.ROOT).replace('_', '-')
                            + " bug)" : entry.documentedReuse().description());
            out.printf("%-20s %s%n", "", entry.summary());
        }
        out.printf("%ngo(Runnable) starts tasks on %s threads on this JVM (Java %s).%n",
                TaskThreads.virtual() ? "virtual" : "platform", Runtime.version().feature());
    }
}
