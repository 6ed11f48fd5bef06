package dev.waitgroup.fray;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A Fray-instrumented JDK image: a JDK 25 linked by jlink with Fray's plugin, which rewrote every JDK
 * class so that threads, locks, parking, waiting and time go through Fray's scheduler.
 *
 * @param home  the image ({@code bin/java}, {@code release} with {@code IMPLEMENTOR=Fray})
 * @param jdk   the JDK it was linked from
 * @param built true if this call built it, false if a cached image was reused
 * @param took  how long finding or building it took
 */
public record FrayImage(Path home, Path jdk, boolean built, Duration took) {
    /** The image's {@code java} launcher. */
    public Path java() {
        return home.resolve("bin").resolve("java");
    }
}
