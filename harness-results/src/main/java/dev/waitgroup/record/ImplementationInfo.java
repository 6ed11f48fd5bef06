package dev.waitgroup.record;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An implementation as a suite saw it: its registry name, kind ({@code implementation},
 * {@code specimen} or {@code plugged-in}), class, one-line summary, the reuse behaviour its class
 * comment documents, and for a specimen the kind of its bug ({@code interleaving} or
 * {@code memory-model}; null otherwise).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImplementationInfo(String name, String kind, String className, String summary,
                                 String documentedReuse, String bug) {

    public boolean isSpecimen() {
        return "specimen".equals(kind);
    }
}
