package dev.waitgroup.specimen;

import dev.waitgroup.WaitGroup;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * SPECIMEN, deliberately broken. Bug: <b>a waiter that gave up still counts</b>.
 *
 * <p>Waiters register ({@code waiters++}) and sleep on a semaphore; the release hands out one permit
 * per registered waiter, as Go's WaitGroup does. But a waiter that times out, or is interrupted,
 * walks away without withdrawing its registration. The release then hands a permit to nobody, and
 * the permit stays in the semaphore: the next round's waiter takes it and returns at once, while its
 * own round is still open, so the client reads results that are not there yet. Nothing goes wrong
 * until someone uses a timeout, which is why it survives simple tests.
 *
 * <p>Caught by: the contract suite's {@code gave-up-waiter-leaves-nothing}. Fix: a waiter that gives
 * up withdraws its registration under the same guard the release reads it with, and if the release
 * counted it already, takes the permit meant for it (as {@code GoWaitGroup} does).
 */
public final class StrayPermitWaitGroup implements WaitGroup {
    private final Semaphore wakeUps = new Semaphore(0);
    private int count;   // guarded by this
    private int waiters; // guarded by this

    @Override
    public void add(int delta) {
        int release = 0;
        synchronized (this) {
            count = nextCount(count, delta);
            if (count == 0 && delta < 0) {
                release = waiters;
                waiters = 0;
            }
        }
        wakeUps.release(release);
    }

    @Override
    public void await() throws InterruptedException {
        if (register()) {
            wakeUps.acquire();                  // interrupted: the registration stays behind
        }
    }

    @Override
    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        return !register() || wakeUps.tryAcquire(timeout, unit); // timed out: so does it
    }

    private synchronized boolean register() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        if (count == 0) {
            return false;
        }
        waiters++;
        return true;
    }

    @Override
    public synchronized int count() {
        return count;
    }

    @Override
    public synchronized String toString() {
        return "StrayPermitWaitGroup[count=" + count + ", waiters=" + waiters + ", permits=" + wakeUps.availablePermits() + "]";
    }

    /** {@code count + delta}, refused outside {@code 0..Integer.MAX_VALUE} as every WaitGroup must. */
    private static int nextCount(int count, int delta) {
        long next = (long) count + delta;
        if (next < 0) {
            throw new IllegalStateException("negative WaitGroup counter: " + count + " + (" + delta + ") < 0");
        }
        if (next > Integer.MAX_VALUE) {
            throw new IllegalStateException("WaitGroup counter overflow: " + count + " + " + delta
                    + " > Integer.MAX_VALUE");
        }
        return (int) next;
    }
}
