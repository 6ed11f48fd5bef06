package dev.waitgroup.record;

import java.util.regex.Pattern;

/**
 * Text as a verdict may carry it into JSON, HTML, Markdown and JUnit XML: what a terminal would take as
 * a command is removed, so that a report neither clears a CI log's screen nor makes an XML file that a
 * parser rejects (a child JVM's output is quoted as evidence, and Fray's clears the screen).
 *
 * <p>Invariant: the result holds no character that XML 1.0 forbids, and no terminal escape sequence;
 * tabs, line feeds and carriage returns stay.
 */
public final class PlainText {
    /** ANSI escape sequences: CSI ({@code ESC [ … final}), OSC ({@code ESC ] … BEL or ESC \}), and two-character ones. */
    private static final Pattern ESCAPES = Pattern.compile(
            "\u001B\\[[0-?]*[ -/]*[@-~]|\u001B\\][^\u0007\u001B]*(\u0007|\u001B\\\\)?|\u001B[@-Z\\\\-_]");
    /** What XML 1.0 does not allow, and the other control characters a terminal acts on. */
    private static final Pattern FORBIDDEN = Pattern.compile("[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]");
    private static final String REPLACEMENT = "\uFFFD";

    private PlainText() {
    }

    /** {@code text} without escape sequences, each other forbidden character replaced by U+FFFD; null stays null. */
    public static String of(String text) {
        if (text == null || !FORBIDDEN.matcher(text).find()) {
            return text; // ESC is one of the forbidden characters: no escape sequence either
        }
        return FORBIDDEN.matcher(ESCAPES.matcher(text).replaceAll("")).replaceAll(REPLACEMENT);
    }
}
