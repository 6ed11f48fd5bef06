package dev.waitgroup.model;

/**
 * The rules of the WaitGroup contract a history can break, each with where it comes from. A
 * {@link Verdict.Violation} names one, and says which operation broke it and how.
 */
public enum Rule {
    COUNTER_RANGE("counter-range",
            "add refuses, with IllegalStateException and the counter unchanged, exactly the deltas that would take the"
                    + " counter out of 0..Integer.MAX_VALUE (Go: \"negative WaitGroup counter\"; the project's contract)"),
    COUNT_VALUE("count-value", "count() returns the counter as it was at some instant of the call"),
    AWAIT_ON_ZERO("await-on-zero",
            "await returns normally only if the counter was zero at some instant of the call (Go: \"Wait blocks until the"
                    + " WaitGroup counter is zero\")"),
    RELEASE("release",
            "when the counter reaches zero every waiter of the round is released (Go: \"all goroutines blocked on Wait are"
                    + " released\"); it returns within the slack"),
    TIMEOUT_EARLY("timeout-early",
            "a timed await returns false only once its timeout has elapsed (CountDownLatch.await: \"If the specified"
                    + " waiting time elapses then the value false is returned\")"),
    TIMEOUT_TRUE("timeout-true",
            "a timed await returns true if its round ended before its deadline (on real threads, more than the"
                    + " slack before it), and at once on a zero counter"),
    DEADLINE("deadline", "a timed await returns by its deadline plus the slack, whatever happens to the counter"),
    INTERRUPT_ON_ENTRY("interrupt-on-entry",
            "await entered with the interrupt status set throws InterruptedException, whatever the counter"
                    + " (CountDownLatch.await)"),
    INTERRUPT_KEPT("interrupt-kept",
            "an interrupt is never swallowed: a call that returns normally leaves a pending interrupt status set"),
    INTERRUPT_CLEARED("interrupt-cleared", "await that throws InterruptedException clears the interrupt status"),
    INTERRUPT_CAUSE("interrupt-cause", "await throws InterruptedException only if the thread was interrupted"),
    INTERRUPT_ANSWERED("interrupt-answered",
            "a waiting await answers an interrupt: it throws InterruptedException (or returns, if released), within the slack"),
    PROMPT("prompt", "add, done, count and go never block: they return within the slack"),
    EXCEPTION("exception",
            "only the documented exceptions: IllegalStateException from add, InterruptedException from await, and from go"
                    + " whatever its executor threw"),
    GO("go", "go(executor, task) counts the task before the executor gets it, and passes on what the executor throws"),
    REUSE("reuse",
            "a group reused before every await of the previous round returned does what it documents"
                    + " (generation-safe, detects and throws, or waits for the new round)");

    private final String id;
    private final String statement;

    Rule(String id, String statement) {
        this.id = id;
        this.statement = statement;
    }

    /** A short, stable identifier, e.g. {@code timeout-early}. */
    public String id() {
        return id;
    }

    /** The rule in one sentence, with its source. */
    public String statement() {
        return statement;
    }
}
