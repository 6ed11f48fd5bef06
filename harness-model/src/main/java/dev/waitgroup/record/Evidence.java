package dev.waitgroup.record;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Objects;

/**
 * One piece of proof behind a verdict, as a reader (or a teacher) needs it.
 *
 * @param kind    what it is
 * @param caption one line saying what it shows
 * @param text    the proof itself, preformatted
 */
public record Evidence(Kind kind, String caption, String text) {

    /** What a piece of evidence is. */
    public enum Kind {
        /** The exception or assertion that failed the check. */
        STACK_TRACE,
        /** jcstress's outcomes and how often each was seen. */
        OUTCOME_TABLE,
        /** Lincheck's failing scenario and the interleaving that produces it. */
        INTERLEAVING,
        /** Where every relevant thread was when a bound fired: state, frames, lock and its owner. */
        THREAD_DUMP,
        /** The WaitGroup's own account of itself ({@code toString()}) when a bound fired. */
        GROUP_STATE,
        /** What a forbidden jcstress outcome is, found by replaying its actors under the model checker. */
        CROSS_EXAMINATION,
        /**
         * A history of calls with their results and times, as the contract's reference model judged it: the
         * shortest failing one an exploration shrank to, and the scenario that produces it.
         */
        HISTORY,
        /** Anything else an engine printed that the verdict rests on. */
        OUTPUT;

        @JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        @JsonCreator
        public static Kind of(String id) {
            return valueOf(id.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    public Evidence {
        Objects.requireNonNull(kind, "kind");
        caption = PlainText.of(Objects.requireNonNull(caption, "caption"));
        text = text == null ? "" : PlainText.of(text);
    }
}
