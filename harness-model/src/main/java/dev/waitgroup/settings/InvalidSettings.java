package dev.waitgroup.settings;

import java.util.List;

/** One or more properties could not be accepted; the message names each one and what it accepts. */
public final class InvalidSettings extends CannotStart {
    private static final long serialVersionUID = 1L;

    InvalidSettings(List<String> problems) {
        super(problems);
    }
}
