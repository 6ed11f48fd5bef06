package dev.waitgroup.fray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a JDK 25 is recognised, and when a cached image may be reused. */
class FrayJdkTest {
    @TempDir
    Path temp;

    /** A fake JDK home whose {@code bin/java -version} prints {@code version}. */
    private Path fakeJdk(String name, String version, boolean withJlink, boolean withModules) throws IOException {
        Path home = temp.resolve(name);
        Path bin = Files.createDirectories(home.resolve("bin"));
        script(bin.resolve("java"), "echo 'openjdk version \"" + version + "\" 2026-01-01' >&2");
        if (withJlink) {
            script(bin.resolve("jlink"), "exit 0");
        }
        if (withModules) {
            Files.createDirectories(home.resolve("lib"));
            Files.writeString(home.resolve("lib").resolve("modules"), "");
        }
        return home;
    }

    private static void script(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/sh\n" + body + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void aJdk25WithJlinkAndARunTimeImageIsAccepted() throws IOException {
        assertNull(FrayJdk.problemWith(fakeJdk("jdk-25", "25.0.3", true, true)));
    }

    @Test
    void anyOtherJdkIsRefusedWithTheReason() throws IOException {
        assertEquals("java -version says 17", FrayJdk.problemWith(fakeJdk("jdk-17", "17.0.15", true, true)));
        assertEquals("a JDK 25 without bin/jlink", FrayJdk.problemWith(fakeJdk("jre-25", "25", false, true)));
        assertEquals("a JDK 25 without a run-time image (lib/modules)",
                FrayJdk.problemWith(fakeJdk("odd-25", "25", true, false)));
        assertEquals("no bin/java", FrayJdk.problemWith(temp.resolve("nothing-here")));
    }

    @Test
    void withoutAJdk25TheReasonIsOneSentenceNamingEveryPlace() {
        JdkLookup lookup = new JdkLookup(Optional.empty(),
                List.of("-Dfray.jdk (unset)", "/usr/lib/jvm/java-17 (java -version says 17)"));
        assertEquals("not run: no JDK 25 found; looked in -Dfray.jdk (unset), "
                + "/usr/lib/jvm/java-17 (java -version says 17)", lookup.describe());
    }

    @Test
    void toolchainsNameTheirJdk25() throws IOException {
        Path toolchains = temp.resolve("toolchains.xml");
        Files.writeString(toolchains, "<toolchains>"
                + "<toolchain><type>jdk</type><provides><version>17</version></provides>"
                + "<configuration><jdkHome>/opt/jdk-17</jdkHome></configuration></toolchain>"
                + "<toolchain><type>jdk</type><provides><version>25</version></provides>"
                + "<configuration><jdkHome> /opt/jdk-25 </jdkHome></configuration></toolchain>"
                + "</toolchains>");
        assertEquals(List.of(Path.of("/opt/jdk-25")), FrayJdk.toolchainJdks(toolchains));
        assertEquals(List.of(), FrayJdk.toolchainJdks(temp.resolve("absent.xml")));
    }

    @Test
    void anImageIsReusedOnlyWhenStampedAndLinkedByFray() throws IOException {
        Path image = temp.resolve("fray-java");
        Path stamp = temp.resolve("fray-java.stamp");
        script(Files.createDirectories(image.resolve("bin")).resolve("java"), "exit 0");
        Files.writeString(image.resolve("release"), "JAVA_VERSION=\"25\"\nIMPLEMENTOR=Fray\n");

        assertFalse(FrayJdk.isCurrent(image, stamp, "fray=0.9.2\n"), "a killed build leaves no stamp");
        Files.writeString(stamp, "fray=0.9.1\n");
        assertFalse(FrayJdk.isCurrent(image, stamp, "fray=0.9.2\n"), "another Fray version");
        Files.writeString(stamp, "fray=0.9.2\n");
        assertTrue(FrayJdk.isCurrent(image, stamp, "fray=0.9.2\n"));
        Files.writeString(image.resolve("release"), "JAVA_VERSION=\"25\"\n");
        assertFalse(FrayJdk.isCurrent(image, stamp, "fray=0.9.2\n"), "not linked with Fray's plugin");
    }

    @Test
    void jlinkLinksTheRunTimeImageWithFraysAgentAndPlugin() throws IOException {
        Path root = temp.resolve("fray");
        Path jars = Files.createDirectories(root.resolve("jlink"));
        Files.writeString(jars.resolve("fray-instrumentation-jdk-0.9.2.jar"), "");
        Files.writeString(jars.resolve("asm-9.9.jar"), "");
        FrayLayout layout = new FrayLayout(root, temp.resolve("classes"), "0.9.2");
        List<String> command = FrayJdk.jlinkCommand(Path.of("/jdk"), layout, List.of("java.base", "java.se"),
                temp.resolve("out"));
        String classpath = jars.resolve("asm-9.9.jar") + ":" + jars.resolve("fray-instrumentation-jdk-0.9.2.jar");
        assertEquals(List.of("/jdk/bin/jlink",
                "-J-javaagent:" + jars.resolve("fray-instrumentation-jdk-0.9.2.jar"),
                "-J--module-path=" + classpath,
                "-J--add-modules=org.pastalab.fray.instrumentation.jdk",
                "-J--class-path=" + classpath,
                "--output=" + temp.resolve("out"),
                "--add-modules=java.base,java.se",
                "--release-info", "add:IMPLEMENTOR=Fray",
                "--fray-instrumentation"), command);
    }
}
