package dev.waitgroup.catalogue;

/** Where a bug lives, which decides the suites that can see it for certain. */
public enum BugKind {
    /**
     * A bad interleaving of atomic steps (a lost update, a lost wake-up): visible under sequential
     * consistency, so Lincheck's model checker finds it, with the interleaving.
     */
    INTERLEAVING,
    /**
     * A missing happens-before (a plain field read, a reordering): invisible under sequential
     * consistency; only compiled code on real hardware shows it (jcstress, or a scripted loop the JIT
     * compiles).
     */
    MEMORY_MODEL,
    /**
     * A wrong answer to a particular sequence of calls (a timeout converted to milliseconds, a
     * waiter that gave up left behind): a scripted check on real threads shows it every time.
     */
    SCRIPTED,
    /** A client's misuse of a correct WaitGroup, reproduced to show what each implementation does. */
    CLIENT
}
