package dev.waitgroup.catalogue;

import java.util.ArrayList;
import java.util.List;

/**
 * Teaching text as data: paragraphs of plain text with code marked in it, for the report to render
 * in each of its formats (HTML, Markdown), escaping the text as each format needs.
 *
 * <p>{@link #of} reads the one markup there is, a subset of Markdown's:
 * <ul>
 *   <li>a blank line separates paragraphs; a single line break inside a paragraph is a space, so a
 *       text block can wrap its lines where it likes;</li>
 *   <li>code is set between backticks: {@code `done()`}. A code span cannot hold a backtick, and a
 *       backtick cannot appear outside one;</li>
 *   <li>everything else is text, taken as it is written: {@code <}, {@code &}, {@code *} and the
 *       rest mean nothing here.</li>
 * </ul>
 *
 * @param paragraphs at least one, none empty
 */
public record Prose(List<Paragraph> paragraphs) {

    /** One paragraph: text and code, in reading order. */
    public record Paragraph(List<Span> spans) {
        public Paragraph {
            spans = List.copyOf(spans);
        }
    }

    /** A run of text, or of code when {@code code} is true. */
    public record Span(String text, boolean code) {
    }

    public Prose {
        paragraphs = List.copyOf(paragraphs);
        if (paragraphs.isEmpty()) {
            throw new IllegalArgumentException("no paragraph");
        }
    }

    /**
     * Reads {@code marked}, written as the class comment says.
     *
     * @throws IllegalArgumentException for an unclosed or empty code span, or no text at all
     */
    public static Prose of(String marked) {
        List<Paragraph> paragraphs = new ArrayList<>();
        for (String paragraph : marked.strip().split("\\n[ \\t]*\\n\\s*")) {
            if (!paragraph.isBlank()) {
                paragraphs.add(paragraph(String.join(" ", paragraph.strip().split("[ \\t]*\\n[ \\t]*"))));
            }
        }
        return new Prose(paragraphs);
    }

    private static Paragraph paragraph(String line) {
        List<Span> spans = new ArrayList<>();
        int at = 0;
        while (at < line.length()) {
            int open = line.indexOf('`', at);
            if (open < 0) {
                spans.add(new Span(line.substring(at), false));
                break;
            }
            int close = line.indexOf('`', open + 1);
            if (close < 0) {
                throw new IllegalArgumentException("unclosed code span in: " + line);
            }
            if (close == open + 1) {
                throw new IllegalArgumentException("empty code span in: " + line);
            }
            if (open > at) {
                spans.add(new Span(line.substring(at, open), false));
            }
            spans.add(new Span(line.substring(open + 1, close), true));
            at = close + 1;
        }
        return new Paragraph(spans);
    }
}
