package dev.waitgroup.record;

import dev.waitgroup.catalogue.Check;
import java.util.Objects;

/**
 * One entry of a suite's manifest: a verdict the suite promised before it ran. The gate fails,
 * naming it, when the promised verdict is missing, whatever the reason (a crashed VM, a kill, a
 * skipped module).
 */
public record Expected(String implementation, Check check) {
    public Expected {
        Objects.requireNonNull(implementation, "implementation");
        Objects.requireNonNull(check, "check");
    }
}
