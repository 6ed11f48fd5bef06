package dev.waitgroup.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A specimen's class comment becomes the why and the fix of its lesson; the code after it is the code. */
class JavaSourceTest {

    @Test
    void aClassCommentBecomesTheWhyAndTheFixOfALesson() {
        JavaSource source = JavaSource.parse(String.join("\n",
                "package x;",
                "",
                "/**",
                " * A <b>bug</b>: {@code count++} is three steps.",
                " *",
                " * <p>Fix: use {@code AtomicInteger}.",
                " */",
                "public class Broken {",
                "    int count;",
                "}"));
        assertEquals("<p>A <b>bug</b>: <code>count++</code> is three steps.", source.whyHtml());
        assertEquals("<p>Fix: use <code>AtomicInteger</code>.", source.fixHtml());
        assertTrue(source.code().startsWith("public class Broken {"));
    }

    @Test
    void codeInACommentIsEscaped() {
        JavaSource source = JavaSource.parse("/** Compare with {@code a < b && c}. */ class X {}");
        assertEquals("<p>Compare with <code>a &lt; b &amp;&amp; c</code>.", source.whyHtml());
    }
}
