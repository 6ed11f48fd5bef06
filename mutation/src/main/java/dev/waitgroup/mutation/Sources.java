package dev.waitgroup.mutation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Source lines of the mutated classes, for a survivor to be shown as the line it changes. */
final class Sources {
    private final List<String> folders;
    private final Map<String, List<String>> files = new HashMap<>();

    Sources(List<String> folders) {
        this.folders = List.copyOf(folders);
    }

    /** The line as written, trimmed; null when the source is not at hand (a plug-in without sources). */
    String line(String className, int line) {
        List<String> lines = files.computeIfAbsent(className, this::read);
        return line >= 1 && line <= lines.size() ? lines.get(line - 1).strip() : null;
    }

    private List<String> read(String className) {
        int nested = className.indexOf('$');
        String outer = nested < 0 ? className : className.substring(0, nested);
        String relative = outer.replace('.', '/') + ".java";
        for (String folder : folders) {
            Path file = Path.of(folder, relative);
            if (Files.isRegularFile(file)) {
                try {
                    return Files.readAllLines(file, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return List.of();
    }
}
