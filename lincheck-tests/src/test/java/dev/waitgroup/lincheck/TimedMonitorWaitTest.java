package dev.waitgroup.lincheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.waitgroup.WaitGroup;
import dev.waitgroup.impl.AqsWaitGroup;
import dev.waitgroup.impl.CasSpinWaitGroup;
import dev.waitgroup.impl.GoWaitGroup;
import dev.waitgroup.impl.LockConditionWaitGroup;
import dev.waitgroup.impl.PhaserWaitGroup;
import dev.waitgroup.lincheck.TimedMonitorWait.Wait;
import dev.waitgroup.specimen.DeadlineOverflowWaitGroup;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Where a WaitGroup waits decides whether Lincheck can model check it: seen on real threads. */
class TimedMonitorWaitTest {

    /** Correct, on a monitor: an untimed wait() for await(), a timed one for await(timeout). */
    public static class MonitorGroup implements WaitGroup {
        private int count;
        private long round;

        @Override
        public synchronized void add(int delta) {
            long next = (long) count + delta;
            if (next < 0 || next > Integer.MAX_VALUE) {
                throw new IllegalStateException("out of range");
            }
            count = (int) next;
            if (count == 0 && delta < 0) {
                round++;
                notifyAll();
            }
        }

        @Override
        public synchronized void await() throws InterruptedException {
            long mine = round;
            while (count != 0 && round == mine) {
                wait();
            }
        }

        @Override
        public synchronized boolean await(long timeout, TimeUnit unit) throws InterruptedException {
            long mine = round;
            long remaining = unit.toNanos(timeout);
            long deadline = System.nanoTime() + remaining;
            while (count != 0 && round == mine) {
                if (remaining <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, remaining);
                remaining = deadline - System.nanoTime();
            }
            return true;
        }

        @Override
        public synchronized int count() {
            return count;
        }
    }

    /** The same, but await() is await(Long.MAX_VALUE, NANOSECONDS): a timed monitor wait too. */
    public static final class TimedOnlyMonitorGroup extends MonitorGroup {
        @Override
        public void await() throws InterruptedException {
            await(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
        }
    }

    /** Waits by spinning on a volatile counter: never blocks. */
    public static final class SpinningGroup implements WaitGroup {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public void add(int delta) {
            count.addAndGet(delta);
        }

        @Override
        public void await() {
            while (count.get() != 0) {
                Thread.onSpinWait();
            }
        }

        @Override
        public boolean await(long timeout, TimeUnit unit) {
            await();
            return true;
        }

        @Override
        public int count() {
            return count.get();
        }
    }

    @Test
    void aTimedMonitorWaitIsSeenWhereTheGroupCallsIt() throws InterruptedException {
        Optional<String> seen = TimedMonitorWait.of(MonitorGroup::new, Wait.HUGE_TIMEOUT);
        assertTrue(seen.isPresent() && seen.get().startsWith(MonitorGroup.class.getName() + ".await("), seen.toString());
    }

    @Test
    void anUntimedMonitorWaitIsOneLincheckModels() throws InterruptedException {
        assertEquals(Optional.empty(), TimedMonitorWait.of(MonitorGroup::new, Wait.UNTIMED));
    }

    @Test
    void anUntimedAwaitThatIsATimedMonitorWaitIsSeen() throws InterruptedException {
        assertTrue(TimedMonitorWait.of(TimedOnlyMonitorGroup::new, Wait.UNTIMED).isPresent());
    }

    @Test
    void groupsThatParkAreNotMonitorWaiters() throws InterruptedException {
        List<Supplier<WaitGroup>> parking = List.of(AqsWaitGroup::new, PhaserWaitGroup::new,
                LockConditionWaitGroup::new, CasSpinWaitGroup::new, GoWaitGroup::new);
        for (Supplier<WaitGroup> groups : parking) {
            for (Wait wait : Wait.values()) {
                assertEquals(Optional.empty(), TimedMonitorWait.of(groups, wait), groups.get() + " " + wait.call());
            }
        }
    }

    @Test
    void aSpinningWaiterIsLeftToLincheck() throws InterruptedException {
        assertEquals(Optional.empty(), TimedMonitorWait.of(SpinningGroup::new, Wait.HUGE_TIMEOUT),
                "it uses its processor time without blocking: a spinner, not a monitor waiter");
    }

    /** Model checking judges such a group: this one returns false at once, which Lincheck then shows. */
    @Test
    void aWaitThatReturnsAtOnceIsNotAMonitorWaiter() throws InterruptedException {
        assertEquals(Optional.empty(), TimedMonitorWait.of(DeadlineOverflowWaitGroup::new, Wait.HUGE_TIMEOUT));
    }

    @Test
    void theThreadsStateAndInnermostFrameDecide() {
        StackTraceElement[] jdk17 = {
            frame("java.lang.Object", "wait", null, -2),
            frame("java.lang.Object", "wait", "Object.java", 472),
            frame("java.util.concurrent.TimeUnit", "timedWait", "TimeUnit.java", 410),
            frame("com.acme.Group", "await", "Group.java", 50),
        };
        StackTraceElement[] jdk21 = {
            frame("java.lang.Object", "wait0", null, -2),
            frame("java.lang.Object", "wait", "Object.java", 366),
            frame("com.acme.Group", "await", "Group.java", 51),
        };
        StackTraceElement[] parked = {
            frame("jdk.internal.misc.Unsafe", "park", null, -2),
            frame("java.util.concurrent.locks.LockSupport", "parkNanos", "LockSupport.java", 252),
            frame("com.acme.Group", "await", "Group.java", 52),
        };
        Thread.State timed = Thread.State.TIMED_WAITING;
        assertEquals(Optional.of("com.acme.Group.await(Group.java:50)"), TimedMonitorWait.timedMonitorWait(timed, jdk17, timed));
        assertEquals(Optional.of("com.acme.Group.await(Group.java:51)"), TimedMonitorWait.timedMonitorWait(timed, jdk21, timed));
        assertEquals(Optional.empty(), TimedMonitorWait.timedMonitorWait(timed, parked, timed));
        assertEquals(Optional.empty(), TimedMonitorWait.timedMonitorWait(Thread.State.WAITING, jdk17, Thread.State.WAITING),
                "an untimed wait");
        assertEquals(Optional.empty(), TimedMonitorWait.timedMonitorWait(timed, jdk17, Thread.State.RUNNABLE),
                "left the wait while its frames were taken");
        assertEquals(Optional.empty(), TimedMonitorWait.timedMonitorWait(timed, new StackTraceElement[0], timed));
    }

    private static StackTraceElement frame(String type, String method, String file, int line) {
        return new StackTraceElement(type, method, file, line);
    }
}
