package dev.waitgroup.harness.run;

import dev.waitgroup.catalogue.Check;
import dev.waitgroup.harness.Implementation;

/** A suite's unit of work: one check on one implementation, whose result is one verdict. */
public record CheckUnit(Implementation implementation, Check check) {
    @Override
    public String toString() {
        return check.id() + " on " + implementation.name();
    }
}
