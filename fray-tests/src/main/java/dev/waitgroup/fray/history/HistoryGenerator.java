package dev.waitgroup.fray.history;

import dev.waitgroup.model.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Draws small concurrent histories from the contract's operations, deterministically: history
 * {@code k} of seed {@code s} depends only on {@code (s, k)}, and the first ones are the smallest
 * (2 threads of 1 or 2 calls; then up to 3 threads of 3 calls; from the 16th, up to 4 threads of 4
 * calls), so that the first failing history found is a short one.
 *
 * <p>Two kinds, one third open and two thirds closing:
 * <ul>
 *   <li><b>closing</b>: the main thread adds 0 to 2, shared out among the threads as dones they owe;
 *       no thread does more dones than its own adds and its share, so in every schedule no call is
 *       refused and the counter ends at zero. An untimed {@code await()} then stands only where its
 *       thread has done all it owes: once every thread is there or has ended, the counter is zero, so a
 *       correct group never leaves it waiting. Waits racing releases, rounds reopened by a later
 *       {@code add(1)} while waiters leave, {@code add(0)} in a release, interrupts sent during waits
 *       and pending on entry.</li>
 *   <li><b>open</b>: any counter, near zero or near {@code Integer.MAX_VALUE}; dones and adds race
 *       against the range's refusals; every wait is timed (the virtual clock ends it), so that no
 *       schedule leaves a correct group waiting for a counter that never reaches zero.</li>
 * </ul>
 * Timeouts are 0, 100 µs, 1 ms, 10 ms and 20 ms: up to two hundred reads of Fray's virtual clock, so
 * that they run out while releases are in flight. (A longer one would cost its length in clock reads:
 * AQS and Phaser re-park on every wake-up until the clock passes the deadline, and the clock does not
 * jump for them.) A deadlock a correct group may reach all the same (a refused call, a reuse that a
 * group detects and throws for) is one the model explains; the engine then goes on to the next schedule.
 */
public final class HistoryGenerator {
    private static final long GOLDEN = 0x9E37_79B9_7F4A_7C15L;
    private static final Operation.TimedAwait[] TIMEOUTS = {
        new Operation.TimedAwait(0, TimeUnit.MILLISECONDS),
        new Operation.TimedAwait(100, TimeUnit.MICROSECONDS),
        new Operation.TimedAwait(1, TimeUnit.MILLISECONDS),
        new Operation.TimedAwait(10, TimeUnit.MILLISECONDS),
        new Operation.TimedAwait(20, TimeUnit.MILLISECONDS)};
    private static final Operation.TimedAwait LONG_WAIT = TIMEOUTS[TIMEOUTS.length - 1];

    private HistoryGenerator() {
    }

    /** History {@code index} (from 0) of {@code seed}. */
    public static DrawnHistory draw(long seed, int index) {
        SplittableRandom random = new SplittableRandom(seed * GOLDEN + index * 0xBF58_476D_1CE4_E5B9L + 1);
        int maxThreads = index < 6 ? 2 : index < 16 ? 3 : 4;
        int maxCalls = index < 6 ? 2 : index < 16 ? 3 : 4;
        int threads = 2 + random.nextInt(maxThreads - 1);
        String name = "history-" + index;
        return random.nextInt(3) > 0 ? closing(name, random, threads, maxCalls) : open(name, random, threads, maxCalls);
    }

    private static DrawnHistory closing(String name, SplittableRandom random, int threads, int maxCalls) {
        int initial = random.nextInt(3);
        int[] owed = new int[threads];
        for (int i = 0; i < initial; i++) {
            owed[random.nextInt(threads)]++;
        }
        List<List<DrawnCall>> all = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            List<DrawnCall> calls = new ArrayList<>();
            int balance = 0;          // this thread's adds minus its dones so far
            int target = -owed[t];    // where it ends: it owes owed[t] dones of the main thread's count
            int length = 1 + random.nextInt(maxCalls);
            while (calls.size() < length) {
                int choice = random.nextInt(100);
                if (choice < 28 && balance > target) {
                    calls.add(DrawnCall.of(new Operation.Done()));
                    balance--;
                } else if (choice < 40) {
                    calls.add(DrawnCall.of(new Operation.Add(1)));
                    balance++;
                } else if (choice < 45) {
                    calls.add(DrawnCall.of(new Operation.Add(0)));
                } else if (choice < 50) {
                    calls.add(DrawnCall.of(new Operation.Count()));
                } else if (choice < 70) {
                    calls.add(DrawnCall.of(timeout(random)));
                } else if (choice < 84) {
                    // untimed only where nothing this thread still owes can keep the counter up
                    calls.add(DrawnCall.of(balance == target ? new Operation.Await() : LONG_WAIT));
                } else if (choice < 90) {
                    calls.add(new DrawnCall(random.nextBoolean() ? new Operation.Await() : LONG_WAIT, true));
                } else if (choice < 95) {
                    calls.add(DrawnCall.of(new Operation.SelfInterrupt()));
                    calls.add(DrawnCall.of(random.nextBoolean() ? new Operation.Await() : timeout(random)));
                } else {
                    calls.add(DrawnCall.of(new Operation.Go(1, Operation.Executors.INLINE, 0)));
                }
            }
            for (; balance > target; balance--) {
                calls.add(DrawnCall.of(new Operation.Done()));
            }
            if (random.nextInt(3) == 0) {
                calls.add(DrawnCall.of(new Operation.Await()));
            }
            all.add(calls);
        }
        return new DrawnHistory(name, initial, all);
    }

    private static DrawnHistory open(String name, SplittableRandom random, int threads, int maxCalls) {
        int[] initials = {0, 1, 2, Integer.MAX_VALUE - 1, Integer.MAX_VALUE};
        int initial = initials[random.nextInt(initials.length)];
        List<List<DrawnCall>> all = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            List<DrawnCall> calls = new ArrayList<>();
            int length = 1 + random.nextInt(maxCalls);
            while (calls.size() < length) {
                int choice = random.nextInt(100);
                if (choice < 26) {
                    calls.add(DrawnCall.of(new Operation.Done()));
                } else if (choice < 44) {
                    calls.add(DrawnCall.of(new Operation.Add(1)));
                } else if (choice < 48) {
                    calls.add(DrawnCall.of(new Operation.Add(0)));
                } else if (choice < 53) {
                    calls.add(DrawnCall.of(new Operation.Add(random.nextBoolean() ? 2 : -2)));
                } else if (choice < 60) {
                    calls.add(DrawnCall.of(new Operation.Count()));
                } else if (choice < 86) {
                    calls.add(DrawnCall.of(timeout(random)));
                } else if (choice < 91) {
                    calls.add(DrawnCall.of(new Operation.SelfInterrupt()));
                    calls.add(DrawnCall.of(timeout(random)));
                } else if (choice < 96) {
                    calls.add(new DrawnCall(LONG_WAIT, true));
                } else {
                    calls.add(DrawnCall.of(new Operation.Add(random.nextBoolean() ? Integer.MAX_VALUE : Integer.MIN_VALUE)));
                }
            }
            all.add(calls);
        }
        return new DrawnHistory(name, initial, all);
    }

    private static Operation.TimedAwait timeout(SplittableRandom random) {
        return TIMEOUTS[random.nextInt(TIMEOUTS.length)];
    }
}
