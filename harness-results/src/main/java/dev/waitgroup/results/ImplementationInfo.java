package dev.waitgroup.results;

/**
 * An implementation as a suite saw it: its registry name, kind ({@code implementation},
 * {@code specimen} or {@code plugged-in}), class, one-line summary, and the reuse behaviour its class
 * comment documents.
 */
public record ImplementationInfo(String name, String kind, String className, String summary,
                                 String documentedReuse) {

    public boolean isSpecimen() {
        return "specimen".equals(kind);
    }
}
