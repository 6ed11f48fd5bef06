package dev.waitgroup.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a child JVM's command line is, and that the watchdog ends it. */
class ChildJvmTest {
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    @TempDir
    Path folder;

    @Test
    void aJvmRunsOnThisJavaUnlessItNamesAnother() {
        ChildJvm.Spec here = new ChildJvm.Spec(List.of("-Xmx64m"), List.of("a.jar", "b"), "x.Main", List.of("--go"),
                folder, folder.resolve("log"));
        assertEquals(List.of(JAVA.toString(), "-Xmx64m", "-cp", "a.jar" + java.io.File.pathSeparator + "b", "x.Main",
                "--go"), here.command());
        ChildJvm.Spec fray = new ChildJvm.Spec(Path.of("/fray-java/bin/java"), List.of("-javaagent:agent.jar"),
                List.of("c.jar"), "x.Child", List.of(), folder, folder.resolve("log"));
        assertEquals("/fray-java/bin/java", fray.command().get(0));
    }

    @Test
    void aToolHasNeitherClassPathNorMainClass() throws Exception {
        ChildJvm.Spec version = ChildJvm.Spec.tool(JAVA, List.of("-version"), folder, folder.resolve("version.log"));
        assertEquals(List.of(JAVA.toString(), "-version"), version.command());
        ChildJvm.Outcome ended = ChildJvm.run(version, ChildJvm.Watch.after(Duration.ofSeconds(60), "too slow"));
        assertEquals(0, ended.exitCode());
        assertTrue(Files.readString(ended.log()).contains("version"), ended.tail(5));
    }

    @Test
    void theWatchStopsItAndTheTreeIsKilled() throws Exception {
        ChildJvm.Spec sleeper = ChildJvm.Spec.tool(JAVA, List.of("-cp", System.getProperty("java.class.path"),
                Sleeper.class.getName()), folder, folder.resolve("sleeper.log"));
        ChildJvm.Watch never = elapsed -> java.util.Optional.empty();
        ChildJvm.Outcome ended = ChildJvm.run(sleeper, never.or(ChildJvm.Watch.after(Duration.ofSeconds(2), "bound")));
        assertTrue(ended.killed());
        assertEquals("bound", ended.killedBecause());
        assertFalse(ProcessHandle.current().children().anyMatch(p -> p.info().commandLine().orElse("")
                .contains(Sleeper.class.getName())), "nothing left running");
    }

    /** Sleeps a minute: a JVM that must be stopped from outside. */
    public static final class Sleeper {
        public static void main(String[] args) throws InterruptedException {
            Thread.sleep(60_000);
        }
    }
}
