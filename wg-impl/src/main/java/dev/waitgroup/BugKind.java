package dev.waitgroup;

/** Where a specimen's bug lives, which decides the tools that can see it. */
public enum BugKind {
    /**
     * A bad interleaving of atomic steps (a lost update, a lost wake-up): visible under sequential
     * consistency, so Lincheck's model checker must find it, with the interleaving.
     */
    INTERLEAVING,
    /**
     * A missing happens-before (a plain field read, a reordering): invisible under sequential
     * consistency, so only a tool that runs compiled code on real hardware (jcstress) sees it.
     */
    MEMORY_MODEL
}
