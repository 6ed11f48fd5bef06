package dev.waitgroup.model;

/**
 * Who scheduled the threads of a run, which decides what a history's timestamps prove.
 *
 * <p>Either way the window {@code [invoked, responded]} of every event contains the real call, so
 * the order of operations and the counter's values are judged the same. What differs is lateness:
 * how long a call may take before that alone is a verdict.
 */
public enum Scheduling {
    /**
     * The operating system ran the threads, timestamped by a real clock. A call late by more than the
     * history's {@link Slack} is a verdict (a wait that was released returns within the slack, a timed
     * wait returns by its deadline plus the slack, a call that cannot block returns within the slack),
     * unless the run itself went unscheduled for more than half the slack (then the verdict is
     * inconclusive). A timed await that gives up decides on the counter at its deadline.
     */
    OPERATING_SYSTEM,
    /**
     * A controlled scheduler (Fray) ran one thread at a time, timestamped by its logical clock, the
     * clock the code under test reads too (Fray's virtual clock advances 100 µs per read and jumps to
     * the next deadline when every thread is blocked). Timestamps order events exactly, but they bound
     * no lateness: the scheduler may hold a thread back for as long as it likes, so no slack applies and
     * a call is late only if it never returns, which is what a history ending with calls that did not
     * return means here (the run ended in a deadlock: no thread could move again). For the same reason
     * a timed await that gives up may have read the counter at any instant of its call before the
     * clock passed its deadline: {@code false} is wrong only where the counter was zero at every
     * instant the await could have read it. Nor is a {@code false} judged early (timeout-early): a
     * controlled runtime's timed waits may keep time of their own (Fray 0.9.2 rounds the time left of
     * each {@code Condition.awaitNanos} down to whole milliseconds, and wakes waits spuriously about
     * half the time, so a wait that loops on {@code awaitNanos}, as the JDK's own pattern does, can give
     * up milliseconds early on the clock the history reads).
     */
    CONTROLLED
}
