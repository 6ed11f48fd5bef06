package dev.waitgroup.harness;

import dev.waitgroup.settings.InternalProperty;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * What a test JVM is doing, written as it happens so that the runner that started it can tell, after
 * the JVM died or was killed, which check was running: one line per event, flushed at once.
 *
 * <pre>
 * (each line: event, implementation, check, epoch milliseconds, text; tab-separated)
 * start  impl  check     a check begins
 * end    impl  check     its verdict is recorded
 * exit   text            System.exit was called from code under test (text: the caller's frames)
 * lost   text            memory ran out outside a check's own thread (text: what was thrown)
 * recycle text           the JVM ends early on purpose: a thread left behind by a check still burns CPU
 * </pre>
 */
public final class Journal {
    /** One event read back, with the wall-clock time it was written. */
    public record Entry(String event, String implementation, String check, long millis, String text) {
    }

    private final Path file;

    public Journal(Path file) {
        this.file = file;
    }

    /** The journal its runner gave this JVM ({@link InternalProperty#JOURNAL}), or null when none did. */
    public static Journal fromSystemProperty() {
        String path = InternalProperty.JOURNAL.inThisJvm();
        return path.isEmpty() ? null : new Journal(Path.of(path));
    }

    public void start(String implementation, String check) {
        append("start", implementation, check, "");
    }

    public void end(String implementation, String check) {
        append("end", implementation, check, "");
    }

    public void exit(String callerFrames) {
        append("exit", "", "", callerFrames);
    }

    public void lost(String what) {
        append("lost", "", "", what);
    }

    public void recycle(String why) {
        append("recycle", "", "", why);
    }

    private void append(String event, String implementation, String check, String text) {
        write(event + "\t" + implementation + "\t" + check + "\t" + System.currentTimeMillis() + "\t" + escape(text));
    }

    private synchronized void write(String line) {
        try {
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the journal " + file, e);
        }
    }

    /** Every event so far; an absent file is an empty journal. */
    public List<Entry> read() {
        List<Entry> entries = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return entries;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] fields = line.split("\t", 5);
                if (fields.length == 5) {
                    entries.add(new Entry(fields[0], fields[1], fields[2], Long.parseLong(fields[3]),
                            unescape(fields[4])));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the journal " + file, e);
        }
        return entries;
    }

    public Path file() {
        return file;
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t");
    }

    private static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(next == 'n' ? '\n' : next == 't' ? '\t' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
