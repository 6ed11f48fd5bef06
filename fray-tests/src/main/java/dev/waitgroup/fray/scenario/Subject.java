package dev.waitgroup.fray.scenario;

import dev.waitgroup.WaitGroup;
import dev.waitgroup.catalogue.ReuseBehaviour;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;

/**
 * The WaitGroup under test: a class with a public no-argument constructor, and what it promises to do
 * when it is reused before the previous round's waiters returned.
 *
 * @param type  the class; each scenario execution makes a new instance
 * @param reuse its documented reuse behaviour ({@link ReuseBehaviour#UNKNOWN} for a plugged-in class)
 */
public record Subject(Class<? extends WaitGroup> type, ReuseBehaviour reuse) {

    /**
     * Loads {@code className} with {@code loader} and checks that it is a usable WaitGroup.
     *
     * @throws IllegalArgumentException naming the class and what is wrong with it
     */
    public static Subject load(String className, ClassLoader loader, ReuseBehaviour reuse) {
        Class<?> type;
        try {
            type = Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalArgumentException("no class " + className + " on the class path: " + e, e);
        }
        if (!WaitGroup.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException(className + " does not implement " + WaitGroup.class.getName());
        }
        try {
            type.getConstructor();
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(className + " has no public no-argument constructor", e);
        }
        return new Subject(type.asSubclass(WaitGroup.class), reuse);
    }

    /** A new group: the subject's no-argument constructor. */
    public WaitGroup newGroup() {
        try {
            Constructor<? extends WaitGroup> constructor = type.getConstructor();
            return constructor.newInstance();
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(type.getName() + "'s constructor threw " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + type.getName() + ": " + e, e);
        }
    }
}
