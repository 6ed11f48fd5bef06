package dev.waitgroup.jcstress;

import dev.waitgroup.record.Verdict;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What an outcome of a misuse test says about the implementation: the client's bug showed
 * ({@link Verdict#REPRODUCED}), the implementation noticed and threw ({@link Verdict#DETECTED}), or
 * did the right thing ({@link Verdict#HANDLED}). Outcome ids are spelled as in the test's
 * {@code @Outcome}s; the runner reads these to judge a misuse test, never the descriptions.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Means.All.class)
public @interface Means {
    String[] outcome();

    Verdict is();

    /**
     * Whether a correct implementation that is merely slow shows this outcome too (a released waiter
     * not yet scheduled looks like one still blocked): then it counts as the bug only where the safe
     * outcome, which an implementation with the bug shows only by a narrow miss, is a small share of the
     * two; beside a safe outcome any larger, it is slowness.
     */
    boolean slownessShowsItToo() default false;

    /** The container of repeated {@link Means}. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface All {
        Means[] value();
    }
}
