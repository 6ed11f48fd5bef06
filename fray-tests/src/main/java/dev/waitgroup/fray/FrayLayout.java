package dev.waitgroup.fray;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where the build put Fray's artifacts (maven-dependency-plugin, under {@code target/fray}), and the
 * class path of the child JVM that runs scenarios under Fray.
 *
 * <pre>
 * jlink/                      fray-instrumentation-jdk and its dependencies: jlink's agent and plugin
 * agent/fray-instrumentation-agent.jar   the agent that instruments application classes
 * jvmti/libjvmti.so           Fray's JVMTI library
 * child-classpath.txt         the module's run-time dependencies, joined by the path separator
 * image/                      the instrumented JDK, built on first use (see {@link FrayJdk})
 * </pre>
 *
 * @param root            the folder above
 * @param engineClasses   this module's classes (a folder or a jar), first on the child's class path
 * @param frayVersion     the Fray version the artifacts are of, part of the image's stamp
 */
public record FrayLayout(Path root, Path engineClasses, String frayVersion) {
    /** The system property naming {@link #root}. */
    public static final String LAYOUT_PROPERTY = "fray.layout";
    /** The version of Fray this module is built against. */
    public static final String DEFAULT_FRAY_VERSION = "0.9.2";

    public FrayLayout {
        root = root.toAbsolutePath().normalize();
        engineClasses = engineClasses.toAbsolutePath().normalize();
    }

    /**
     * The layout of this build: {@code fray.layout} (the build sets it for tests), else
     * {@code target/fray} beside this module's classes.
     */
    public static FrayLayout ofThisBuild() {
        Path classes = engineClassesLocation();
        String configured = System.getProperty(LAYOUT_PROPERTY, "");
        Path root = configured.isBlank() ? classes.getParent().resolve("fray") : Path.of(configured);
        return new FrayLayout(root, classes, System.getProperty("fray.version", DEFAULT_FRAY_VERSION));
    }

    private static Path engineClassesLocation() {
        try {
            return Path.of(FrayLayout.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("cannot tell where the fray-tests classes are", e);
        }
    }

    public Path jlinkJars() {
        return root.resolve("jlink");
    }

    public Path agentJar() {
        return root.resolve("agent").resolve("fray-instrumentation-agent.jar");
    }

    public Path jvmtiLibrary() {
        return root.resolve("jvmti").resolve("libjvmti.so");
    }

    public Path imageCache() {
        return root.resolve("image");
    }

    /** The jars jlink needs, sorted by name. */
    public List<Path> jlinkClasspath() throws IOException {
        try (Stream<Path> files = Files.list(jlinkJars())) {
            return files.filter(p -> p.toString().endsWith(".jar")).sorted().collect(Collectors.toList());
        }
    }

    /** The child JVM's class path: this module's classes, then its run-time dependencies. */
    public List<String> childClasspath() throws IOException {
        List<String> entries = new ArrayList<>();
        entries.add(engineClasses.toString());
        String dependencies = Files.readString(root.resolve("child-classpath.txt"), StandardCharsets.UTF_8).trim();
        for (String entry : dependencies.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(entry);
            }
        }
        return entries;
    }

    /**
     * What is missing for running Fray, one sentence, or empty if nothing is.
     * The build's {@code generate-resources} phase creates all of it.
     */
    public String missing() {
        List<String> absent = new ArrayList<>();
        if (!Files.isDirectory(jlinkJars())) {
            absent.add(jlinkJars().toString());
        }
        if (!Files.isRegularFile(agentJar())) {
            absent.add(agentJar().toString());
        }
        if (!Files.isRegularFile(jvmtiLibrary())) {
            absent.add(jvmtiLibrary().toString());
        }
        if (!Files.isRegularFile(root.resolve("child-classpath.txt"))) {
            absent.add(root.resolve("child-classpath.txt").toString());
        }
        return absent.isEmpty() ? "" : "Fray's artifacts are missing (run mvn generate-resources -pl fray-tests): "
                + String.join(", ", absent);
    }
}
