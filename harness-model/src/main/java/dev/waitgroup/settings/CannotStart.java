package dev.waitgroup.settings;

import java.util.List;

/**
 * A run that cannot start: a setting, a class name, a jar or a constructor is wrong. Each problem is
 * one line that names what is at fault and what was expected. A {@code main} reports it and exits
 * with {@link ExitStatus#CANNOT_START}; nothing has been run or written by then.
 */
public class CannotStart extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public CannotStart(String problem) {
        this(List.of(problem));
    }

    public CannotStart(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public CannotStart(String problem, Throwable cause) {
        super(problem, cause);
        this.problems = List.of(problem);
    }

    /** Every problem found, one line each. */
    public List<String> problems() {
        return problems;
    }
}
