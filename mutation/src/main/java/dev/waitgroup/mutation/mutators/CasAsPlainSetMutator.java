package dev.waitgroup.mutation.mutators;

import org.pitest.mutationtest.engine.MutationIdentifier;
import org.pitest.mutationtest.engine.gregor.MethodInfo;
import org.pitest.mutationtest.engine.gregor.MethodMutatorFactory;
import org.pitest.mutationtest.engine.gregor.MutationContext;
import org.pitest.reloc.asm.MethodVisitor;
import org.pitest.reloc.asm.Opcodes;
import org.pitest.reloc.asm.Type;

/**
 * A PIT mutator for the lost update: a compare-and-set becomes a plain (volatile) set that always
 * "succeeds". {@code x.compareAndSet(expected, next)} on an {@code AtomicInteger}, {@code AtomicLong}
 * or {@code AtomicReference}, and {@code HANDLE.compareAndSet(obj, expected, next)} on a
 * {@code VarHandle}, become {@code set(next)} / {@code setVolatile(obj, next)} followed by
 * {@code true}: the retry loop around it no longer notices a racing update, which it overwrites.
 * {@code compareAndSetState} of an {@code AbstractQueuedSynchronizer} becomes {@code setState}.
 *
 * <p>The rewrite drops {@code expected} from the operand stack, under {@code next}: {@code SWAP, POP}
 * for one-slot values, {@code DUP2_X2, POP2, POP2} for {@code long}s; then calls the setter with the
 * same receiver and pushes {@code true}.
 */
public final class CasAsPlainSetMutator implements MethodMutatorFactory {
    static final String ID = "WG_CAS_AS_SET";

    @Override
    public MethodVisitor create(MutationContext context, MethodInfo method, MethodVisitor next) {
        return new MethodVisitor(Opcodes.ASM9, next) {
            @Override
            public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
                String setter = setterFor(owner, name, descriptor);
                if (setter != null) {
                    MutationIdentifier id = context.registerMutation(CasAsPlainSetMutator.this,
                            "replaced " + simple(owner) + "." + name + " with a plain " + setter
                                    + ": a racing update is overwritten");
                    if (context.shouldMutate(id)) {
                        Type[] arguments = Type.getArgumentTypes(descriptor);
                        Type value = arguments[arguments.length - 1];
                        if (value.getSize() == 2) {
                            super.visitInsn(Opcodes.DUP2_X2);
                            super.visitInsn(Opcodes.POP2);
                            super.visitInsn(Opcodes.POP2);
                        } else {
                            super.visitInsn(Opcodes.SWAP);
                            super.visitInsn(Opcodes.POP);
                        }
                        super.visitMethodInsn(opcode, owner, setter, setterDescriptor(arguments), isInterface);
                        super.visitInsn(Opcodes.ICONST_1);
                        return;
                    }
                }
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            }
        };
    }

    /** The setter that replaces a compare-and-set call; null for any other call. */
    static String setterFor(String owner, String name, String descriptor) {
        if (name.equals("compareAndSetState") && (descriptor.equals("(II)Z") || descriptor.equals("(JJ)Z"))) {
            return "setState"; // AbstractQueuedSynchronizer and its long twin
        }
        if (!name.equals("compareAndSet") || !descriptor.endsWith(")Z")) {
            return null;
        }
        Type[] arguments = Type.getArgumentTypes(descriptor);
        if (arguments.length < 2 || !arguments[arguments.length - 1].equals(arguments[arguments.length - 2])) {
            return null;
        }
        switch (owner) {
            case "java/util/concurrent/atomic/AtomicInteger":
            case "java/util/concurrent/atomic/AtomicLong":
            case "java/util/concurrent/atomic/AtomicReference":
            case "java/util/concurrent/atomic/AtomicBoolean":
                return "set";
            case "java/lang/invoke/VarHandle":
                return "setVolatile";
            default:
                return null;
        }
    }

    /** The setter's descriptor: the compare-and-set's arguments without {@code expected}, returning void. */
    static String setterDescriptor(Type[] arguments) {
        Type[] kept = new Type[arguments.length - 1];
        System.arraycopy(arguments, 0, kept, 0, arguments.length - 2);
        kept[kept.length - 1] = arguments[arguments.length - 1];
        return Type.getMethodDescriptor(Type.VOID_TYPE, kept);
    }

    private static String simple(String owner) {
        return owner.substring(owner.lastIndexOf('/') + 1);
    }

    @Override
    public String getGloballyUniqueId() {
        return ID;
    }

    @Override
    public String getName() {
        return ID;
    }

    @Override
    public String description() {
        return "compareAndSet(expected, next) -> set(next); true";
    }
}
