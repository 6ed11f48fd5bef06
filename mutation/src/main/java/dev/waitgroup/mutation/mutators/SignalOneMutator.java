package dev.waitgroup.mutation.mutators;

import org.pitest.mutationtest.engine.MutationIdentifier;
import org.pitest.mutationtest.engine.gregor.MethodInfo;
import org.pitest.mutationtest.engine.gregor.MethodMutatorFactory;
import org.pitest.mutationtest.engine.gregor.MutationContext;
import org.pitest.reloc.asm.MethodVisitor;
import org.pitest.reloc.asm.Opcodes;

/**
 * A PIT mutator for the classic wake-up bug: {@code signalAll()} becomes {@code signal()} and
 * {@code notifyAll()} becomes {@code notify()}, so that a release wakes one waiter of several. PIT's
 * own mutators remove such a call, which a single waiter already notices; waking one of several
 * survives every check that waits with one thread.
 */
public final class SignalOneMutator implements MethodMutatorFactory {
    static final String ID = "WG_SIGNAL_ONE";

    @Override
    public MethodVisitor create(MutationContext context, MethodInfo method, MethodVisitor next) {
        return new MethodVisitor(Opcodes.ASM9, next) {
            @Override
            public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
                String one = oneFor(owner, name, descriptor);
                if (one != null) {
                    MutationIdentifier id = context.registerMutation(SignalOneMutator.this,
                            "replaced " + name + "() with " + one + "(): a release wakes one waiter, not all");
                    if (context.shouldMutate(id)) {
                        super.visitMethodInsn(opcode, owner, one, descriptor, isInterface);
                        return;
                    }
                }
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            }
        };
    }

    /** The wake-one call for a wake-all call; null for any other call. */
    static String oneFor(String owner, String name, String descriptor) {
        if (!descriptor.equals("()V")) {
            return null;
        }
        if (name.equals("signalAll") && owner.equals("java/util/concurrent/locks/Condition")) {
            return "signal";
        }
        if (name.equals("notifyAll")) {
            return "notify";
        }
        return null;
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
        return "signalAll() -> signal(), notifyAll() -> notify()";
    }
}
