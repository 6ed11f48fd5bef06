package dev.waitgroup.fray;

import dev.waitgroup.harness.ChildJvm;
import dev.waitgroup.record.Folders;
import dev.waitgroup.settings.Property;
import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds a JDK 25 and builds, once, the Fray-instrumented JDK image that scenarios run on.
 *
 * <p><b>Finding.</b> Fray 0.9.2 accepts only a JDK 25 ({@code java -version} must print {@code "25}).
 * {@link #find()} takes the JDK the system property {@value #JDK_PROPERTY} names, and no other
 * ({@code none} looks nowhere); unset, it looks, in this order, at the JDK 25
 * entries of {@code ~/.m2/toolchains.xml}, the running JVM, {@code JAVA_HOME}, and
 * {@code /usr/lib/jvm/*25*}; a candidate counts if its {@code bin/java -version} says 25 and it has
 * {@code bin/jlink} and a run-time image ({@code lib/modules}).
 *
 * <p><b>Building.</b> Fray's Maven plugin expects {@code <jdk>/jmods}, which JDKs built with JEP 493
 * (the Temurin 25 here) do not have. So {@link #build} runs jlink on the JDK's run-time image itself,
 * with Fray's jlink agent ({@code -J-javaagent:fray-instrumentation-jdk.jar}) and plugin
 * ({@code --fray-instrumentation}), linking every module but {@code jdk.jlink} and
 * {@code jdk.jpackage} (a run-time image cannot link those). About 25 s and 1.9 GB on 2 cores.
 *
 * <p><b>Caching.</b> Invariant: {@code image/fray-java} is used only if {@code image/fray-java.stamp}
 * matches the Fray version, the JDK (its path and a digest of its {@code release} file) and the jlink
 * jars. The image is linked into {@code fray-java.partial}, moved into place, and only then stamped, so
 * a build killed at any point leaves no stamp and its remains are deleted by the next build. A file
 * lock keeps two builds of one cache apart.
 */
public final class FrayJdk {
    /** The system property naming a JDK 25 home, or {@value #NONE} to run no Fray. */
    public static final String JDK_PROPERTY = Property.FRAY_JDK.key();
    /** The value of {@value #JDK_PROPERTY} that switches Fray off: every verdict is then not-run. */
    public static final String NONE = "none";
    /** How long jlink may take before it is killed. */
    public static final Duration JLINK_BOUND = Duration.ofMinutes(5);
    private static final Duration VERSION_BOUND = Duration.ofSeconds(30);
    private static final Pattern VERSION = Pattern.compile("version \"(\\d+)");
    private static final Pattern TOOLCHAIN_JDK = Pattern.compile(
            "<toolchain>.*?<version>\\s*(?:\\[)?25[^<]*</version>.*?<jdkHome>\\s*([^<]+?)\\s*</jdkHome>.*?</toolchain>",
            Pattern.DOTALL);
    private static final String IMAGE = "fray-java";

    private FrayJdk() {
    }

    /** Looks for a JDK 25 in the usual places (see the class comment). Never throws. */
    public static JdkLookup find() {
        List<String> looked = new ArrayList<>();
        Set<Path> candidates = new LinkedHashSet<>();
        String property = System.getProperty(JDK_PROPERTY, "").trim();
        if (property.equals(NONE)) {
            return new JdkLookup(Optional.empty(), List.of("nowhere (-D" + JDK_PROPERTY + "=" + NONE + ")"));
        }
        if (!property.isEmpty()) {
            // named: that one, or none (the settings refused a folder that is no JDK 25 before the run began)
            Path named = Path.of(property);
            String problem = problemWith(named);
            return problem == null ? new JdkLookup(Optional.of(named.toAbsolutePath().normalize()), looked)
                    : new JdkLookup(Optional.empty(), List.of("-D" + JDK_PROPERTY + "=" + property + " (" + problem + ")"));
        }
        looked.add("-D" + JDK_PROPERTY + " (unset)");
        Path toolchains = Path.of(System.getProperty("user.home"), ".m2", "toolchains.xml");
        List<Path> fromToolchains = toolchainJdks(toolchains);
        if (fromToolchains.isEmpty()) {
            looked.add(toolchains + " (no JDK 25 toolchain)");
        }
        candidates.addAll(fromToolchains);
        candidates.add(Path.of(System.getProperty("java.home")));
        String javaHome = System.getenv("JAVA_HOME");
        if (javaHome != null && !javaHome.isBlank()) {
            candidates.add(Path.of(javaHome));
        }
        candidates.addAll(matching(Path.of("/usr/lib/jvm"), "*25*", looked));
        for (Path candidate : candidates) {
            String problem = problemWith(candidate);
            if (problem == null) {
                return new JdkLookup(Optional.of(candidate.toAbsolutePath().normalize()), looked);
            }
            looked.add(candidate + " (" + problem + ")");
        }
        return new JdkLookup(Optional.empty(), looked);
    }

    /** The JDK homes of {@code toolchains.xml}'s jdk toolchains whose version starts with 25. */
    static List<Path> toolchainJdks(Path toolchains) {
        if (!Files.isRegularFile(toolchains)) {
            return List.of();
        }
        try {
            String xml = Files.readString(toolchains, StandardCharsets.UTF_8);
            List<Path> homes = new ArrayList<>();
            Matcher m = TOOLCHAIN_JDK.matcher(xml);
            while (m.find()) {
                homes.add(Path.of(m.group(1)));
            }
            return homes;
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static List<Path> matching(Path folder, String glob, List<String> looked) {
        if (!Files.isDirectory(folder)) {
            looked.add(folder.resolve(glob) + " (no such folder)");
            return List.of();
        }
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, glob)) {
            entries.forEach(found::add);
        } catch (IOException e) {
            looked.add(folder.resolve(glob) + " (" + e.getMessage() + ")");
            return List.of();
        }
        if (found.isEmpty()) {
            looked.add(folder.resolve(glob) + " (none)");
        }
        found.sort(Comparator.naturalOrder());
        return found;
    }

    /** Null if {@code home} is a JDK 25 that jlink can link from, else what is wrong with it (a few words). */
    static String problemWith(Path home) {
        Path java = home.resolve("bin").resolve("java");
        if (!Files.isExecutable(java)) {
            return "no bin/java";
        }
        String major = majorVersion(java);
        if (!"25".equals(major)) {
            return major == null ? "java -version failed" : "java -version says " + major;
        }
        if (!Files.isExecutable(home.resolve("bin").resolve("jlink"))) {
            return "a JDK 25 without bin/jlink";
        }
        if (!Files.isRegularFile(home.resolve("lib").resolve("modules"))) {
            return "a JDK 25 without a run-time image (lib/modules)";
        }
        return null;
    }

    /** The major version {@code java -version} prints ({@code "25"}), or null if it did not run. */
    static String majorVersion(Path java) {
        try {
            Path log = Files.createTempFile("java-version", ".txt");
            try {
                ChildJvm.Outcome ended = ChildJvm.run(ChildJvm.Spec.tool(java, List.of("-version"),
                        Path.of(System.getProperty("java.io.tmpdir")), log),
                        ChildJvm.Watch.after(VERSION_BOUND, "java -version did not answer"));
                if (ended.killed() || ended.exitCode() != 0) {
                    return null;
                }
                Matcher m = VERSION.matcher(Files.readString(log, StandardCharsets.UTF_8));
                return m.find() ? m.group(1) : null;
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * The instrumented image for {@code jdk}: the cached one if its stamp matches, else built now.
     *
     * @param jdk    a JDK 25 home, as {@link #find()} returns it
     * @param layout where Fray's artifacts are and where the image is cached
     * @param bound  how long jlink may run; it is killed, with its children, after that
     * @throws FrayJdkException if the artifacts are missing, or jlink failed, timed out or produced no
     *         usable image (the message ends with the tail of jlink's output)
     */
    public static FrayImage build(Path jdk, FrayLayout layout, Duration bound)
            throws FrayJdkException, InterruptedException {
        long start = System.nanoTime();
        String missing = layout.missing();
        if (!missing.isEmpty()) {
            throw new FrayJdkException(missing);
        }
        Path cache = layout.imageCache();
        Path image = cache.resolve(IMAGE);
        Path stampFile = cache.resolve(IMAGE + ".stamp");
        try {
            Files.createDirectories(cache);
            String stamp = stamp(jdk, layout);
            try (FileChannel channel = new RandomAccessFile(cache.resolve(".lock").toFile(), "rw").getChannel();
                 FileLock lock = channel.lock()) {
                if (isCurrent(image, stampFile, stamp)) {
                    return new FrayImage(image, jdk, false, Duration.ofNanos(System.nanoTime() - start));
                }
                Files.deleteIfExists(stampFile);
                Folders.delete(image);
                Path partial = cache.resolve(IMAGE + ".partial");
                Folders.delete(partial);
                link(jdk, layout, partial, cache.resolve("jlink.log"), bound);
                Files.move(partial, image, StandardCopyOption.ATOMIC_MOVE);
                Path stampPartial = cache.resolve(IMAGE + ".stamp.partial");
                Files.writeString(stampPartial, stamp, StandardCharsets.UTF_8);
                Files.move(stampPartial, stampFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                return new FrayImage(image, jdk, true, Duration.ofNanos(System.nanoTime() - start));
            }
        } catch (IOException e) {
            throw new FrayJdkException("cannot build the Fray JDK image in " + cache + ": " + e, e);
        }
    }

    /** True if {@code image} is complete and was built from what {@code stamp} describes. */
    static boolean isCurrent(Path image, Path stampFile, String stamp) throws IOException {
        return Files.isRegularFile(stampFile)
                && Files.readString(stampFile, StandardCharsets.UTF_8).equals(stamp)
                && Files.isExecutable(image.resolve("bin").resolve("java"))
                && isFrayImage(image);
    }

    /** True if the image's {@code release} file says it was linked by Fray's plugin. */
    static boolean isFrayImage(Path image) {
        try {
            return Files.readString(image.resolve("release"), StandardCharsets.UTF_8).contains("IMPLEMENTOR=Fray");
        } catch (IOException e) {
            return false;
        }
    }

    /** What an image depends on: the Fray version, the JDK and its release file, the jlink jars. */
    static String stamp(Path jdk, FrayLayout layout) throws IOException {
        StringBuilder text = new StringBuilder();
        text.append("fray=").append(layout.frayVersion()).append('\n');
        text.append("jdk=").append(jdk.toRealPath()).append('\n');
        text.append("jdk.release.sha256=").append(sha256(jdk.resolve("release"))).append('\n');
        for (Path jar : layout.jlinkClasspath()) {
            text.append("jar=").append(jar.getFileName()).append(' ').append(Files.size(jar)).append('\n');
        }
        return text.toString();
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always there", e);
        }
    }

    /** The jlink command line that links {@code output} from {@code jdk}'s run-time image. */
    static List<String> jlinkCommand(Path jdk, FrayLayout layout, List<String> modules, Path output) throws IOException {
        List<Path> jars = layout.jlinkClasspath();
        Path pluginJar = jars.stream().filter(j -> j.getFileName().toString().startsWith("fray-instrumentation-jdk"))
                .findFirst().orElseThrow(() -> new IOException("no fray-instrumentation-jdk jar in " + layout.jlinkJars()));
        String classpath = jars.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
        return List.of(jdk.resolve("bin").resolve("jlink").toString(),
                "-J-javaagent:" + pluginJar,
                "-J--module-path=" + classpath,
                "-J--add-modules=org.pastalab.fray.instrumentation.jdk",
                "-J--class-path=" + classpath,
                "--output=" + output,
                "--add-modules=" + String.join(",", modules),
                "--release-info", "add:IMPLEMENTOR=Fray",
                "--fray-instrumentation");
    }

    private static void link(Path jdk, FrayLayout layout, Path output, Path log, Duration bound)
            throws IOException, InterruptedException, FrayJdkException {
        List<String> modules = linkableModules(jdk);
        List<String> command = jlinkCommand(jdk, layout, modules, output);
        ChildJvm.Outcome ended = ChildJvm.run(ChildJvm.Spec.tool(Path.of(command.get(0)),
                command.subList(1, command.size()), layout.imageCache(), log),
                ChildJvm.Watch.after(bound, "jlink did not finish within " + bound.toSeconds() + " s"));
        if (ended.killed()) {
            throw new FrayJdkException(ended.killedBecause() + " and was killed; its output ends with:\n"
                    + ended.tail(20));
        }
        if (ended.exitCode() != 0 || !Files.isExecutable(output.resolve("bin").resolve("java")) || !isFrayImage(output)) {
            throw new FrayJdkException("jlink failed (exit status " + ended.exitCode() + ", full output in " + log
                    + "); its output ends with:\n" + ended.tail(20));
        }
    }

    /** Every module of the JDK's run-time image but those a run-time image cannot link. */
    static List<String> linkableModules(Path jdk) throws IOException, InterruptedException, FrayJdkException {
        Path log = Files.createTempFile("list-modules", ".txt");
        try {
            ChildJvm.Outcome ended = ChildJvm.run(ChildJvm.Spec.tool(jdk.resolve("bin").resolve("java"),
                    List.of("--list-modules"), Path.of(System.getProperty("java.io.tmpdir")), log),
                    ChildJvm.Watch.after(VERSION_BOUND, "java --list-modules did not answer"));
            if (ended.killed() || ended.exitCode() != 0) {
                throw new FrayJdkException("java --list-modules failed on " + jdk + ":\n" + ended.tail(10));
            }
            try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
                return lines.map(line -> line.split("@", 2)[0].trim())
                        .filter(name -> !name.isEmpty() && !name.equals("jdk.jlink") && !name.equals("jdk.jpackage"))
                        .collect(Collectors.toList());
            }
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
