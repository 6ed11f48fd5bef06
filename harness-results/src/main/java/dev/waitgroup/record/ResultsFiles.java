package dev.waitgroup.record;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes and reads results files; the format is documented in docs/results-format.md. */
public final class ResultsFiles {
    public static final int FORMAT_VERSION = 1;
    /** The folder, under a module's {@code target/}, where a suite writes its results file. */
    public static final String FOLDER = "wg-results";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ResultsFiles() {
    }

    /** Writes atomically (a temporary file, then a move), so a reader never sees half a file. */
    public static void write(SuiteResults results, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            MAPPER.writeValue(temporary.toFile(), results);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write results to " + file, e);
        }
    }

    public static SuiteResults read(Path file) {
        try {
            SuiteResults results = MAPPER.readValue(file.toFile(), SuiteResults.class);
            if (results.formatVersion() != FORMAT_VERSION) {
                throw new IllegalArgumentException(file + " has results format " + results.formatVersion()
                        + "; this reader understands format " + FORMAT_VERSION);
            }
            return results;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read results from " + file, e);
        }
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
