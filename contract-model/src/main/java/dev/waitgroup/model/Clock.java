package dev.waitgroup.model;

/**
 * Where a history's timestamps come from. On real threads it is {@link System#nanoTime()}; a
 * controlled scheduler supplies its own (logical) clock, so that timing rules mean the same there.
 * Values are nanoseconds, only differences are meaningful, and they never decrease.
 */
@FunctionalInterface
public interface Clock {
    Clock SYSTEM = System::nanoTime;

    long nanoTime();
}
