package dev.waitgroup.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExamplesTest {
    private static final Duration BOUND = Duration.ofSeconds(10);

    @Test
    void parallelFileProcessingCountsEveryFileOnce(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("a/b"));
        Files.writeString(root.resolve("one.txt"), "one two three\nfour\n");
        Files.writeString(root.resolve("a/two.txt"), "five six\n\nseven\n");
        Files.writeString(root.resolve("a/b/three.txt"), "eight");
        Files.writeString(root.resolve("a/skip.md"), "not counted");
        for (int i = 0; i < 50; i++) {
            Files.writeString(root.resolve("a/b/many-" + i + ".txt"), "x y\n");
        }
        Map<Path, ParallelFileProcessing.Count> counts = assertTimeoutPreemptively(BOUND,
                () -> ParallelFileProcessing.count(root, ".txt", 4));
        assertEquals(53, counts.size(), "every .txt file, and nothing else");
        ParallelFileProcessing.Count total = ParallelFileProcessing.total(counts);
        assertEquals(2 + 3 + 1 + 50, total.lines());
        assertEquals(4 + 3 + 1 + 100, total.words());
    }

    @Test
    void gracefulShutdownWaitsForRequestsInFlightAndRefusesNewOnes() throws InterruptedException {
        GracefulShutdown.Server server = new GracefulShutdown.Server(Duration.ofMillis(30));
        for (int request = 0; request < 10; request++) {
            assertTrue(server.handle(request));
        }
        assertTrue(server.shutdown(BOUND), "every request in flight finished within the grace period");
        assertEquals(10, server.completed());
        assertFalse(server.handle(11), "closed: new requests are refused");
    }

    @Test
    void gracefulShutdownGivesUpAfterItsGracePeriod() throws InterruptedException {
        GracefulShutdown.Server server = new GracefulShutdown.Server(Duration.ofSeconds(30));
        server.handle(1);
        long start = System.nanoTime();
        assertFalse(server.shutdown(Duration.ofMillis(50)), "a request that outlives the grace period");
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(BOUND) < 0, "bounded, not hung");
        assertEquals(0, server.completed());
    }

    @Test
    void failFastCancelsTheOtherDownloads() {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Map<String, FailFast.Fate> fates = assertTimeoutPreemptively(BOUND, () -> FailFast.download(
                List.of("a", "b", "c"), "b", Duration.ofMillis(20), Duration.ofSeconds(30),
                new PrintStream(output, true, StandardCharsets.UTF_8)));
        assertEquals(FailFast.Fate.FAILED, fates.get("b"));
        for (String other : List.of("a", "c")) {
            // cancelled while it ran, or, on a busy machine, before its task started: never completed
            assertTrue(Set.of(FailFast.Fate.CANCELLED, FailFast.Fate.NOT_STARTED).contains(fates.get(other)),
                    "the failure cancelled the 30-second download of " + other + " at once: " + fates);
        }
        assertTrue(output.toString(StandardCharsets.UTF_8).contains("failed fast: download of b failed"));
    }
}
