package dev.waitgroup.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.waitgroup.catalogue.Prose;
import org.junit.jupiter.api.Test;

/** A lesson's text, written once in the catalogue, as the HTML page and the Markdown twin show it. */
class LessonTextTest {
    private static final Prose LESSON = Prose.of("""
            Call `done()` in a `finally`: a task that throws
            first leaves the counter > 0 & <b>no</b> *wait* ends.

            Or start the task with `go(...)`, which does.""");

    @Test
    void htmlHasAParagraphALineAndCodeInCodeTagsAndShowsMarkupAsText() {
        assertEquals("<p>Call <code>done()</code> in a <code>finally</code>: a task that throws first leaves"
                        + " the counter &gt; 0 &amp; &lt;b&gt;no&lt;/b&gt; *wait* ends.</p>\n"
                        + "<p>Or start the task with <code>go(...)</code>, which does.</p>",
                LessonText.html(LESSON));
    }

    @Test
    void htmlEscapesCodeToo() {
        assertEquals("<p>Compare with <code>a &lt; b &amp;&amp; c</code>.</p>",
                LessonText.html(Prose.of("Compare with `a < b && c`.")));
    }

    @Test
    void markdownKeepsTheBackticksAndEscapesWhatMarkdownWouldReadAsMarkup() {
        assertEquals("Call `done()` in a `finally`: a task that throws first leaves the counter \\> 0 \\&"
                        + " \\<b\\>no\\</b\\> \\*wait\\* ends.\n\n"
                        + "Or start the task with `go(...)`, which does.",
                LessonText.markdown(LESSON));
        assertEquals("`a < b && c` compares", LessonText.markdown(Prose.of("`a < b && c` compares")),
                "code is shown as it is written");
    }

    @Test
    void markdownTextThatStartsLikeAHeadingOrAListIsNotOne() {
        assertEquals("\\# of waiters", LessonText.markdown("# of waiters"));
        assertEquals("\\- one done() too many", LessonText.markdown("- one done() too many"));
        assertEquals("1\\. add, 2. done", LessonText.markdown("1. add, 2. done"));
    }

    @Test
    void markdownCodeIsFencedBeyondAnyBackticksInIt() {
        assertEquals("```java\ngroup.await();\n```", LessonText.markdownCode("group.await();"));
        assertEquals("````java\nString fence = \"```\";\n````", LessonText.markdownCode("String fence = \"```\";"));
    }
}
