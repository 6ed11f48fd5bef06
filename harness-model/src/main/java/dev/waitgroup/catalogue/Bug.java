package dev.waitgroup.catalogue;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The bug classes the harness knows: the implementation bugs its specimens embody, and the client
 * bugs (misuse) it reproduces on every implementation. Checks name the bugs they catch
 * ({@link Check#catches()}); a specimen names its bug; the report's lessons are one per bug. A client
 * bug's lesson is declared here, its text as {@link Prose}; an implementation bug's lesson is its
 * specimen's source.
 *
 * <p>{@link #mustBeCaughtBy} says which suites see the bug for certain: the gate fails when a
 * specimen of this bug escapes one of them (jcstress only in the stress run: its short mode is a
 * smoke test, not a hunt).
 */
public enum Bug {
    LOST_UPDATE(BugKind.INTERLEAVING, "lost update: a non-atomic read-modify-write of the counter loses a racing add or done",
            EnumSet.of(Suite.LINCHECK, Suite.JCSTRESS, Suite.FRAY)),
    LOST_WAKE_UP(BugKind.INTERLEAVING, "lost wake-up: the counter is checked outside the lock, then the waiter sleeps",
            EnumSet.of(Suite.LINCHECK, Suite.JCSTRESS, Suite.FRAY)),
    SIGNAL_ONE(BugKind.INTERLEAVING, "signal() instead of signalAll(): only one of several waiters is woken",
            EnumSet.of(Suite.LINCHECK, Suite.CONTRACT, Suite.EXPLORATION, Suite.FRAY)),
    CHECK_THEN_ACT(BugKind.INTERLEAVING, "check-then-act: the negative-counter check is separate from the update",
            EnumSet.of(Suite.LINCHECK, Suite.JCSTRESS, Suite.FRAY)),
    DATA_RACE(BugKind.MEMORY_MODEL, "data race: await spins on a plain field, which the JIT may hoist out of the loop",
            EnumSet.of(Suite.JCSTRESS, Suite.CONTRACT)),
    PLAIN_FAST_PATH(BugKind.MEMORY_MODEL, "a plain read of the counter on await's fast path: no happens-before with done()",
            EnumSet.of(Suite.JCSTRESS)),
    MILLISECOND_TIMEOUT(BugKind.SCRIPTED, "the timeout is cut to milliseconds: a sub-millisecond timeout becomes 0, \"wait forever\"",
            EnumSet.of(Suite.CONTRACT, Suite.EXPLORATION)),
    DEADLINE_OVERFLOW(BugKind.SCRIPTED, "now + timeout overflows for a huge timeout: the wait gives up at once",
            EnumSet.of(Suite.CONTRACT, Suite.EXPLORATION, Suite.LINCHECK)),
    LOST_INTERRUPT(BugKind.SCRIPTED, "an interrupt pending on entry is swallowed: await returns with the interrupt status cleared",
            EnumSet.of(Suite.CONTRACT, Suite.EXPLORATION, Suite.LINCHECK)),
    STRAY_WAKE_UP(BugKind.SCRIPTED, "if instead of while: a waiter that wakes without a release returns with the counter above zero",
            EnumSet.of(Suite.CONTRACT, Suite.EXPLORATION)),
    GAVE_UP_WAITER_COUNTED(BugKind.SCRIPTED, "a waiter that gave up still counts: the release leaves a wake-up that lets a later waiter through",
            EnumSet.of(Suite.CONTRACT, Suite.EXPLORATION, Suite.LINCHECK)),
    WAITER_LEAK(BugKind.SCRIPTED, "every timed-out await leaves its wait node behind: a polling loop grows the group without bound",
            EnumSet.of(Suite.CONTRACT)),
    ADD_ZERO_RELEASES(BugKind.INTERLEAVING, "add(0) during a release releases the waiters a second time: stray wake-ups for a later round",
            EnumSet.of(Suite.LINCHECK, Suite.FRAY)),
    STALE_ROUND(BugKind.INTERLEAVING, "await reads the counter and the round in two steps: a waiter that slips between them waits for the next round",
            EnumSet.of(Suite.CONTRACT, Suite.FRAY)),
    REUSED_WAITER_NODE(BugKind.SCRIPTED, "a thread's waiter record is reused across its waits: a wait that timed out leaves it cancelled, and the thread's next wait is never released",
            EnumSet.of(Suite.EXPLORATION, Suite.LINCHECK)),
    RESTARTING_TIMEOUT(BugKind.SCRIPTED, "a timed wait starts its time over after every wake-up that did not release it: while the counter keeps changing, it waits far past its timeout",
            EnumSet.of(Suite.EXPLORATION)),

    ADD_INSIDE_GOROUTINE(BugKind.CLIENT, "Add called inside the goroutine", new ClientLesson("""
            // Go:  go func() { wg.Add(1); defer wg.Done(); work() }(); wg.Wait()
            new Thread(() -> {
                group.add(1);            // counted only once the task runs: too late
                try { work(); } finally { group.done(); }
            }).start();
            group.await();                // may find the counter at 0 and return at once""",
            Prose.of("""
                    The task counts itself only once it runs, so the coordinator's `await()` may find the
                    counter at zero and return before the work has even begun. No WaitGroup can prevent it:
                    the bug is in the client (`go vet`'s waitgroup analyzer flags it in Go)."""),
            Prose.of("""
                    Count the task before starting it, on the coordinator's side, or start it with `go(...)`,
                    which does exactly that."""),
            """
            group.go(pool, () -> work());   // counted before it is handed to the pool
            group.await();""")),
    FORGOTTEN_DONE(BugKind.CLIENT, "A forgotten Done", new ClientLesson("""
            group.add(2);
            pool.execute(() -> { work(); group.done(); });
            pool.execute(() -> { if (nothingToDo()) return; work(); group.done(); }); // early return
            group.await();                // waits forever""",
            Prose.of("""
                    A task that returns early, or throws before its `done()`, leaves the counter above zero:
                    `await()` never returns. The harness shows it with a bounded wait."""),
            Prose.of("""
                    Call `done()` in a `finally` (Go: `defer wg.Done()`), or start the task with `go(...)`,
                    which does."""),
            """
            group.go(pool, () -> { if (nothingToDo()) return; work(); }); // done() in a finally""")),
    REUSE_BEFORE_WAIT_RETURNED(BugKind.CLIENT, "Reuse before the previous Wait returned", new ClientLesson("""
            group.done();                 // round 1 ends: its waiter is being woken ...
            group.add(1);                 // ... and round 2 starts before that waiter returned""",
            Prose.of("""
                    Go's rule: "new Add calls must happen after all previous Wait calls have returned".
                    Round 1's last `done()` is followed at once by round 2's `add(1)`, while round 1's waiter
                    has been woken but not yet returned. What happens then is the implementation's choice: a
                    generation-safe group lets the old waiter return, Go detects it and panics, others make
                    the old waiter silently wait for round 2, which looks like a slow task."""),
            Prose.of("""
                    Let every `await()` of a round return before the next round's first `add`; when waiters
                    of one round may still be waking up, use a new group for the next round."""),
            null)),
    NEGATIVE_COUNTER(BugKind.CLIENT, "A negative counter", new ClientLesson("""
            group.add(1);
            pool.execute(task);          // calls done()
            group.done();                // one done() too many""",
            Prose.of("""
                    One `done()` more than was added would drive the counter below zero. Go panics
                    ("sync: negative WaitGroup counter"); every implementation here refuses it with
                    `IllegalStateException` and leaves the counter unchanged, also when two such calls
                    race."""),
            Prose.of("""
                    Pair each `done()` with exactly one counted task: `go(...)` does."""),
            null)),
    ADD_CONCURRENT_WITH_WAIT(BugKind.CLIENT, "Add called concurrently with Wait", new ClientLesson("""
            // a waiter is blocked on a counter of 1; at the same instant:
            group.done();                // the last task ends: a release ...
            group.add(1); group.done();  // ... races with a new task counted late""",
            Prose.of("""
                    Go's rule: "calls with a positive delta that occur when the counter is zero must happen
                    before a Wait". Here an `add(1)` races with the `done()` that releases a waiter. If it
                    lands while the waiters are being woken, it opens a new round under a waiter that has
                    not returned. Go's WaitGroup (and its port here) checks for exactly this and panics;
                    the others stay linearizable: the late `add(1)` simply belongs to the next round."""),
            Prose.of("""
                    Every `add` that opens a round must happen before the `await` it is meant to hold back:
                    count all the work before starting any of it."""),
            null));

    private final BugKind kind;
    private final String title;
    private final Set<Suite> mustBeCaughtBy;
    private final ClientLesson lesson;

    /** An implementation bug: the suites that must catch its specimen; its lesson is the specimen's source. */
    Bug(BugKind kind, String title, Set<Suite> mustBeCaughtBy) {
        this.kind = kind;
        this.title = title;
        this.mustBeCaughtBy = Set.copyOf(mustBeCaughtBy);
        this.lesson = null;
    }

    /** A client bug: no suite can be required to catch it, since no implementation can prevent it. */
    Bug(BugKind kind, String title, ClientLesson lesson) {
        this.kind = kind;
        this.title = title;
        this.mustBeCaughtBy = Set.of();
        this.lesson = lesson;
    }

    public BugKind kind() {
        return kind;
    }

    /** Bugs that need a load reordered, which x86-64 hardware never does and C2 does not do here. */
    private static final Set<Bug> NEED_WEAK_MEMORY = EnumSet.of(PLAIN_FAST_PATH);

    /**
     * Whether hardware of this architecture ({@code os.arch}) can show the bug at all. x86-64 keeps
     * loads in program order (TSO), and C2 does not move a plain read past the acquire of a volatile
     * read that precedes it, so a bug that needs the read after {@code await} to overtake the
     * counter's read shows only on hardware that reorders loads (AArch64, POWER). Unknown: yes.
     */
    public boolean visibleOn(String arch) {
        boolean x86 = List.of("amd64", "x86_64", "x86", "i386").contains(arch);
        return !(x86 && NEED_WEAK_MEMORY.contains(this));
    }

    /** Bugs that show only in memory (retained nodes), never in what a call returns or whether it does. */
    private static final Set<Bug> SEEN_IN_MEMORY_ONLY = EnumSet.of(WAITER_LEAK);

    /**
     * Whether the bug shows in what calls return or whether they return, the only things an exploration
     * of the contract judges: not a memory-model effect (a reordering, a hoisted read), not a leak.
     */
    public boolean seenInWhatCallsReturn() {
        return kind != BugKind.MEMORY_MODEL && kind != BugKind.CLIENT && !SEEN_IN_MEMORY_ONLY.contains(this);
    }

    /** One line: what the bug is. */
    public String title() {
        return title;
    }

    /**
     * The suites that see this bug for certain; a specimen of it that one of them misses means the
     * harness has lost its teeth. jcstress counts only in the stress run.
     */
    public Set<Suite> mustBeCaughtBy() {
        return mustBeCaughtBy;
    }

    /** A client bug's lesson; null for an implementation bug, whose specimen's source is its lesson. */
    public ClientLesson lesson() {
        return lesson;
    }

    public boolean isClientBug() {
        return kind == BugKind.CLIENT;
    }

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @JsonCreator
    public static Bug of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
