package dev.waitgroup.mutation.mutators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.pitest.mutationtest.engine.Location;
import org.pitest.mutationtest.engine.MutationIdentifier;
import org.pitest.mutationtest.engine.gregor.ClassInfo;
import org.pitest.mutationtest.engine.gregor.MethodInfo;
import org.pitest.mutationtest.engine.gregor.MethodMutatorFactory;
import org.pitest.mutationtest.engine.gregor.MutationContext;
import org.pitest.classinfo.ClassName;
import org.pitest.reloc.asm.ClassReader;
import org.pitest.reloc.asm.ClassVisitor;
import org.pitest.reloc.asm.ClassWriter;
import org.pitest.reloc.asm.MethodVisitor;
import org.pitest.reloc.asm.Opcodes;

/**
 * wg-lab's two PIT mutators, applied to real bytecode and run: the mutated class must load (the
 * stack stays balanced) and do what the mutant says.
 */
class MutatorsTest {

    /** What the mutators rewrite. Public, so that the mutated copy can be called through an interface. */
    public static final class Subject implements Calls {
        private static final VarHandle STATE;
        private volatile long state;
        private final Object monitor = new Object();

        static {
            try {
                STATE = MethodHandles.lookup().findVarHandle(Subject.class, "state", long.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        @Override
        public boolean casInt(AtomicInteger value, int expected, int next) {
            return value.compareAndSet(expected, next);
        }

        @Override
        public boolean casLong(AtomicLong value, long expected, long next) {
            return value.compareAndSet(expected, next);
        }

        @Override
        public boolean casHandle(long expected, long next) {
            return STATE.compareAndSet(this, expected, next);
        }

        @Override
        public long state() {
            return state;
        }

        @Override
        public void wakeAll() {
            synchronized (monitor) {
                monitor.notifyAll();
            }
        }
    }

    public interface Calls {
        boolean casInt(AtomicInteger value, int expected, int next);

        boolean casLong(AtomicLong value, long expected, long next);

        boolean casHandle(long expected, long next);

        long state();

        void wakeAll();
    }

    @Test
    void aCompareAndSetBecomesAPlainSetThatAlwaysSucceeds() throws Exception {
        Mutated mutated = mutate(new CasAsPlainSetMutator());
        assertEquals(3, mutated.descriptions.size(), "one mutant per compare-and-set: " + mutated.descriptions);
        Calls calls = mutated.calls;

        AtomicInteger integer = new AtomicInteger(1);
        assertTrue(calls.casInt(integer, 5, 7), "a stale expected value no longer fails");
        assertEquals(7, integer.get(), "and the racing value 1 is overwritten");

        AtomicLong along = new AtomicLong(1);
        assertTrue(calls.casLong(along, 5L, 7L));
        assertEquals(7L, along.get());

        assertTrue(calls.casHandle(5L, 9L), "a VarHandle compare-and-set on a long field, too");
        assertEquals(9L, calls.state());
    }

    @Test
    void theUnmutatedSubjectFailsAStaleCompareAndSet() {
        Subject subject = new Subject();
        AtomicLong along = new AtomicLong(1);
        assertFalse(subject.casLong(along, 5L, 7L));
        assertFalse(subject.casHandle(5L, 9L));
    }

    @Test
    void notifyAllBecomesNotify() throws Exception {
        Mutated mutated = mutate(new SignalOneMutator());
        assertEquals(List.of("replaced notifyAll() with notify(): a release wakes one waiter, not all"),
                mutated.descriptions);
        mutated.calls.wakeAll(); // loads and runs: the monitor is held, so notify() is legal
    }

    @Test
    void signalAllOfAConditionMapsToSignalAndOtherCallsAreLeftAlone() {
        assertEquals("signal", SignalOneMutator.oneFor("java/util/concurrent/locks/Condition", "signalAll", "()V"));
        assertEquals(null, SignalOneMutator.oneFor("java/util/concurrent/locks/Condition", "await", "()V"));
        assertEquals("setState", CasAsPlainSetMutator.setterFor("x/Sync", "compareAndSetState", "(II)Z"));
        assertEquals(null, CasAsPlainSetMutator.setterFor("java/util/concurrent/atomic/AtomicInteger",
                "compareAndExchange", "(II)I"));
    }

    private record Mutated(Calls calls, List<String> descriptions) {
    }

    /** Applies {@code factory} to every mutation point of {@link Subject} and loads the result. */
    private static Mutated mutate(MethodMutatorFactory factory) throws IOException, ReflectiveOperationException {
        ClassReader reader;
        try (InputStream in = Subject.class.getResourceAsStream("MutatorsTest$Subject.class")) {
            reader = new ClassReader(in);
        }
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        List<String> descriptions = new ArrayList<>();
        MutationContext context = new AlwaysMutate(descriptions);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
                MethodInfo method = new MethodInfo().withMethodName(name).withMethodDescriptor(descriptor)
                        .withAccess(access);
                return factory.create(context, method, next);
            }
        }, 0);
        byte[] bytes = writer.toByteArray();
        Class<?> type = new ClassLoader(MutatorsTest.class.getClassLoader()) {
            Class<?> define() {
                return defineClass(Subject.class.getName(), bytes, 0, bytes.length);
            }
        }.define();
        return new Mutated((Calls) type.getDeclaredConstructor().newInstance(), descriptions);
    }

    /** A mutation context that applies every mutation it is offered and remembers its description. */
    private static final class AlwaysMutate implements MutationContext {
        private final List<String> descriptions;

        AlwaysMutate(List<String> descriptions) {
            this.descriptions = descriptions;
        }

        @Override
        public void registerCurrentLine(int line) {
        }

        @Override
        public MutationIdentifier registerMutation(MethodMutatorFactory factory, String description) {
            descriptions.add(description);
            return new MutationIdentifier(Location.location(ClassName.fromString("Subject"), "m", "()V"),
                    descriptions.size(), factory.getGloballyUniqueId());
        }

        @Override
        public ClassInfo getClassInfo() {
            return new ClassInfo(Opcodes.ACC_PUBLIC, "Subject", "java/lang/Object");
        }

        @Override
        public void registerMutation(MutationIdentifier id, String description) {
            descriptions.add(description);
        }

        @Override
        public boolean shouldMutate(MutationIdentifier id) {
            return true;
        }

        @Override
        public void registerNewBlock() {
        }

        @Override
        public void registerNewMethodStart() {
        }
    }
}
