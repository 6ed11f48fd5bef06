package dev.waitgroup.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.waitgroup.catalogue.Prose.Paragraph;
import dev.waitgroup.catalogue.Prose.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one markup of a lesson's text: paragraphs, and code between backticks. */
class ProseTest {

    @Test
    void backticksMarkCodeAndEverythingElseIsText() {
        Prose prose = Prose.of("Call `done()` in a `finally` & <never> *forget* it.");
        assertEquals(List.of(new Paragraph(List.of(
                        new Span("Call ", false), new Span("done()", true), new Span(" in a ", false),
                        new Span("finally", true), new Span(" & <never> *forget* it.", false)))),
                prose.paragraphs());
    }

    @Test
    void aBlankLineSeparatesParagraphsAndALineBreakIsASpace() {
        Prose prose = Prose.of("""
                The first paragraph
                wraps here.

                The second.""");
        assertEquals(List.of(new Paragraph(List.of(new Span("The first paragraph wraps here.", false))),
                new Paragraph(List.of(new Span("The second.", false)))), prose.paragraphs());
    }

    @Test
    void aBacktickMustOpenAndCloseACodeSpan() {
        assertThrows(IllegalArgumentException.class, () -> Prose.of("an `unclosed span"));
        assertThrows(IllegalArgumentException.class, () -> Prose.of("an empty `` span"));
        assertThrows(IllegalArgumentException.class, () -> Prose.of("  \n\n "));
    }
}
