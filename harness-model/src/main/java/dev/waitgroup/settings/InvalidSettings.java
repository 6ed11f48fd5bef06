package dev.waitgroup.settings;

import java.util.List;

/** One or more properties could not be accepted; the message names each one and what it accepts. */
public final class InvalidSettings extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    InvalidSettings(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
