package dev.waitgroup.fray;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The file through which the child JVM tells the engine how one scenario ran:
 * {@code <out>/<scenario>/result.properties}. Keys: {@code status} ({@code passed}, {@code failed} or
 * {@code error}), {@code iterations} (run to the end), {@code failedAt} (0-based iteration),
 * {@code failure} (the exception, one line), {@code millis}, {@code scheduler}, {@code seed}. A failure's
 * stack trace and Fray's log are in {@code failure.txt} beside it, its schedule in {@code recording/}.
 */
final class ResultFile {
    static final String NAME = "result.properties";

    private ResultFile() {
    }

    static void write(Path folder, Properties values) throws IOException {
        Files.createDirectories(folder);
        Path partial = folder.resolve(NAME + ".partial");
        try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            values.store(out, "Fray scenario result");
        }
        Files.move(partial, folder.resolve(NAME), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** The result in {@code folder}, or null if the child wrote none (it crashed or was killed first). */
    static Properties read(Path folder) throws IOException {
        Path file = folder.resolve(NAME);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Properties values = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            values.load(in);
        }
        return values;
    }
}
