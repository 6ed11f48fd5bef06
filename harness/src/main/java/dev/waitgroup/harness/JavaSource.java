package dev.waitgroup.harness;

import dev.waitgroup.catalogue.Lesson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A specimen's source as its lesson: the class comment (the bug, why it happens, the fix) and the
 * code after it. The specimens jar carries its own sources; the harness reads them from the class
 * path when it records a run, so the report only renders what the results hold. Javadoc becomes HTML
 * the report can show: {@code {@code x}} becomes {@code <code>x</code>}, the rest of its HTML is kept.
 */
final class JavaSource {
    private static final Pattern CLASS_COMMENT = Pattern.compile("/\\*\\*(.*?)\\*/", Pattern.DOTALL);
    private static final Pattern INLINE_TAG =
            Pattern.compile("\\{@(?:code|link|linkplain|value) ([^{}]*(?:\\{[^{}]*}[^{}]*)*)}");

    private final String commentHtml;
    private final String code;

    private JavaSource(String commentHtml, String code) {
        this.commentHtml = commentHtml;
        this.code = code;
    }

    /** The lesson of a class whose source is on the class path; null when it is not. */
    static Lesson lessonOf(Class<?> type) {
        Class<?> top = type;
        while (top.getEnclosingClass() != null) {
            top = top.getEnclosingClass();
        }
        String resource = top.getName().replace('.', '/') + ".java";
        try (InputStream in = top.getClassLoader() == null ? null : top.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            JavaSource source = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return new Lesson(resource, source.code, source.whyHtml(), source.fixHtml(), null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    static JavaSource parse(String text) {
        Matcher comment = CLASS_COMMENT.matcher(text);
        if (!comment.find()) {
            return new JavaSource("", text.strip());
        }
        return new JavaSource(toHtml(comment.group(1)), text.substring(comment.end()).strip());
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
        return at >= 0 ? at : commentHtml.indexOf("Fix:");
    }

    String code() {
        return code;
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
            tag.appendReplacement(html, Matcher.quoteReplacement("<code>" + escape(tag.group(1)) + "</code>"));
        }
        tag.appendTail(html);
        String result = html.toString();
        return result.startsWith("<p>") ? result : "<p>" + result;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
