package dev.waitgroup;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.Objects;

/**
 * One entry of the registry: a WaitGroup class under a short name, with what the harness should
 * expect of it. Built-in entries are created by {@link Implementations}; a plugged-in class gets an
 * entry of kind {@link Kind#PLUGGED_IN} named after its simple name.
 */
public final class Implementation {

    /** How the harness treats an entry. */
    public enum Kind {
        /** A real implementation: must pass every contract check. */
        IMPLEMENTATION,
        /** A deliberately broken one: must be caught by at least one check. */
        SPECIMEN,
        /** A class of the user's, selected by name: judged like an implementation. */
        PLUGGED_IN;

        /** True when a contract failure of this kind fails the build. */
        public boolean mustPass() {
            return this != SPECIMEN;
        }

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    private final String name;
    private final Kind kind;
    private final Class<? extends WaitGroup> type;
    private final Constructor<? extends WaitGroup> constructor;
    private final String summary;
    private final ReuseBehaviour documentedReuse;
    private final BugKind bug;

    Implementation(String name, Kind kind, Class<? extends WaitGroup> type, String summary,
                   ReuseBehaviour documentedReuse, BugKind bug) {
        this.name = Objects.requireNonNull(name, "name");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.type = Objects.requireNonNull(type, "type");
        this.constructor = publicNoArgConstructor(name, type);
        this.summary = Objects.requireNonNull(summary, "summary");
        this.documentedReuse = Objects.requireNonNull(documentedReuse, "documentedReuse");
        if ((kind == Kind.SPECIMEN) != (bug != null)) {
            throw new IllegalArgumentException(name + ": a specimen, and only a specimen, names its kind of bug");
        }
        this.bug = bug;
    }

    private static Constructor<? extends WaitGroup> publicNoArgConstructor(
            String name, Class<? extends WaitGroup> type) {
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            throw new IllegalArgumentException(
                    "wg.impl: " + type.getName() + " is abstract; expected a concrete class implementing "
                            + WaitGroup.class.getName());
        }
        try {
            Constructor<? extends WaitGroup> constructor = type.getConstructor();
            if (!Modifier.isPublic(type.getModifiers())) {
                throw new NoSuchMethodException("class is not public");
            }
            return constructor;
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(
                    "wg.impl: " + type.getName() + " has no public no-argument constructor; expected a public"
                            + " class with one, so that the harness can create a fresh group per check", e);
        }
    }

    /** The short name used by {@code wg.impl}, in results and in the report. */
    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    /**
     * What selects exactly this entry in {@code wg.impl} from another JVM: the registry name, or for a
     * plugged-in class its fully qualified name.
     */
    public String selector() {
        return kind == Kind.PLUGGED_IN ? type.getName() : name;
    }

    public Class<? extends WaitGroup> type() {
        return type;
    }

    /** One line: the idea (implementations) or the bug (specimens). */
    public String summary() {
        return summary;
    }

    /** What the class comment says it does on reuse before the previous await returned. */
    public ReuseBehaviour documentedReuse() {
        return documentedReuse;
    }

    /** A specimen's kind of bug, which says which suites must catch it; null for the others. */
    public BugKind bug() {
        return bug;
    }

    /** A new, zero-count group. */
    public WaitGroup create() {
        try {
            return constructor.newInstance();
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("constructor of " + type.getName() + " threw", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + type.getName(), e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Implementation && ((Implementation) o).type.equals(type)
                && ((Implementation) o).name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + type.hashCode();
    }

    /** The name: what JUnit, jcstress and JMH show for a parameter. */
    @Override
    public String toString() {
        return name;
    }
}
