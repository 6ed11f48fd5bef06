package dev.waitgroup.contract;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jol.vm.VM;

/**
 * What an object keeps alive: every object reachable from it through instance fields and array
 * elements, with their sizes (JOL's, as this JVM lays them out). Threads, thread groups, classes and
 * class loaders are where the walk stops: a waiter node legitimately names its thread, and the
 * thread's own graph is not the group's memory.
 *
 * <p>The walk reads JDK classes' private fields, so the test JVM opens {@code java.util.concurrent}
 * and its subpackages to this code; a field it still cannot read is skipped.
 */
record RetainedMemory(long objects, long bytes, Map<String, Long> bytesByClass) {
    private static final int MAX_OBJECTS = 5_000_000;

    static {
        // JOL first asks the Serviceability Agent (a JVM process of its own) and the attach API for the
        // object layout, which it also reads through Unsafe: 1.5 s of the check's bound in every test JVM,
        // measured, for the same sizes (the agent cannot attach where ptrace is restricted anyway).
        System.setProperty("jol.skipHotspotSAAttach", "true");
        System.setProperty("jol.skipDynamicAttach", "true");
    }

    static RetainedMemory of(Object root) {
        Map<Object, Boolean> seen = new IdentityHashMap<>();
        Deque<Object> todo = new ArrayDeque<>();
        Map<String, Long> byClass = new TreeMap<>();
        seen.put(root, Boolean.TRUE);
        todo.add(root);
        long objects = 0;
        long bytes = 0;
        while (!todo.isEmpty() && objects < MAX_OBJECTS) {
            Object object = todo.poll();
            long size = VM.current().sizeOf(object);
            objects++;
            bytes += size;
            byClass.merge(object.getClass().getName(), size, Long::sum);
            Class<?> type = object.getClass();
            if (type.isArray()) {
                if (!type.getComponentType().isPrimitive()) {
                    for (Object element : (Object[]) object) {
                        visit(element, seen, todo);
                    }
                }
                continue;
            }
            for (Class<?> c = type; c != null; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()
                            || !field.trySetAccessible()) {
                        continue;
                    }
                    try {
                        visit(field.get(object), seen, todo);
                    } catch (IllegalAccessException unreadable) {
                        // skipped, as the class comment says
                    }
                }
            }
        }
        return new RetainedMemory(objects, bytes, byClass);
    }

    private static void visit(Object object, Map<Object, Boolean> seen, Deque<Object> todo) {
        if (object == null || object instanceof Thread || object instanceof ThreadGroup || object instanceof Class
                || object instanceof ClassLoader) {
            return;
        }
        if (seen.put(object, Boolean.TRUE) == null) {
            todo.add(object);
        }
    }

    /** The class that holds the most of it, for the failure message. */
    String largest() {
        return bytesByClass.entrySet().stream().max(Map.Entry.comparingByValue())
                .map(e -> e.getKey() + " holds " + e.getValue() + " bytes").orElse("nothing");
    }

    @Override
    public String toString() {
        return bytes + " bytes in " + objects + " objects";
    }
}
