package dev.waitgroup.record;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.ToIntFunction;

/** Writes and reads results files; the format is documented in docs/results-format.md. */
public final class ResultsFiles {
    public static final int FORMAT_VERSION = 2;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ResultsFiles() {
    }

    /** The file a suite writes in a results folder. */
    public static Path of(Path folder, dev.waitgroup.catalogue.Suite suite) {
        return folder.resolve(suite.id() + ".json");
    }

    /** Writes atomically (a temporary file, then a move), so a reader never sees half a file. */
    public static void write(Object value, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            MAPPER.writeValue(temporary.toFile(), value);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * Reads a suite's results.
     *
     * @throws IllegalArgumentException naming the file, if it is not a results file of this format
     */
    public static SuiteResults read(Path file) {
        SuiteResults results = read(file, SuiteResults.class, SuiteResults::formatVersion, "results file");
        if (results.suite() == null || results.run() == null) {
            throw new IllegalArgumentException(file + " names no suite or run: not a results file");
        }
        return results;
    }

    /** Reads a mutation file, refusing one of another format version. */
    public static MutationResults readMutation(Path file) {
        return read(file, MutationResults.class, MutationResults::formatVersion, "mutation file");
    }

    /** Reads what the benchmark run did besides measuring, refusing a file of another format version. */
    public static BenchmarkRun readBenchmarkRun(Path file) {
        return read(file, BenchmarkRun.class, BenchmarkRun::formatVersion, "benchmark run file");
    }

    /** Reads Go's side-by-side figures, refusing a file of another format version. */
    public static GoResults readGo(Path file) {
        return read(file, GoResults.class, GoResults::formatVersion, "Go results file");
    }

    private static <T> T read(Path file, Class<T> type, ToIntFunction<T> formatVersion, String what) {
        T results;
        try {
            results = MAPPER.readValue(file.toFile(), type);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(file + " is not a readable " + what + ": " + e.getMessage(), e);
        }
        int version = formatVersion.applyAsInt(results);
        if (version != FORMAT_VERSION) {
            throw new IllegalArgumentException(file + " has results format " + version
                    + "; this reader understands format " + FORMAT_VERSION);
        }
        return results;
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
