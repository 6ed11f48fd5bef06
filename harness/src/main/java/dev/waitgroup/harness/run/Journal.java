package dev.waitgroup.harness.run;

import dev.waitgroup.settings.InternalProperty;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a child JVM is doing, written as it happens (one line per event, flushed at once), so that the
 * runner that started it can tell, even after the JVM died or was killed, which unit of work was
 * running and what the code under test did to the JVM. The child appends; the runner reads.
 *
 * <p>A line is the event, the implementation, the unit, the epoch milliseconds and a text,
 * tab-separated, with tabs, newlines and backslashes in the text escaped.
 */
public final class Journal {
    /** What happened. */
    public enum Event {
        /** A unit of work begins. */
        START,
        /** Its result is written. */
        END,
        /** {@code System.exit} was called from code under test; the text is the caller's frames. */
        EXIT,
        /** Memory ran out outside a unit's own thread; the text is what was thrown. */
        LOST,
        /** The JVM stops taking units on purpose (a thread left behind still burns CPU); the text says why. */
        RECYCLE,
        /** The exit witness is installed: from here on, every end of this JVM that runs its shutdown hooks writes {@link #SHUTDOWN}. */
        WITNESS,
        /**
         * The JVM runs its shutdown hooks: it ends by {@code System.exit}, the end of its threads or a
         * signal; {@code Runtime.halt} and a crash skip them.
         */
        SHUTDOWN
    }

    /** One event read back. */
    public record Entry(Event event, String implementation, String unit, long millis, String text) {
    }

    private final Path file;

    public Journal(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** The journal its runner gave this JVM ({@link InternalProperty#JOURNAL}), or null when none did. */
    public static Journal fromSystemProperty() {
        String path = InternalProperty.JOURNAL.inThisJvm();
        return path.isEmpty() ? null : new Journal(Path.of(path));
    }

    public void start(String implementation, String unit) {
        append(Event.START, implementation, unit, "");
    }

    public void end(String implementation, String unit) {
        append(Event.END, implementation, unit, "");
    }

    public void exit(String callerFrames) {
        append(Event.EXIT, "", "", callerFrames);
    }

    public void lost(String what) {
        append(Event.LOST, "", "", what);
    }

    public void recycle(String why) {
        append(Event.RECYCLE, "", "", why);
    }

    public void witness() {
        append(Event.WITNESS, "", "", "");
    }

    public void shutdown() {
        append(Event.SHUTDOWN, "", "", "");
    }

    private void append(Event event, String implementation, String unit, String text) {
        String line = event.name() + "\t" + implementation + "\t" + unit + "\t" + System.currentTimeMillis() + "\t"
                + escape(text) + "\n";
        synchronized (this) {
            try {
                Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND, StandardOpenOption.SYNC);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the journal " + file, e);
            }
        }
    }

    /** Every event so far; an absent file is an empty journal, a line cut short by a dying JVM is skipped. */
    public List<Entry> read() {
        List<Entry> entries = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return entries;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] fields = line.split("\t", 5);
                if (fields.length == 5) {
                    try {
                        entries.add(new Entry(Event.valueOf(fields[0]), fields[1], fields[2], Long.parseLong(fields[3]),
                                unescape(fields[4])));
                    } catch (IllegalArgumentException partial) {
                        // the last line of a JVM that died while writing it
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the journal " + file, e);
        }
        return entries;
    }

    /** The unit started last and not ended, if any. */
    public static Optional<Entry> running(List<Entry> entries) {
        Entry last = null;
        for (Entry entry : entries) {
            if (entry.event() == Event.START) {
                last = entry;
            } else if (entry.event() == Event.END && last != null && entry.unit().equals(last.unit())
                    && entry.implementation().equals(last.implementation())) {
                last = null;
            }
        }
        return Optional.ofNullable(last);
    }

    /** The first {@code event} written after {@code since} (or anywhere, when {@code since} is null). */
    public static Optional<Entry> after(List<Entry> entries, Entry since, Event event) {
        boolean seen = since == null;
        for (Entry entry : entries) {
            seen |= entry == since;
            if (seen && entry.event() == event) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
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
