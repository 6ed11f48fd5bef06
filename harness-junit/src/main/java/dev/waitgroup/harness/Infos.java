package dev.waitgroup.harness;

import dev.waitgroup.Implementation;
import dev.waitgroup.record.ImplementationInfo;
import java.util.Locale;

/** The registry's view of an implementation, as results files record it. */
public final class Infos {
    private Infos() {
    }

    public static ImplementationInfo of(Implementation implementation) {
        return new ImplementationInfo(implementation.name(), implementation.kind().label(),
                implementation.type().getName(), implementation.summary(), id(implementation.documentedReuse()),
                implementation.bug() == null ? null : id(implementation.bug()));
    }

    /** An enum constant as results files spell it: lower case with hyphens. */
    public static String id(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
