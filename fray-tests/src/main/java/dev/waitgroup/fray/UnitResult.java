package dev.waitgroup.fray;

import java.util.Properties;

/**
 * What exploring one unit of a Fray check (a race, or a drawn history) came to, as the child JVM
 * writes it ({@code result.properties}, {@link ResultFile}) and the engine reads it back.
 *
 * @param unit        the unit's name: {@code racing-dones-near-zero}, {@code history-7}
 * @param status      see {@link Status}
 * @param schedules   schedules run to a verdict without a failure (set-aside ones and explained deadlocks
 *                    not counted)
 * @param failedAt    the failing schedule's index for the unit's seed (from 0), or -1
 * @param rule        the rule of the contract the failing history breaks ({@code release}), or empty
 * @param sentence    the model's sentence about it, or empty
 * @param deadlock    whether Fray found every thread blocked in the failing schedule
 * @param setAside    schedules whose outcome was Fray's own doing (its Semaphore model), not counted
 * @param explained   schedules that ended in a deadlock the contract allows (a wait for a counter that a
 *                    refusal left above zero), counted as passed
 * @param cutShort    whether Fray's time limit ended the exploration before its schedules were run
 * @param millis      the unit's time in the child JVM (shrinking and replay included)
 * @param reason      for {@link Status#NOT_RUN} and {@link Status#ERROR}: one sentence why; else empty
 * @param history     a drawn history's encoding ({@code DrawnHistory.encode}) as it failed, shrunk; else empty
 * @param original    a shrunk history's encoding before shrinking; else empty
 * @param shrinkRuns  candidate histories run while shrinking
 * @param replayed    whether replaying the failing schedule's recording failed again by the same rule
 *                    ({@code true}/{@code false}), or empty when there was nothing to replay
 */
public record UnitResult(String unit, Status status, int schedules, int failedAt, String rule, String sentence,
                         boolean deadlock, int setAside, int explained, boolean cutShort, long millis, String reason,
                         String history, String original, int shrinkRuns, String replayed) {

    /** How a unit ended. */
    public enum Status {
        /** Every schedule of the budget (or of Fray's time) gave a history the model explains. */
        PASSED,
        /** A schedule gave a history the model does not explain; its recording replays it. */
        FAILED,
        /** Fray could not run this unit on this implementation; {@code reason} says why. */
        NOT_RUN,
        /** The unit could not be judged: Fray, the scenario or the child JVM failed; {@code reason} says how. */
        ERROR
    }

    /** A unit Fray did not run, with the reason. */
    static UnitResult notRun(String unit, String reason) {
        return new UnitResult(unit, Status.NOT_RUN, 0, -1, "", "", false, 0, 0, false, 0, reason, "", "", 0, "");
    }

    /** A unit that could not be judged, with the reason. */
    static UnitResult error(String unit, String reason) {
        return new UnitResult(unit, Status.ERROR, 0, -1, "", "", false, 0, 0, false, 0, reason, "", "", 0, "");
    }

    public boolean failed() {
        return status == Status.FAILED;
    }

    /** This result with its time. */
    UnitResult took(long newMillis) {
        return new UnitResult(unit, status, schedules, failedAt, rule, sentence, deadlock, setAside, explained, cutShort,
                newMillis, reason, history, original, shrinkRuns, replayed);
    }

    /** This result as the child writes it. */
    Properties properties() {
        Properties p = new Properties();
        p.setProperty("unit", unit);
        p.setProperty("status", status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        p.setProperty("schedules", Integer.toString(schedules));
        p.setProperty("failedAt", Integer.toString(failedAt));
        p.setProperty("rule", rule);
        p.setProperty("sentence", sentence);
        p.setProperty("deadlock", Boolean.toString(deadlock));
        p.setProperty("setAside", Integer.toString(setAside));
        p.setProperty("explained", Integer.toString(explained));
        p.setProperty("cutShort", Boolean.toString(cutShort));
        p.setProperty("millis", Long.toString(millis));
        p.setProperty("reason", reason);
        p.setProperty("history", history);
        p.setProperty("original", original);
        p.setProperty("shrinkRuns", Integer.toString(shrinkRuns));
        p.setProperty("replayed", replayed);
        return p;
    }

    /**
     * The result the child wrote.
     *
     * @throws IllegalArgumentException if {@code p} is not one
     */
    static UnitResult of(Properties p) {
        try {
            return new UnitResult(p.getProperty("unit", ""),
                    Status.valueOf(p.getProperty("status", "error").toUpperCase(java.util.Locale.ROOT).replace('-', '_')),
                    Integer.parseInt(p.getProperty("schedules", "0")), Integer.parseInt(p.getProperty("failedAt", "-1")),
                    p.getProperty("rule", ""), p.getProperty("sentence", ""),
                    Boolean.parseBoolean(p.getProperty("deadlock", "false")),
                    Integer.parseInt(p.getProperty("setAside", "0")), Integer.parseInt(p.getProperty("explained", "0")),
                    Boolean.parseBoolean(p.getProperty("cutShort", "false")), Long.parseLong(p.getProperty("millis", "0")),
                    p.getProperty("reason", ""), p.getProperty("history", ""), p.getProperty("original", ""),
                    Integer.parseInt(p.getProperty("shrinkRuns", "0")), p.getProperty("replayed", ""));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a unit result: " + p + " (" + e.getMessage() + ")", e);
        }
    }
}
