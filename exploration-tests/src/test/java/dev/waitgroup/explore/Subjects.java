package dev.waitgroup.explore;

import dev.waitgroup.WaitGroup;
import dev.waitgroup.catalogue.ReuseBehaviour;
import dev.waitgroup.harness.Implementation;
import dev.waitgroup.harness.Implementations;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The groups the tests explore: the registry's implementations and specimens with the reuse behaviour
 * the registry declares for them, and the harness tests' plugged-in classes, compiled here from their
 * sources (read-only) as a user's jar would be.
 */
final class Subjects {
    private static final Path PLUGINS = Path.of("..", "acceptance", "src", "test", "resources", "plugins");
    private static ClassLoader pluginLoader;

    private Subjects() {
    }

    /** A registry entry: its factory and its documented reuse behaviour. */
    static Subject registered(String name) {
        Implementation entry = Implementations.named(name);
        return new Subject(entry.name(), entry::create, entry.documentedReuse());
    }

    /** A plugged-in class from the harness tests' sources; it documents nothing, so its reuse behaviour is unknown. */
    static Subject plugIn(String simpleName) {
        try {
            Class<? extends WaitGroup> type = Class.forName("com.acme." + simpleName, true, plugins())
                    .asSubclass(WaitGroup.class);
            return new Subject(simpleName, () -> {
                try {
                    return type.getConstructor().newInstance();
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }, ReuseBehaviour.UNKNOWN);
        } catch (ClassNotFoundException | IOException e) {
            throw new IllegalStateException("cannot load plug-in " + simpleName, e);
        }
    }

    private static synchronized ClassLoader plugins() throws IOException {
        if (pluginLoader == null) {
            Path out = Files.createDirectories(Path.of("target", "plugin-classes"));
            List<String> args = new ArrayList<>(List.of("--release", "17", "-nowarn", "-proc:none", "-d", out.toString(),
                    "-cp", System.getProperty("java.class.path")));
            try (Stream<Path> sources = Files.list(PLUGINS.resolve("com").resolve("acme"))) {
                sources.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            if (javac.run(null, null, null, args.toArray(new String[0])) != 0) {
                throw new IOException("the plug-ins did not compile: " + args);
            }
            pluginLoader = new URLClassLoader(new URL[] {out.toUri().toURL()}, Subjects.class.getClassLoader());
        }
        return pluginLoader;
    }

    record Subject(String name, Supplier<? extends WaitGroup> factory, ReuseBehaviour reuse) {
        ExplorationOutcome explore(Budget budget, long seed) {
            return Exploration.explore(factory, reuse, budget, seed);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static File pluginSources() {
        return PLUGINS.toFile();
    }
}
