package dev.waitgroup.catalogue;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The ways the harness looks at a WaitGroup. Each sees what the others cannot: the contract suite
 * scripts exact sequences on real threads, jcstress samples races on this CPU and JIT (reorderings
 * included), Lincheck's model checker explores interleavings systematically under sequential
 * consistency and prints the one that breaks, and the exploration draws histories from the whole API
 * (no check written for a known bug) and judges each with the contract's reference model.
 */
public enum Suite {
    CONTRACT("scripted calls on real threads, every wait bounded", false),
    JCSTRESS("jcstress: races sampled on this CPU and JIT, reorderings included", true),
    LINCHECK("Lincheck: interleavings explored under sequential consistency", false),
    EXPLORATION("exploration: histories drawn from the whole API on real threads, judged by the contract's"
            + " reference model, the shortest failing one shrunk", false);

    private final String how;
    private final boolean waitsForEveryCall;

    Suite(String how, boolean waitsForEveryCall) {
        this.how = how;
        this.waitsForEveryCall = waitsForEveryCall;
    }

    /**
     * Whether this suite explores the contract itself rather than checking named properties: every
     * specimen meets all its checks in every run, since none was written for a particular bug.
     */
    public boolean explores() {
        return this == EXPLORATION;
    }

    /** Whether every engine of this suite waits for every call it makes into the implementation. */
    boolean waitsForEveryCall() {
        return waitsForEveryCall;
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
        throw new IllegalArgumentException("unknown suite '" + id + "'; expected one of "
                + java.util.Arrays.stream(values()).map(Suite::id).toList());
    }
}
