package dev.waitgroup.model;

import java.util.Objects;

/** What came of one call: a value, an exception, or nothing within the bound. */
public sealed interface Outcome {

    /** The call returned; {@code value} is null for void, an Integer for count(), a Boolean for a timed await. */
    record Returned(Object value) implements Outcome {
        @Override
        public String toString() {
            return value == null ? "returned" : "= " + value;
        }
    }

    /** The call threw; the class name and message are kept as text so that a history can be printed and stored. */
    record Threw(String type, String message) implements Outcome {
        public Threw {
            Objects.requireNonNull(type, "type");
        }

        public static Threw of(Throwable thrown) {
            return new Threw(thrown.getClass().getName(), thrown.getMessage());
        }

        public boolean is(Class<? extends Throwable> kind) {
            return kind.getName().equals(type);
        }

        @Override
        public String toString() {
            String simple = type.substring(type.lastIndexOf('.') + 1);
            return "threw " + simple + (message == null ? "" : " \"" + message + "\"");
        }
    }

    /**
     * The call had not returned when the run gave up on it; {@code stack} is where its thread was then
     * (one frame a line), the evidence of a hang.
     */
    record NotReturned(String stack) implements Outcome {
        public NotReturned {
            Objects.requireNonNull(stack, "stack");
        }

        @Override
        public String toString() {
            return "did not return within the bound";
        }
    }

    Returned VOID = new Returned(null);
    Returned TRUE = new Returned(Boolean.TRUE);
    Returned FALSE = new Returned(Boolean.FALSE);
}
