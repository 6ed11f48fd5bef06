package dev.waitgroup.harness;

import dev.waitgroup.WaitGroup;
import dev.waitgroup.catalogue.Bug;
import dev.waitgroup.catalogue.ImplementationKind;
import dev.waitgroup.catalogue.ReuseBehaviour;
import dev.waitgroup.impl.AqsWaitGroup;
import dev.waitgroup.impl.CasSpinWaitGroup;
import dev.waitgroup.impl.GoWaitGroup;
import dev.waitgroup.impl.LockConditionWaitGroup;
import dev.waitgroup.impl.PhaserWaitGroup;
import dev.waitgroup.settings.CannotStart;
import dev.waitgroup.settings.ExitStatus;
import dev.waitgroup.settings.Property;
import dev.waitgroup.specimen.DeadlineOverflowWaitGroup;
import dev.waitgroup.specimen.GoAddZeroWaitGroup;
import dev.waitgroup.specimen.LeakyWaitersWaitGroup;
import dev.waitgroup.specimen.LostInterruptWaitGroup;
import dev.waitgroup.specimen.LostUpdateWaitGroup;
import dev.waitgroup.specimen.LostWakeUpWaitGroup;
import dev.waitgroup.specimen.MillisTimeoutWaitGroup;
import dev.waitgroup.specimen.ParkOnceWaitGroup;
import dev.waitgroup.specimen.PlainReadWaitGroup;
import dev.waitgroup.specimen.RacyRefusalWaitGroup;
import dev.waitgroup.specimen.RestartingTimeoutWaitGroup;
import dev.waitgroup.specimen.ReusedWaiterNodeWaitGroup;
import dev.waitgroup.specimen.SignalOneWaitGroup;
import dev.waitgroup.specimen.StaleRoundWaitGroup;
import dev.waitgroup.specimen.StrayPermitWaitGroup;
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
 * <p>Every suite checks the selection of two properties ({@link Property}):
 * <ul>
 *   <li>{@code wg.impl}: {@code all} (every implementation and specimen), {@code implementations},
 *       {@code specimens}, a registry name ({@code aqs}, {@code phaser}, ...), the fully qualified name
 *       of any public class implementing {@link WaitGroup} with a public no-argument constructor, or a
 *       comma list of these;</li>
 *   <li>{@code wg.classpath}: extra jars or class folders, separated by the platform's path
 *       separator or commas, searched for such classes.</li>
 * </ul>
 * Run {@code java -cp harness/target/classes:... dev.waitgroup.harness.Implementations} to list the registry.
 */
public final class Implementations {
    private static final String IMPL_PROPERTY = Property.IMPL.key();
    private static final String CLASSPATH_PROPERTY = Property.CLASSPATH.key();

