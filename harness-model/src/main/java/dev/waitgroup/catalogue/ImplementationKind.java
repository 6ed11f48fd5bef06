package dev.waitgroup.catalogue;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How the harness treats a WaitGroup it checks. */
public enum ImplementationKind {
    /** One of wg-lab's own: must pass every contract check. */
    IMPLEMENTATION,
    /** A class of the user's, selected by name: judged like an implementation. */
    PLUGGED_IN,
    /** A deliberately broken one: must be caught. */
    SPECIMEN;

    /** True when a contract failure of this kind fails the build. */
    public boolean mustPass() {
        return this != SPECIMEN;
    }

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @JsonCreator
    public static ImplementationKind of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
