package dev.waitgroup.harness;

import dev.waitgroup.WaitGroup;
import dev.waitgroup.catalogue.Bug;
import dev.waitgroup.catalogue.ImplementationKind;
import dev.waitgroup.catalogue.Lesson;
import dev.waitgroup.catalogue.ReuseBehaviour;
import dev.waitgroup.record.ImplementationInfo;
import dev.waitgroup.settings.CannotStart;
import dev.waitgroup.settings.Property;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.Objects;

/**
 * One WaitGroup the harness can check: a class under a short name, with what the harness should
 * expect of it. Built-in entries come from {@link Implementations}; a plugged-in class gets an entry
 * of kind {@link ImplementationKind#PLUGGED_IN} named after its simple name.
 */
public final class Implementation {
    private final String name;
    private final ImplementationKind kind;
    private final Class<? extends WaitGroup> type;
    private final Constructor<? extends WaitGroup> constructor;
    private final String summary;
    private final ReuseBehaviour documentedReuse;
    private final Bug bug;
    private final String classpath;

    Implementation(String name, ImplementationKind kind, Class<? extends WaitGroup> type, String summary,
                   ReuseBehaviour documentedReuse, Bug bug, String classpath) {
        this.name = Objects.requireNonNull(name, "name");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.type = Objects.requireNonNull(type, "type");
        this.constructor = publicNoArgConstructor(type);
        this.summary = Objects.requireNonNull(summary, "summary");
        this.documentedReuse = Objects.requireNonNull(documentedReuse, "documentedReuse");
        if ((kind == ImplementationKind.SPECIMEN) != (bug != null)) {
            throw new IllegalArgumentException(name + ": a specimen, and only a specimen, names its bug");
        }
        this.bug = bug;
        this.classpath = classpath == null ? "" : classpath;
    }

    private static Constructor<? extends WaitGroup> publicNoArgConstructor(Class<? extends WaitGroup> type) {
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            throw new CannotStart(Property.IMPL.key() + ": " + type.getName()
                    + " is abstract; expected a concrete class implementing " + WaitGroup.class.getName());
        }
        try {
            Constructor<? extends WaitGroup> constructor = type.getConstructor();
            if (!Modifier.isPublic(type.getModifiers())) {
                throw new NoSuchMethodException("class is not public");
            }
            return constructor;
        } catch (NoSuchMethodException e) {
            throw new CannotStart(Property.IMPL.key() + ": " + type.getName()
                    + " has no public no-argument constructor; expected a public class with one, so that the"
                    + " harness can create a fresh group per check", e);
        }
    }

    /** The short name used in results and in the report. */
    public String name() {
        return name;
    }

    public ImplementationKind kind() {
        return kind;
    }

    /** What selects exactly this entry in {@code wg.impl}: the registry name, or a plugged-in class's full name. */
    public String selector() {
        return kind == ImplementationKind.PLUGGED_IN ? type.getName() : name;
    }

    public Class<? extends WaitGroup> type() {
        return type;
    }

    /** One line: the idea (implementations) or the bug (specimens). */
    public String summary() {
        return summary;
    }

    /** What the class comment promises on reuse before the previous await returned. */
    public ReuseBehaviour documentedReuse() {
        return documentedReuse;
    }

    /** A specimen's bug; null for the others. */
    public Bug bug() {
        return bug;
    }

    /** The jars or folders a plugged-in class was found in; empty for built-in ones. */
    public String classpath() {
        return classpath;
    }

    /** A new, zero-count group. */
    public WaitGroup create() {
        try {
            return constructor.newInstance();
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("the constructor of " + type.getName() + " threw " + e.getCause(),
                    e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + type.getName() + ": " + e, e);
        }
    }

    /** The entry as results files record it; a specimen carries its lesson (its class comment and code). */
    public ImplementationInfo info() {
        Lesson lesson = kind == ImplementationKind.SPECIMEN ? JavaSource.lessonOf(type) : null;
        return new ImplementationInfo(name, kind, type.getName(), selector(), classpath, summary, documentedReuse, bug,
                lesson);
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