    private static final Map<String, Implementation> REGISTRY = new LinkedHashMap<>();
    private static final Map<String, ClassLoader> LOADERS = new LinkedHashMap<>();

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
        specimen("lost-update", LostUpdateWaitGroup.class, Bug.LOST_UPDATE);
        specimen("lost-wakeup", LostWakeUpWaitGroup.class, Bug.LOST_WAKE_UP);
        specimen("signal-one", SignalOneWaitGroup.class, Bug.SIGNAL_ONE);
        specimen("racy-refusal", RacyRefusalWaitGroup.class, Bug.CHECK_THEN_ACT);
        specimen("unsynchronized-read", UnsynchronizedReadWaitGroup.class, Bug.DATA_RACE);
        specimen("plain-read", PlainReadWaitGroup.class, Bug.PLAIN_FAST_PATH);
        specimen("millis-timeout", MillisTimeoutWaitGroup.class, Bug.MILLISECOND_TIMEOUT);
        specimen("deadline-overflow", DeadlineOverflowWaitGroup.class, Bug.DEADLINE_OVERFLOW);
        specimen("lost-interrupt", LostInterruptWaitGroup.class, Bug.LOST_INTERRUPT);
        specimen("park-once", ParkOnceWaitGroup.class, Bug.STRAY_WAKE_UP);
        specimen("stray-permit", StrayPermitWaitGroup.class, Bug.GAVE_UP_WAITER_COUNTED);
        specimen("leaky-waiters", LeakyWaitersWaitGroup.class, Bug.WAITER_LEAK);
        specimen("go-add-zero", GoAddZeroWaitGroup.class, Bug.ADD_ZERO_RELEASES, ReuseBehaviour.DETECTS_AND_THROWS);
        specimen("stale-round", StaleRoundWaitGroup.class, Bug.STALE_ROUND, ReuseBehaviour.FINISHES_OLD_ROUND);
        specimen("reused-waiter-node", ReusedWaiterNodeWaitGroup.class, Bug.REUSED_WAITER_NODE);
        specimen("restarting-timeout", RestartingTimeoutWaitGroup.class, Bug.RESTARTING_TIMEOUT);
    }

    private Implementations() {
    }

    private static void implementation(String name, Class<? extends WaitGroup> type, ReuseBehaviour reuse,
                                       String summary) {
        REGISTRY.put(name, new Implementation(name, ImplementationKind.IMPLEMENTATION, type, summary, reuse, null, ""));
    }

    private static void specimen(String name, Class<? extends WaitGroup> type, Bug bug) {
        specimen(name, type, bug, ReuseBehaviour.UNKNOWN);
    }

    /** A specimen that is a broken copy of a class that promises a reuse behaviour inherits the promise. */
    private static void specimen(String name, Class<? extends WaitGroup> type, Bug bug, ReuseBehaviour promised) {
        REGISTRY.put(name, new Implementation(name, ImplementationKind.SPECIMEN, type, bug.title(), promised, bug, ""));
    }

    /** Every built-in entry: the implementations, then the specimens. */
    public static List<Implementation> all() {
        return List.copyOf(REGISTRY.values());
    }

    public static List<Implementation> ofKind(ImplementationKind kind) {
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

    /**
     * Resolves a selection.
     *
     * @param selection {@code all}, {@code implementations}, {@code specimens}, a registry name, a class
     *                  name, or a comma list of these
     * @param classpath extra jars or folders for class names, separated by the path separator or commas
     * @throws CannotStart naming the value that could not be resolved and what was expected
     */
    public static List<Implementation> select(String selection, String classpath) {
        String spec = selection == null ? "" : selection.trim();
        ClassLoader loader = classLoader(classpath);
        Map<String, Implementation> chosen = new LinkedHashMap<>();
        for (String token : spec.split(",")) {
            String name = token.trim();
            if (name.isEmpty()) {
                continue;
            }
            for (Implementation entry : resolve(name, loader, classpath)) {
                Implementation clash = chosen.putIfAbsent(entry.name(), entry);
                if (clash != null && !clash.equals(entry)) {
                    throw new CannotStart(IMPL_PROPERTY + ": " + clash.type().getName() + " and "
                            + entry.type().getName() + " would both be called '" + entry.name() + "' in the report;"
                            + " check them in separate runs");
                }
            }
        }
        if (chosen.isEmpty()) {
            throw new CannotStart(IMPL_PROPERTY + "='" + selection + "' selects nothing; " + expected());
        }
        return List.copyOf(chosen.values());
    }

    private static List<Implementation> resolve(String name, ClassLoader loader, String classpath) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "all":
                return all();
            case "implementations":
                return ofKind(ImplementationKind.IMPLEMENTATION);
            case "specimens":
                return ofKind(ImplementationKind.SPECIMEN);
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
        return List.of(pluggedIn(name, loader, classpath));
    }

    private static Implementation pluggedIn(String className, ClassLoader loader, String classpath) {
        Class<?> type;
        try {
            type = Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new CannotStart(IMPL_PROPERTY + ": class " + className + " was not found on the"
                    + " classpath or in " + CLASSPATH_PROPERTY + "='" + classpath + "'" + whatItHolds(classpath, loader)
                    + "; " + expected(), e);
        }
        for (Implementation entry : REGISTRY.values()) {
            if (entry.type() == type) {
                return entry;
            }
        }
        if (!WaitGroup.class.isAssignableFrom(type)) {
            throw new CannotStart(IMPL_PROPERTY + ": " + className + " does not implement "
                    + WaitGroup.class.getName() + "; expected a class that implements add, await(),"
                    + " await(long, TimeUnit) and count");
        }
        return new Implementation(type.getSimpleName(), ImplementationKind.PLUGGED_IN, type.asSubclass(WaitGroup.class),
                "plugged in: " + className, ReuseBehaviour.UNKNOWN, null, classpath);
    }

    /**
     * A loader for the plug-in jars whose parent is this class's loader, so that a plugged-in class
     * sees the same {@link WaitGroup}. The harness also puts those jars on every test JVM's own class
     * path (engines that instrument classes look them up there); the parent loader then finds them
     * first and this one stays empty.
     */
    private static synchronized ClassLoader classLoader(String classpath) {
        ClassLoader parent = Implementations.class.getClassLoader();
        if (classpath == null || classpath.isBlank()) {
            return parent;
        }
        return LOADERS.computeIfAbsent(classpath, key -> new URLClassLoader(urls(key), parent));
    }

    /** The jars and folders of a {@code wg.classpath} value, each checked to exist. */
    public static List<File> classpathEntries(String classpath) {
        List<File> files = new ArrayList<>();
        if (classpath == null || classpath.isBlank()) {
            return files;
        }
        for (String element : classpath.split("[" + File.pathSeparator + ",]")) {
            if (element.isBlank()) {
                continue;
            }
            File file = new File(element.trim()).getAbsoluteFile();
            if (!file.exists()) {
                throw new CannotStart(CLASSPATH_PROPERTY + ": " + file + " does not exist; expected"
                        + " jars or class folders separated by '" + File.pathSeparator + "' or ','");
            }
            files.add(file);
        }
        return files;
    }

    private static URL[] urls(String classpath) {
        List<URL> urls = new ArrayList<>();
        for (File file : classpathEntries(classpath)) {
            try {
                urls.add(file.toURI().toURL());
            } catch (MalformedURLException e) {
                throw new CannotStart(CLASSPATH_PROPERTY + ": cannot use " + file, e);
            }
        }
        return urls.toArray(new URL[0]);
    }

    /** What the jars and folders of {@code classpath} hold instead, for a class name that was not found there. */
    private static String whatItHolds(String classpath, ClassLoader loader) {
        if (classpath == null || classpath.isBlank()) {
            return "";
        }
        List<String> waitGroups = ClasspathWaitGroups.in(classpathEntries(classpath), loader);
        if (waitGroups.isEmpty()) {
            return " (" + CLASSPATH_PROPERTY + " holds no class that implements " + WaitGroup.class.getName() + ")";
        }
        int shown = Math.min(waitGroups.size(), 10);
        return " (" + CLASSPATH_PROPERTY + " holds " + (waitGroups.size() == 1 ? "this WaitGroup: " : "these WaitGroups: ")
                + String.join(", ", waitGroups.subList(0, shown))
                + (shown < waitGroups.size() ? " and " + (waitGroups.size() - shown) + " more" : "") + ")";
    }

    private static CannotStart unknown(String name) {
        return new CannotStart(IMPL_PROPERTY + ": unknown implementation '" + name + "'; " + expected());
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
    public static void main(String[] args) throws Exception {
        System.exit(ExitStatus.of("wg-lab", () -> {
            print(args);
            return ExitStatus.RAN;
        }));
    }

    private static void print(String[] args) {
        PrintStream out = System.out;
        String classpath = System.getProperty(CLASSPATH_PROPERTY, "");
        List<Implementation> entries = args.length > 0 ? select(String.join(",", args), classpath)
                : System.getProperty(IMPL_PROPERTY) != null ? select(System.getProperty(IMPL_PROPERTY), classpath)
                : all();
        out.printf("%-22s %-15s %-52s %s%n", "NAME", "KIND", "CLASS", "ON REUSE BEFORE WAIT RETURNED");
        for (Implementation entry : entries) {
            out.printf("%-22s %-15s %-52s %s%n", entry.name(), entry.kind().id(), entry.type().getName(),
                    entry.kind() == ImplementationKind.SPECIMEN ? "- (" + entry.bug().kind().name()
                            .toLowerCase(Locale.ROOT).replace('_', '-') + " bug)" : entry.documentedReuse().description());
            out.printf("%-22s %s%n", "", entry.summary());
        }
    }
}
