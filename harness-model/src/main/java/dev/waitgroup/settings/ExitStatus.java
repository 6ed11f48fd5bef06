package dev.waitgroup.settings;

/**
 * The exit statuses of every wg-lab program, and the one place a {@code main} turns what its run
 * returned or threw into one of them. Library code never ends the JVM: it returns a status or
 * throws {@link CannotStart}; each {@code main} is {@code System.exit(ExitStatus.of(tool, () -> ...))}.
 */
public final class ExitStatus {
    /** The run happened. For a suite this says nothing of the verdicts: they are the gate's to judge. */
    public static final int RAN = 0;
    /** The gate found reasons to fail the build. */
    public static final int GATE_FAILED = 1;
    /** The run could not start: a setting, a class, a jar or a constructor is wrong (nothing ran). */
    public static final int CANNOT_START = 2;

    /** A main's body: returns its exit status, or throws {@link CannotStart}. */
    @FunctionalInterface
    public interface Body {
        int run() throws Exception;
    }

    private ExitStatus() {
    }

    /**
     * Runs a main's body and returns the status to exit with: what it returned, or
     * {@link #CANNOT_START} after printing every problem to standard error, prefixed with {@code tool}.
     * Anything else it throws propagates: a defect of the harness shows with its stack trace.
     */
    public static int of(String tool, Body body) throws Exception {
        try {
            return body.run();
        } catch (CannotStart e) {
            if (e.problems().size() == 1) {
                System.err.println(tool + ": " + e.problems().get(0));
            } else {
                System.err.println(tool + ": the run cannot start:");
                e.problems().forEach(problem -> System.err.println("  " + problem));
            }
            return CANNOT_START;
        }
    }
}
