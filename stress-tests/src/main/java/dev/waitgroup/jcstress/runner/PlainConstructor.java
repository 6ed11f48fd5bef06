package dev.waitgroup.jcstress.runner;

import java.lang.invoke.MethodHandles;
import java.lang.reflect.Modifier;
import java.util.function.Supplier;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * {@code () -> new T()} for a class known only at run time, as plain bytecode in an ordinary class.
 *
 * <p>Why not reflection, a method handle or {@code T::new}: Lincheck's model checker sees only objects
 * created by a {@code new} instruction in code it instruments. An object made by {@code
 * Constructor.newInstance}, a method handle or a lambda's hidden class is unknown to it, and it
 * explores no interleavings on that object's fields: a lost update on such a group is "not reached",
 * a false memory-model label. This class writes, once per type, a small class beside {@code T} (same
 * package, same class loader) whose {@code get()} is {@code return new T();}; it is defined as an
 * ordinary class, so the agent instruments it like any other.
 *
 * <p>Measured: two racing {@code done()} on the {@code lost-update} specimen, created by reflection
 * or by a method reference, were "not reached" in 2,000 invocations; created through this factory,
 * reached in the first few.
 */
final class PlainConstructor {
    private static final String SUFFIX = "$$WgLabNew";

    private PlainConstructor() {
    }

    /** A factory for {@code type}, which must have a public or package-private no-argument constructor. */
    @SuppressWarnings("unchecked")
    static <T> Supplier<T> of(Class<T> type) {
        try {
            type.getDeclaredConstructor();
            if (Modifier.isPrivate(type.getDeclaredConstructor().getModifiers())) {
                throw new IllegalArgumentException(type.getName() + " has a private no-argument constructor");
            }
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            Class<?> factory;
            try {
                factory = Class.forName(type.getName() + SUFFIX, true, type.getClassLoader());
            } catch (ClassNotFoundException notYet) {
                factory = lookup.defineClass(bytecode(type));
            }
            return (Supplier<T>) factory.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalArgumentException("cannot write a plain constructor call for " + type.getName() + ": " + e, e);
        }
    }

    private static byte[] bytecode(Class<?> type) {
        String target = Type.getInternalName(type);
        String self = target + SUFFIX;
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SYNTHETIC, self, null,
                "java/lang/Object", new String[] {"java/util/function/Supplier"});

        MethodVisitor init = writer.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();

        MethodVisitor get = writer.visitMethod(Opcodes.ACC_PUBLIC, "get", "()Ljava/lang/Object;", null, null);
        get.visitCode();
        get.visitTypeInsn(Opcodes.NEW, target);
        get.visitInsn(Opcodes.DUP);
        get.visitMethodInsn(Opcodes.INVOKESPECIAL, target, "<init>", "()V", false);
        get.visitInsn(Opcodes.ARETURN);
        get.visitMaxs(0, 0);
        get.visitEnd();

        writer.visitEnd();
        return writer.toByteArray();
    }
}
