package dev.waitgroup.fray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A child process never outlives its bound, nor do the processes it started. */
class BoundedProcessTest {
    @TempDir
    Path temp;

    @Test
    void aProcessThatEndsInTimeGivesItsStatusAndOutput() throws Exception {
        BoundedProcess.Ended ended = BoundedProcess.run(List.of("sh", "-c", "echo hello; exit 3"), temp,
                temp.resolve("log.txt"), Duration.ofSeconds(30));
        assertNull(ended.stoppedBecause());
        assertEquals(3, ended.exitCode());
        assertEquals("hello", ended.tail(1));
    }

    @Test
    void aHangingProcessTreeIsKilledAtTheBound() throws Exception {
        Set<Long> descendants = new HashSet<>();
        BoundedProcess.Ended ended = BoundedProcess.run(List.of("sh", "-c", "sleep 60 & sleep 60"), temp,
                temp.resolve("log.txt"), Duration.ofSeconds(2), process -> {
                    process.descendants().forEach(p -> descendants.add(p.pid()));
                    return Optional.empty();
                }, null);
        assertTrue(ended.timedOut());
        assertEquals("it did not finish within 2 s", ended.stoppedBecause());
        assertTrue(ended.wall().compareTo(Duration.ofSeconds(20)) < 0, "returned soon after the bound");
        assertFalse(descendants.isEmpty(), "the shell started its sleeps");
        for (long pid : descendants) {
            assertFalse(running(pid), "descendant " + pid + " was killed too");
        }
    }

    /** Alive and not a zombie (a killed orphan waits to be reaped by init, which may take a moment). */
    private static boolean running(long pid) throws Exception {
        for (int i = 0; i < 50; i++) {
            Path stat = Path.of("/proc", Long.toString(pid), "stat");
            if (!Files.exists(stat)) {
                return false;
            }
            String text = Files.readString(stat);
            if (text.substring(text.lastIndexOf(')') + 2).startsWith("Z")) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    @Test
    void theWatchCanStopAProcessEarlyWithItsReason() throws Exception {
        BoundedProcess.Ended ended = BoundedProcess.run(List.of("sleep", "60"), temp, temp.resolve("log.txt"),
                Duration.ofMinutes(1), process -> Optional.of("no progress"), null);
        assertEquals("no progress", ended.stoppedBecause());
        assertTrue(Files.exists(ended.log()));
    }
}
