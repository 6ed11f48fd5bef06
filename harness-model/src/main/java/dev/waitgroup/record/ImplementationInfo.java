package dev.waitgroup.record;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.waitgroup.catalogue.Bug;
import dev.waitgroup.catalogue.ImplementationKind;
import dev.waitgroup.catalogue.Lesson;
import dev.waitgroup.catalogue.ReuseBehaviour;
import java.util.Objects;

/**
 * A WaitGroup as a suite checked it.
 *
 * @param name            the short name used in results and the report ({@code aqs}; a plugged-in
 *                        class's simple name)
 * @param kind            implementation, plugged-in or specimen
 * @param className       the class
 * @param selector        what selects exactly this one in {@code wg.impl}: the registry name, or a
 *                        plugged-in class's full name
 * @param classpath       the {@code wg.classpath} it was found on; empty for built-in ones
 * @param summary         one line: the idea (implementations) or the bug (specimens)
 * @param documentedReuse what its class comment promises on reuse before the previous await returned
 * @param bug             a specimen's bug; null otherwise
 * @param lesson          a specimen's lesson: its class comment and code; null otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImplementationInfo(String name, ImplementationKind kind, String className, String selector,
                                 String classpath, String summary, ReuseBehaviour documentedReuse, Bug bug,
                                 Lesson lesson) {

    public ImplementationInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        classpath = classpath == null ? "" : classpath;
        documentedReuse = documentedReuse == null ? ReuseBehaviour.UNKNOWN : documentedReuse;
    }

    @JsonIgnore
    public boolean isSpecimen() {
        return kind == ImplementationKind.SPECIMEN;
    }
}
