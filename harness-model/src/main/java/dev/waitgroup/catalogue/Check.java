package dev.waitgroup.catalogue;

import static dev.waitgroup.catalogue.Category.CONTRACT;
import static dev.waitgroup.catalogue.Category.DEMONSTRATION;
import static dev.waitgroup.catalogue.Category.MISUSE;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The check catalogue: every check of the harness, declared once.
 *
 * <p>A check is one property of a WaitGroup (or one misuse to reproduce) with a stable id (the
 * constant's name in kebab case: {@code NEGATIVE_REFUSED} is {@code negative-refused}), a title that
 * states the property, its category, the suites that look at it (a property seen two ways, say by
 * the contract suite and by jcstress, is one check), which implementations it applies to, what the
 * gate reads from it beyond pass and fail, and the bugs it catches. A suite marks the code that runs
 * a check with {@link HarnessCheck}; results files, the report and the gate speak only of these
 * constants. Adding a check is one constant here and its test in a suite.
 */
public enum Check {
    // ---- The contract suite: scripted, deterministic ------------------------------------------
    NEW_GROUP_IS_ZERO(spec(CONTRACT, "A new group's counter is zero, and await() on it returns at once")
            .in(Suite.CONTRACT)),
    SEQUENTIAL_SEMANTICS(spec(CONTRACT, "add and done change the counter by exactly their delta")
            .in(Suite.CONTRACT)),
    ADD_ZERO_IS_NO_OP(spec(CONTRACT, "add(0) changes nothing: no count, and no release of a waiter")
            .in(Suite.CONTRACT)),
    NEGATIVE_REFUSED(spec(CONTRACT, "A negative counter is refused with IllegalStateException, the counter unchanged")
            .in(Suite.CONTRACT).catches(Bug.NEGATIVE_COUNTER)),
    OVERFLOW_REFUSED(spec(CONTRACT, "A counter past Integer.MAX_VALUE is refused, the counter unchanged")
            .in(Suite.CONTRACT)),
    AWAIT_BLOCKS_UNTIL_ZERO(spec(CONTRACT, "await() blocks while the counter is above zero and returns when it reaches zero")
            .in(Suite.CONTRACT)),
    RELEASE_BY_NEGATIVE_ADD(spec(CONTRACT, "add(-n) that brings the counter to zero releases the waiter, as done() would")
            .in(Suite.CONTRACT)),
    TIMED_AWAIT_TIMES_OUT(spec(CONTRACT, "await(timeout) returns false when the time elapses, at once for a zero or negative timeout")
            .in(Suite.CONTRACT)),
    TIMED_AWAIT_RELEASED(spec(CONTRACT, "await(timeout) returns true when the counter reaches zero in time")
            .in(Suite.CONTRACT)),
    TIMED_AWAIT_RELEASED_AS_IT_STARTS(spec(CONTRACT, "await(timeout) released while it is still starting (before it parks) returns true")
            .in(Suite.CONTRACT)),
    TIMED_AWAIT_SHORT_TIMEOUTS(spec(CONTRACT, "Sub-millisecond timeouts (1 ns, 1 µs, 999 µs) time out promptly, never \"wait forever\"")
            .in(Suite.CONTRACT).catches(Bug.MILLISECOND_TIMEOUT)),
    TIMED_AWAIT_HUGE_TIMEOUTS(spec(CONTRACT, "await(Long.MAX_VALUE, unit) waits in every TimeUnit and returns true on release")
            .in(Suite.CONTRACT).catches(Bug.DEADLINE_OVERFLOW)),
    EVERY_WAITER_RELEASED(spec(CONTRACT, "Reaching zero releases every waiter, not just one")
            .in(Suite.CONTRACT, Suite.JCSTRESS).catches(Bug.SIGNAL_ONE)),
    GO_BARRIER(spec(CONTRACT, "Go's TestWaitGroup: 16 threads, 8 rounds, no thread passes the gate too soon")
            .in(Suite.CONTRACT)),
    REUSE_ROUNDS(spec(CONTRACT, "A group is reusable once every await of the round returned: 100 rounds")
            .in(Suite.CONTRACT)),
    CONCURRENT_ADD_DONE(spec(CONTRACT, "80,000 racing add(1)/done() pairs lose no update")
            .in(Suite.CONTRACT).catches(Bug.LOST_UPDATE)),
    RACING_DONES_ONE_REFUSED(spec(CONTRACT, "Of two racing done() on a counter of 1, exactly one is refused")
            .in(Suite.CONTRACT, Suite.JCSTRESS).catches(Bug.CHECK_THEN_ACT, Bug.NEGATIVE_COUNTER)),
    DONE_HAPPENS_BEFORE_AWAIT(spec(CONTRACT, "Everything before done() is visible after the await() it releases")
            .in(Suite.CONTRACT, Suite.JCSTRESS).catches(Bug.DATA_RACE, Bug.PLAIN_FAST_PATH)),
    INTERRUPTED_AWAIT(spec(CONTRACT, "An interrupt while waiting throws InterruptedException and leaves the counter unchanged")
            .in(Suite.CONTRACT)),
    INTERRUPT_PENDING_ON_ENTRY(spec(CONTRACT, "await() entered with the interrupt status set throws InterruptedException, whatever the counter")
            .in(Suite.CONTRACT).catches(Bug.LOST_INTERRUPT)),
    GAVE_UP_WAITER_LEAVES_NOTHING(spec(CONTRACT, "A waiter that timed out or was interrupted leaves no wake-up behind for a later waiter")
            .in(Suite.CONTRACT).catches(Bug.GAVE_UP_WAITER_COUNTED)),
    GIVING_UP_LEAVES_OTHERS_WAITING(spec(CONTRACT, "A waiter that gives up leaves the other waiters of its round waiting, and the release reaches them")
            .in(Suite.CONTRACT)),
    NO_LEAK_ON_TIMED_OUT_AWAITS(spec(CONTRACT, "20,000 timed-out awaits on an open round leave the group's retained memory bounded")
            .in(Suite.CONTRACT).catches(Bug.WAITER_LEAK)),
    STRAY_UNPARK_IGNORED(spec(CONTRACT, "await() returns only at zero, even when its thread is unparked by someone else")
            .in(Suite.CONTRACT).catches(Bug.STRAY_WAKE_UP)),
    POLLING_AWAIT_SEES_RELEASE(spec(CONTRACT, "A loop polling await(0, NANOSECONDS) sees the release and ends")
            .in(Suite.CONTRACT, Suite.JCSTRESS).catches(Bug.DATA_RACE)),
    OLD_ROUND_WAITER_RETURNS(spec(CONTRACT, "Generation-safe: a waiter of round 1 returns though round 2 began, even one that"
            + " arrived while the round changed").in(Suite.CONTRACT).applies(Applies.GENERATION_SAFE_CLAIM)
            .catches(Bug.STALE_ROUND)),
    GO_COUNTS_BEFORE_START(spec(CONTRACT, "go(...) counts the task before it starts: await() never returns before the work")
            .in(Suite.CONTRACT, Suite.JCSTRESS)),
    GO_THROWING_TASK(spec(CONTRACT, "A task that throws is counted down, and its exception reaches the thread's handler")
            .in(Suite.CONTRACT)),
    GO_REJECTED(spec(CONTRACT, "A task the executor rejects is not left counted, and the rejection is rethrown")
            .in(Suite.CONTRACT)),
    GO_INLINE_THROWING(spec(CONTRACT, "A task that an inline executor runs and that throws is counted down exactly once")
            .in(Suite.CONTRACT)),
    GO_NEW_THREAD(spec(CONTRACT, "go(task) runs the task on a new thread, a virtual one from Java 21")
            .in(Suite.CONTRACT)),
    GO_MANY(spec(CONTRACT, "go(pool, task) counts every one of 10,000 tasks")
            .in(Suite.CONTRACT)),
    DEMO_ADD_INSIDE_GOROUTINE(spec(DEMONSTRATION, "Shown: the task that counts itself lets await() return before the work began")
            .in(Suite.CONTRACT).applies(Applies.NOT_SPECIMENS).catches(Bug.ADD_INSIDE_GOROUTINE)),
    DEMO_FORGOTTEN_DONE(spec(DEMONSTRATION, "Shown: a task that forgets done() leaves await() blocked")
            .in(Suite.CONTRACT).applies(Applies.NOT_SPECIMENS).catches(Bug.FORGOTTEN_DONE)),
    REUSE_BEFORE_WAIT_RETURNED(spec(MISUSE, "Round 2 starts while round 1's parked waiter is being woken: what happens to it")
            .in(Suite.CONTRACT).applies(Applies.NOT_SPECIMENS).claim(Claim.REUSE_BEHAVIOUR)
            .catches(Bug.REUSE_BEFORE_WAIT_RETURNED)),
    ADD_CONCURRENT_WITH_WAIT(spec(MISUSE, "add(1) races with the done() that releases a waiter: is it noticed?")
            .in(Suite.CONTRACT).applies(Applies.NOT_SPECIMENS).catches(Bug.ADD_CONCURRENT_WITH_WAIT)),

    // ---- jcstress: races on this CPU and JIT --------------------------------------------------
    AWAIT_ON_ZERO_NEVER_BLOCKS(spec(CONTRACT, "await() on a zero counter returns without any release")
            .in(Suite.JCSTRESS)),
    RELEASING_ADD_HAPPENS_BEFORE_AWAIT(spec(CONTRACT, "add(-2) that reaches zero happens-before the await() it releases")
            .in(Suite.JCSTRESS).catches(Bug.DATA_RACE, Bug.PLAIN_FAST_PATH)),
    ZERO_AWAIT_HAPPENS_BEFORE(spec(CONTRACT, "await(0) that finds the counter at zero sees the writes made before done()")
            .in(Suite.JCSTRESS).catches(Bug.PLAIN_FAST_PATH, Bug.DATA_RACE)),
    LATE_RELEASE_KEEPS_NEXT_ROUND(spec(CONTRACT, "The release of round one never releases a waiter of round two")
            .in(Suite.JCSTRESS)),
    NO_LOST_WAKE_UP(spec(CONTRACT, "done() racing with await() always releases it")
            .in(Suite.JCSTRESS).catches(Bug.LOST_WAKE_UP, Bug.DATA_RACE)),
    NO_LOST_WAKE_UP_TIMED(spec(CONTRACT, "await(timeout) racing with done() is always released")
            .in(Suite.JCSTRESS).catches(Bug.LOST_WAKE_UP)),
    RACING_ADD_AND_DONE(spec(CONTRACT, "add(1) racing with done() on a counter of 1 leaves it at 1")
            .in(Suite.JCSTRESS).catches(Bug.LOST_UPDATE)),
    RACING_DONES_LOSE_NO_UPDATE(spec(CONTRACT, "Two racing done() on a counter of 2 leave it at 0")
            .in(Suite.JCSTRESS).catches(Bug.LOST_UPDATE)),
    ERROR_GROUP_FIRST_FAILURE(spec(CONTRACT, "ErrorGroup: of two racing failures exactly one is the first")
            .in(Suite.JCSTRESS)),
    ERROR_GROUP_FAILURE_HAPPENS_BEFORE_AWAIT(spec(CONTRACT, "ErrorGroup: a failure seen by await() comes with everything the task did before it")
            .in(Suite.JCSTRESS)),
    ADD_INSIDE_GOROUTINE(spec(MISUSE, "The task calls add(1) itself: await() can return before the work began")
            .in(Suite.JCSTRESS).claim(Claim.SHOWS_BUG_IN_STRESS).catches(Bug.ADD_INSIDE_GOROUTINE)),
    FORGOTTEN_DONE(spec(MISUSE, "One of two tasks forgets done(): the waiter never returns (shown with a 100 µs bound)")
            .in(Suite.JCSTRESS).catches(Bug.FORGOTTEN_DONE)),
    RACED_REUSE(spec(MISUSE, "Round 2 starts the instant round 1 ends, raced: where does round 1's waiter come out?")
            .in(Suite.JCSTRESS).catches(Bug.REUSE_BEFORE_WAIT_RETURNED)),

    // ---- Lincheck: linearizability, interleavings explored ------------------------------------
    MC_RANDOM(spec(CONTRACT, "Random scenarios of add, done, count and await(0) are linearizable (model checking)")
            .in(Suite.LINCHECK).catches(Bug.LOST_UPDATE, Bug.CHECK_THEN_ACT)),
    STRESS_RANDOM(spec(CONTRACT, "Random scenarios of add, done, count and await(0) are linearizable (stress)")
            .in(Suite.LINCHECK).waitsForEveryCall().catches(Bug.LOST_UPDATE, Bug.CHECK_THEN_ACT)),
    MC_RACING_DONES(spec(CONTRACT, "add(1); two threads call done(): exactly one is refused and the counter ends at zero")
            .in(Suite.LINCHECK).catches(Bug.CHECK_THEN_ACT, Bug.LOST_UPDATE)),
    MC_TWO_WORKERS_ONE_WAITER(spec(CONTRACT, "add(2); two workers call done() while a third thread awaits")
            .in(Suite.LINCHECK).catches(Bug.LOST_WAKE_UP)),
    MC_TWO_WAITERS(spec(CONTRACT, "add(1); two threads await while a third calls done(): both are released")
            .in(Suite.LINCHECK).catches(Bug.SIGNAL_ONE, Bug.LOST_WAKE_UP)),
    MC_RELEASE_BY_ADD_MINUS_TWO(spec(CONTRACT, "add(2); one thread awaits while another releases with add(-2)")
            .in(Suite.LINCHECK)),
    MC_SECOND_ROUND(spec(CONTRACT, "A second round after the first await returned")
            .in(Suite.LINCHECK)),
    MC_RACING_ROUNDS(spec(CONTRACT, "Two tasks add(1) then done(), racing, so that rounds open and close under a waiter")
            .in(Suite.LINCHECK).applies(Applies.REUSE_NOT_REFUSED)),
    MC_LATE_RELEASE(spec(CONTRACT, "The release of round one may still run when round two's await begins")
            .in(Suite.LINCHECK)),
    MC_GO_HAND_OFF(spec(CONTRACT, "A task started with go(...) on another thread is awaited")
            .in(Suite.LINCHECK)),
    MC_ADD_ZERO_DURING_RELEASE(spec(CONTRACT, "add(0) racing with the releasing done() changes nothing, in every window")
            .in(Suite.LINCHECK).catches(Bug.ADD_ZERO_RELEASES)),
    MC_INTERRUPTED_WHILE_WAITING(spec(CONTRACT, "An interrupt while waiting throws InterruptedException with the status"
            + " cleared, the counter unchanged, in every interleaving (model checking)")
            .in(Suite.LINCHECK)),
    MC_INTERRUPT_RACING_RELEASE(spec(CONTRACT, "An interrupt racing the release: the waiter throws InterruptedException"
            + " or returns with its interrupt status still set, never with it lost (model checking)")
            .in(Suite.LINCHECK).catches(Bug.LOST_INTERRUPT)),
    MC_INTERRUPT_PENDING_ON_ENTRY(spec(CONTRACT, "await() entered with the interrupt status set throws InterruptedException,"
            + " in every interleaving with the release (model checking)")
            .in(Suite.LINCHECK).catches(Bug.LOST_INTERRUPT)),
    MC_INTERRUPTED_WAITER_THEN_NEXT_ROUND(spec(CONTRACT, "A waiter interrupted as its round ends keeps the interrupt"
            + " (throws, or returns with the status set) and leaves no wake-up behind: the next round's await(0) is"
            + " false (model checking)")
            .in(Suite.LINCHECK).catches(Bug.GAVE_UP_WAITER_COUNTED)),
    MC_HUGE_TIMEOUT(spec(CONTRACT, "await(Long.MAX_VALUE, NANOSECONDS) racing the release returns true, never false:"
            + " a timeout that cannot expire is no timeout (model checking)")
            .in(Suite.LINCHECK).catches(Bug.DEADLINE_OVERFLOW)),
    MC_POLL_THEN_WAIT(spec(CONTRACT, "A thread whose await(0) gave up is still released from its next await()"
            + " (model checking)")
            .in(Suite.LINCHECK).catches(Bug.REUSED_WAITER_NODE)),
    MC_POLL_THEN_NEXT_ROUND(spec(CONTRACT, "An await(0) that gave up leaves no wake-up behind: the next round's"
            + " await(0) is false (model checking)")
            .in(Suite.LINCHECK).catches(Bug.GAVE_UP_WAITER_COUNTED)),
    MC_ERROR_GROUP(spec(CONTRACT, "ErrorGroup's first failure and cancellation are linearizable")
            .in(Suite.LINCHECK).applies(Applies.NOT_SPECIMENS)),
    MC_REUSE_BEFORE_WAIT_RETURNED(spec(MISUSE, "Reuse before Wait returned, every interleaving explored: is it noticed?")
            .in(Suite.LINCHECK).applies(Applies.NOT_SPECIMENS).claim(Claim.DETECTS_MISUSE)
            .catches(Bug.REUSE_BEFORE_WAIT_RETURNED)),
    MC_ADD_CONCURRENT_WITH_WAIT(spec(MISUSE, "Add concurrent with Wait, every interleaving explored: is it noticed?")
            .in(Suite.LINCHECK).applies(Applies.NOT_SPECIMENS).claim(Claim.DETECTS_MISUSE)
            .catches(Bug.ADD_CONCURRENT_WITH_WAIT)),

    // ---- Exploration: the contract itself, no bug named ----------------------------------------
    EXPLORE_SEQUENTIAL(spec(CONTRACT, "Histories of one thread and helper threads, drawn from the whole API (every delta,"
            + " every timeout in every unit, interrupts, go(...) on executors that run, defer and reject), are what the"
            + " contract allows").in(Suite.EXPLORATION)),
    EXPLORE_CONCURRENT(spec(CONTRACT, "Histories of two and three threads calling at once are what the contract allows")
            .in(Suite.EXPLORATION)),
    EXPLORE_ROUNDS(spec(CONTRACT, "Many legal rounds on one group, and waits again after a wait that gave up, are what the"
            + " contract allows").in(Suite.EXPLORATION)),

    // ---- Fray: the contract under a controlled scheduler, no bug named -------------------------
    FRAY_RACES(spec(CONTRACT, "Seven races at the edges of the contract (dones racing near zero, await racing the release,"
            + " two waiters and one release, a round handed over while its waiters leave, a timed wait giving up during"
            + " the release, an interrupt during the release, adds and dones near Integer.MAX_VALUE), each under many"
            + " schedules, are what the contract allows").in(Suite.FRAY)),
    FRAY_HISTORIES(spec(CONTRACT, "Histories of two to four threads drawn from the contract's operations (adds, dones,"
            + " counts, waits timed and untimed, interrupts), each under many schedules, are what the contract allows")
            .in(Suite.FRAY));

    private final Category category;
    private final String title;
    private final Set<Suite> suites;
    private final Applies applies;
    private final Claim claim;
    private final Set<Bug> catches;
    private final boolean waitsForEveryCall;

    Check(Spec spec) {
        if (spec.suites.isEmpty()) {
            throw new IllegalStateException(name() + " names no suite");
        }
        this.category = spec.category;
        this.title = spec.title;
        this.suites = Set.copyOf(spec.suites);
        this.applies = spec.applies;
        this.claim = spec.claim;
        this.catches = Set.copyOf(spec.catches);
        this.waitsForEveryCall = spec.waitsForEveryCall;
    }

    /** The stable id: the constant's name in kebab case. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public Category category() {
        return category;
    }

    /** The property, as a sentence. */
    public String title() {
        return title;
    }

    /** The suites that look at this check. */
    public Set<Suite> suites() {
        return suites;
    }

    public Applies applies() {
        return applies;
    }

    public Claim claim() {
        return claim;
    }

    /** The bugs this check is designed to catch (a check may catch others too). */
    public Set<Bug> catches() {
        return catches;
    }

    /**
     * Whether the engine that runs this check in {@code suite} waits for every call it makes into the
     * implementation, so that a call that never returns hangs it (jcstress's actors, Lincheck's stress
     * threads): such a check is not run on an implementation the probe found hanging.
     */
    public boolean waitsForEveryCall(Suite suite) {
        return suite.waitsForEveryCall() || waitsForEveryCall;
    }

    /** The check with this id, if the catalogue has one. */
    @JsonCreator
    public static Check of(String id) {
        return byId(id).orElseThrow(() -> new IllegalArgumentException("unknown check '" + id + "'"));
    }

    public static Optional<Check> byId(String id) {
        for (Check check : values()) {
            if (check.id().equals(id)) {
                return Optional.of(check);
            }
        }
        return Optional.empty();
    }

    /** Every check a suite runs, in catalogue order. */
    public static List<Check> of(Suite suite) {
        List<Check> checks = new ArrayList<>();
        for (Check check : values()) {
            if (check.suites.contains(suite)) {
                checks.add(check);
            }
        }
        return checks;
    }

    private static Spec spec(Category category, String title) {
        return new Spec(category, title);
    }

    /** The attributes of a check while its constant is being declared. */
    private static final class Spec {
        final Category category;
        final String title;
        final Set<Suite> suites = EnumSet.noneOf(Suite.class);
        Applies applies = Applies.EVERY;
        Claim claim = Claim.NONE;
        boolean waitsForEveryCall;
        final Set<Bug> catches = EnumSet.noneOf(Bug.class);

        Spec(Category category, String title) {
            this.category = category;
            this.title = title;
        }

        Spec in(Suite... suites) {
            this.suites.addAll(List.of(suites));
            return this;
        }

        Spec applies(Applies applies) {
            this.applies = applies;
            return this;
        }

        Spec waitsForEveryCall() {
            this.waitsForEveryCall = true;
            return this;
        }

        Spec claim(Claim claim) {
            this.claim = claim;
            return this;
        }

        Spec catches(Bug... bugs) {
            this.catches.addAll(List.of(bugs));
            return this;
        }
    }
}
