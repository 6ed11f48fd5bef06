package dev.waitgroup.harness;

import dev.waitgroup.WaitGroup;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The WaitGroup classes that the jars and folders of a {@code wg.classpath} hold: what a user who
 * misspelt a class name (or its package) meant, named in the message that refuses the name.
 *
 * <p>A class counts if it is concrete and implements {@link WaitGroup}; it is looked up without being
 * initialized, so no static initializer of the user's code runs. Classes that cannot be linked are
 * passed over. At most {@value #SCAN_BOUND} class files are looked at, so a huge jar costs little.
 */
final class ClasspathWaitGroups {
    /** How many class files are looked at, at most. */
    static final int SCAN_BOUND = 5_000;

    private ClasspathWaitGroups() {
    }

    /** The binary names of the concrete WaitGroups in {@code entries}, sorted; empty if there are none. */
    static List<String> in(List<File> entries, ClassLoader loader) {
        List<String> candidates = new ArrayList<>();
        for (File entry : entries) {
            candidates.addAll(entry.isDirectory() ? inFolder(entry.toPath()) : inJar(entry));
        }
        TreeSet<String> found = new TreeSet<>();
        for (String name : candidates.subList(0, Math.min(candidates.size(), SCAN_BOUND))) {
            if (isConcreteWaitGroup(name, loader)) {
                found.add(name);
            }
        }
        return List.copyOf(found);
    }

    private static boolean isConcreteWaitGroup(String name, ClassLoader loader) {
        try {
            Class<?> type = Class.forName(name, false, loader);
            return WaitGroup.class.isAssignableFrom(type) && !type.isInterface()
                    && !Modifier.isAbstract(type.getModifiers());
        } catch (ClassNotFoundException | LinkageError e) {
            return false; // not loadable as it stands: not what the user meant to run
        }
    }

    private static List<String> inJar(File jar) {
        List<String> names = new ArrayList<>();
        try (JarFile file = new JarFile(jar)) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements() && names.size() < SCAN_BOUND) {
                className(entries.nextElement().getName()).ifPresent(names::add);
            }
        } catch (IOException e) {
            return names; // not a jar: the class lookup has already said it was not found there
        }
        return names;
    }

    private static List<String> inFolder(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).limit(SCAN_BOUND * 4L)
                    .map(file -> className(folder.relativize(file).toString().replace(File.separatorChar, '/')))
                    .flatMap(Optional::stream).limit(SCAN_BOUND).toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }

    /** {@code com/acme/My$Inner.class} as {@code com.acme.My$Inner}; nothing for resources and module-info. */
    private static Optional<String> className(String path) {
        if (!path.endsWith(".class") || path.endsWith("module-info.class") || path.endsWith("package-info.class")
                || path.startsWith("META-INF/")) {
            return Optional.empty();
        }
        return Optional.of(path.substring(0, path.length() - ".class".length()).replace('/', '.'));
    }
}
