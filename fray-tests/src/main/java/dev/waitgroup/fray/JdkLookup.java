package dev.waitgroup.fray;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The answer of {@link FrayJdk#find()}: the JDK 25 to instrument, or why there is none.
 *
 * @param jdk       the home of a JDK 25 that has {@code bin/jlink} and a run-time image, if one was found
 * @param lookedIn  every place looked at, each with what was found there, in the order looked
 */
public record JdkLookup(Optional<Path> jdk, List<String> lookedIn) {
    public JdkLookup {
        lookedIn = List.copyOf(lookedIn);
    }

    public boolean found() {
        return jdk.isPresent();
    }

    /** One sentence for a verdict: where the JDK is, or "not run: no JDK 25 found; looked in ...". */
    public String describe() {
        return jdk.map(home -> "JDK 25 at " + home)
                .orElse("not run: no JDK 25 found; looked in " + String.join(", ", lookedIn));
    }
}
