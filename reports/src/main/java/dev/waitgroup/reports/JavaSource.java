package dev.waitgroup.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Java source file as a lesson quotes it: the class comment (the idea, the bug, why it happens)
 * and the code that follows it. The comment is this project's own Javadoc, turned into HTML the
 * report can show: {@code {@code x}} becomes {@code <code>x</code>}, the rest of its HTML is kept.
 */
final class JavaSource {
    private static final Pattern CLASS_COMMENT = Pattern.compile("/\\*\\*(.*?)\\*/", Pattern.DOTALL);
    private static final Pattern INLINE_TAG = Pattern.compile("\\{@(?:code|link|linkplain|value) ([^{}]*(?:\\{[^{}]*}[^{}]*)*)}");

    final Path file;
    private final String commentHtml;
    private final String code;

    private JavaSource(Path file, String commentHtml, String code) {
        this.file = file;
        this.commentHtml = commentHtml;
        this.code = code;
    }

    static JavaSource read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the source a lesson quotes: " + file, e);
        }
        Matcher comment = CLASS_COMMENT.matcher(text);
        if (!comment.find()) {
            return new JavaSource(file, "", text.strip());
        }
        return new JavaSource(file, toHtml(comment.group(1)), text.substring(comment.end()).strip());
    }

    /** The class comment as HTML paragraphs. */
    String commentHtml() {
        return commentHtml;
    }

    /** The class comment without its "Fix:" paragraph. */
    String whyHtml() {
        int fix = fixStart();
        return fix < 0 ? commentHtml : commentHtml.substring(0, fix).strip();
    }

    /** The paragraph that starts with "Fix:", or an empty string. */
    String fixHtml() {
        int fix = fixStart();
        if (fix < 0) {
            return "";
        }
        String rest = commentHtml.substring(fix);
        int end = rest.indexOf("<p>", 3);
        return (end < 0 ? rest : rest.substring(0, end)).strip();
    }

    private int fixStart() {
        int at = commentHtml.indexOf("<p>Fix:");
        if (at >= 0) {
            return at;
        }
        at = commentHtml.indexOf("Fix:");
        return at;
    }

    /** The code after the class comment: annotations, declaration, body. */
    String code() {
        return code;
    }

    /** One method, from its first line to its closing brace, found by a line containing {@code signature}. */
    String method(String signature) {
        int start = code.indexOf(signature);
        if (start < 0) {
            return code;
        }
        start = code.lastIndexOf('\n', start) + 1;
        int depth = 0;
        for (int i = code.indexOf('{', start); i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return code.substring(start, i + 1).stripIndent();
            }
        }
        return code.substring(start);
    }

    private static String toHtml(String javadoc) {
        StringBuilder text = new StringBuilder();
        for (String line : javadoc.split("\n")) {
            String stripped = line.strip();
            if (stripped.startsWith("*")) {
                stripped = line.substring(line.indexOf('*') + 1);
                if (stripped.startsWith(" ")) {
                    stripped = stripped.substring(1);
                }
            }
            if (stripped.strip().startsWith("@")) {
                continue; // block tags (@param ...) are not part of the lesson
            }
            text.append(stripped).append('\n');
        }
        Matcher tag = INLINE_TAG.matcher(text.toString().strip());
        StringBuilder html = new StringBuilder();
        while (tag.find()) {
            tag.appendReplacement(html, Matcher.quoteReplacement("<code>" + Html.escape(tag.group(1)) + "</code>"));
        }
        tag.appendTail(html);
        String result = html.toString();
        return result.startsWith("<p>") ? result : "<p>" + result;
    }
}
