package dev.waitgroup.acceptance;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The WaitGroups of this module's {@code plugins/} resources, compiled and packed into a jar the way a
 * user does it ({@code javac --release 17 -cp wg-impl.jar}, {@code jar cf}): what {@code wg.classpath}
 * names. Built once per JVM.
 */
final class PlugIns {
    private static Path jar;

    private PlugIns() {
    }

    static synchronized Path jar() {
        if (jar == null) {
            jar = build();
        }
        return jar;
    }

    private static Path build() {
        try {
            Path work = Files.createTempDirectory(Files.createDirectories(Harness.TARGET), "wg-plugins-");
            Path sources = Path.of(PlugIns.class.getResource("/plugins").toURI());
            List<String> arguments = new ArrayList<>(List.of("--release", "17", "-cp",
                    System.getProperty("java.class.path"), "-d", work.resolve("classes").toString()));
            try (Stream<Path> files = Files.walk(sources)) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(f -> arguments.add(f.toString()));
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            if (javac.run(null, null, null, arguments.toArray(new String[0])) != 0) {
                throw new IllegalStateException("the plug-ins do not compile");
            }
            Path jarFile = work.resolve("acme-waitgroups.jar");
            Path classes = work.resolve("classes");
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jarFile));
                 Stream<Path> files = Files.walk(classes)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace(File.separatorChar, '/')));
                    try (InputStream in = Files.newInputStream(file)) {
                        in.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
            return jarFile;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
