package dev.waitgroup.catalogue;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The three ways the harness looks at a WaitGroup. Each sees what the others cannot: the contract
 * suite scripts exact sequences on real threads, jcstress samples races on this CPU and JIT
 * (reorderings included), and Lincheck's model checker explores interleavings systematically under
 * sequential consistency and prints the one that breaks.
 */
public enum Suite {
    CONTRACT("scripted calls on real threads, every wait bounded"),
    JCSTRESS("jcstress: races sampled on this CPU and JIT, reorderings included"),
    LINCHECK("Lincheck: interleavings explored under sequential consistency");

    private final String how;

    Suite(String how) {
        this.how = how;
    }

    /** How this suite sees a WaitGroup, in one phrase. */
    public String how() {
        return how;
    }

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Suite of(String id) {
        for (Suite suite : values()) {
            if (suite.id().equals(id)) {
                return suite;
            }
        }
        throw new IllegalArgumentException("unknown suite '" + id + "'; expected contract, jcstress or lincheck");
    }
}
