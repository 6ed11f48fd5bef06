package dev.waitgroup.reports;

import dev.waitgroup.catalogue.Prose;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A lesson's text in the report's two formats: the catalogue's {@link Prose} as HTML paragraphs or
 * Markdown paragraphs, and plain text and code for Markdown. Each format escapes what would otherwise
 * be read as its own markup, so a lesson shows exactly the characters it was written with.
 */
final class LessonText {
    /** Characters that Markdown may read as markup anywhere in a line. */
    private static final String MARKDOWN_PUNCTUATION = "\\`*_[]<>&|~";
    /** Characters that Markdown may read as a heading, a list item or a rule at the start of a line. */
    private static final String MARKDOWN_LINE_START = "#+-=";
    /** The number of an ordered list item ({@code 1.} or {@code 1)}) at the start of a line. */
    private static final Pattern MARKDOWN_ITEM_NUMBER = Pattern.compile("\\d+(?=[.)])");
    private static final Pattern BACKTICKS = Pattern.compile("`+");

    private LessonText() {
    }

    /** Each paragraph as {@code <p>}, code as {@code <code>}; one paragraph a line. */
    static String html(Prose prose) {
        List<String> paragraphs = new ArrayList<>();
        for (Prose.Paragraph paragraph : prose.paragraphs()) {
            StringBuilder html = new StringBuilder("<p>");
            for (Prose.Span span : paragraph.spans()) {
                html.append(span.code() ? "<code>" + htmlText(span.text()) + "</code>" : htmlText(span.text()));
            }
            paragraphs.add(html.append("</p>").toString());
        }
        return String.join("\n", paragraphs);
    }

    /** Each paragraph on a line of its own, a blank line between; code between backticks. */
    static String markdown(Prose prose) {
        List<String> paragraphs = new ArrayList<>();
        for (Prose.Paragraph paragraph : prose.paragraphs()) {
            StringBuilder markdown = new StringBuilder();
            for (Prose.Span span : paragraph.spans()) {
                // Prose allows no backtick in a code span, so one backtick on each side always closes it.
                markdown.append(span.code() ? "`" + span.text() + "`" : markdownText(span.text()));
            }
            paragraphs.add(escapeLineStart(markdown.toString()));
        }
        return String.join("\n\n", paragraphs);
    }

    /** Plain text, such as a title, as one Markdown paragraph that shows it as it is. */
    static String markdown(String plainText) {
        return escapeLineStart(markdownText(plainText));
    }

    /** A fenced Java code block, its fence longer than any run of backticks in the code. */
    static String markdownCode(String code) {
        int longest = 0;
        Matcher run = BACKTICKS.matcher(code);
        while (run.find()) {
            longest = Math.max(longest, run.group().length());
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        return fence + "java\n" + code + "\n" + fence;
    }

    /** Text between tags: only {@code &}, {@code <} and {@code >} mean anything there. */
    private static String htmlText(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String markdownText(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (MARKDOWN_PUNCTUATION.indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    private static String escapeLineStart(String line) {
        Matcher number = MARKDOWN_ITEM_NUMBER.matcher(line);
        if (number.lookingAt()) {
            return line.substring(0, number.end()) + "\\" + line.substring(number.end());
        }
        return !line.isEmpty() && MARKDOWN_LINE_START.indexOf(line.charAt(0)) >= 0 ? "\\" + line : line;
    }
}
