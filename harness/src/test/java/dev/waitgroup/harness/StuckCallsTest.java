package dev.waitgroup.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * A timeout verdict needs a call that did not return: a thread parked in a call the check made is
 * one; a thread the implementation runs on its own is not, nor is a thread that keeps making calls
 * that return.
 */
class StuckCallsTest {
    /** The implementation under test: one call that never returns, one that returns at once, and its own thread. */
    static final class Group {
        final AtomicLong counter = new AtomicLong();

        void neverReturns() {
            while (true) {
                LockSupport.park(this);
            }
        }

        long returnsAtOnce() {
            return counter.incrementAndGet();
        }

        void startOwnThread(CountDownLatch started) {
            Thread reporter = new Thread(() -> {
                started.countDown();
                while (true) {
                    LockSupport.park(this);
                }
            }, "group-reporter");
            reporter.setDaemon(true);
            reporter.start();
        }
    }

    @Test
    void aParkedCallIsStuckButTheGroupsOwnThreadAndReturningCallsAreNot() throws Exception {
        Group group = new Group();
        CountDownLatch started = new CountDownLatch(1);
        group.startOwnThread(started);
        started.await();
        Thread stuck = daemon("checker-stuck", group::neverReturns);
        Thread busy = daemon("checker-busy", () -> {
            while (true) {
                group.returnsAtOnce();
            }
        });
        stuck.start();
        busy.start();
        while (stuck.getState() != Thread.State.WAITING) {
            Thread.onSpinWait();
        }

        List<String> calls = StuckCalls.inThisJvm(info -> info.getThreadName().startsWith("checker-")
                || info.getThreadName().equals("group-reporter"), Group.class.getName());

        assertEquals(1, calls.size(), calls.toString());
        assertTrue(calls.get(0).startsWith("\"checker-stuck\" is WAITING in " + Group.class.getName() + ".neverReturns("),
                calls.get(0));
        assertTrue(calls.get(0).contains("called from " + StuckCallsTest.class.getName()), calls.get(0));
    }

    @Test
    void readsJcmdDumpsToo() {
        String dump = "\"wg-check x\" #21 daemon prio=5 os_prio=0 cpu=1.0ms elapsed=9.0s tid=0x1 nid=0x2 waiting [0x3]\n"
                + "   java.lang.Thread.State: WAITING (parking)\n"
                + "\tat jdk.internal.misc.Unsafe.park(java.base@17.0.15/Native Method)\n"
                + "\tat com.acme.X.add(X.java:16)\n"
                + "\tat dev.waitgroup.contract.SomeChecks.lambda$check$0(SomeChecks.java:40)\n"
                + "\tat java.lang.Thread.run(java.base@17.0.15/Thread.java:840)\n\n"
                + "\"acme-reporter\" #22 prio=5 os_prio=0 cpu=1.0ms elapsed=9.0s tid=0x4 nid=0x5 waiting [0x6]\n"
                + "   java.lang.Thread.State: TIMED_WAITING (sleeping)\n"
                + "\tat java.lang.Thread.sleep(java.base@17.0.15/Native Method)\n"
                + "\tat com.acme.X.lambda$new$0(X.java:19)\n"
                + "\tat java.lang.Thread.run(java.base@17.0.15/Thread.java:840)\n";

        assertEquals(List.of("\"wg-check x\" is WAITING in com.acme.X.add(X.java:16), called from"
                + " dev.waitgroup.contract.SomeChecks.lambda$check$0(SomeChecks.java:40)"),
                StuckCalls.acrossDumps(List.of(dump, dump), "com.acme.X"));
        assertEquals(List.of(), StuckCalls.acrossDumps(List.of(dump), "com.acme.X"), "one dump proves nothing");
    }

    private static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }
}
