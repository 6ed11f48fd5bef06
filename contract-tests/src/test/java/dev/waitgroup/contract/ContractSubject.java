package dev.waitgroup.contract;

import dev.waitgroup.Implementation;
import dev.waitgroup.Implementations;
import java.util.List;

/** A test class whose instances check one implementation of the run's {@code wg.impl} selection. */
interface ContractSubject {
    Implementation implementation();

    /** The argument source of every parameterized contract class. */
    static List<Implementation> selected() {
        return Implementations.selected();
    }
}
