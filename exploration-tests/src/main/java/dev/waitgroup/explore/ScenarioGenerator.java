package dev.waitgroup.explore;

import dev.waitgroup.model.Operation;
import dev.waitgroup.model.Operation.Executors;
import dev.waitgroup.model.SequentialWaitGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Draws scenarios from the whole input space of the WaitGroup API, deterministically from a seed.
 *
 * <p>Scenario {@code k} of seed {@code s} depends only on {@code (s, k)}, so a budget of more
 * histories explores a superset, and a failing scenario is named by its seed and index.
 *
 * <p>A sequential scenario follows a <i>plan</i>: the counter the sequential model predicts once every
 * helper action set in motion so far has run. The plan chooses values that matter where the counter
 * is: deltas at the edges of {@code 0..Integer.MAX_VALUE} from where it stands (to zero, one below,
 * to the top, one above), and untimed or huge timed waits only where a release is on its way, so that
 * a correct group never waits for nothing. Timeouts cover the long range in every unit: both
 * extremes, zero, negative, sub-millisecond and ordinary; those that really elapse are at most 100 ms
 * (but for a wait amid changes, below).
 * Interrupts land before entry, while waiting, and racing a release; a timed wait on a counter no
 * planned change brings to zero, which an interrupt will reach while it waits, has half the time a
 * timeout of seconds that only the interrupt cuts short.
 *
 * <p>Where a bug can only show in a waiter that has parked, or in a wait that outlives its deadline,
 * the scenario does not leave it to the machine's speed: most releases of an untimed wait come
 * {@linkplain Step.WhenDriversWait once the driver waits} (the others race it, after a delay), and a
 * timed wait {@linkplain Step.AwaitAmidChanges amid changes of the counter} has them for as long as it
 * lasts, so a wait that does not end at its deadline overruns it by more than any slack.
 *
 * <p>A concurrent scenario has two or three drivers with a few calls each, and tight loops of calls
 * that make races on the counter likely; their waits are timed, except in the third of them that
 * begin with every driver but the first counting itself in and waiting, and a release once all wait.
 */
public final class ScenarioGenerator {
    private static final long GOLDEN = 0x9E37_79B9_7F4A_7C15L;
    private static final TimeUnit[] UNITS = TimeUnit.values();
    /** When the plan expects a release arranged for when the driver waits: it parks, is seen waiting, is released. */
    private static final long WAITING_RELEASE_DUE_MILLIS = 2;

    private final Budget budget;

    public ScenarioGenerator(Budget budget) {
        this.budget = budget;
    }

    /** Scenario {@code index} of {@code seed}. */
    public Scenario scenario(long seed, int index) {
        SplittableRandom random = new SplittableRandom(seed * GOLDEN + index * 0xBF58_476D_1CE4_E5B9L + 1);
        if (random.nextInt(100) < budget.concurrentPercent()) {
            return concurrent(random);
        }
        return new Plan(random).sequential();
    }

    /**
     * The scenario of many rounds on one group, each an add(1), a done() and an await(): the budget's
     * rounds by the driver alone, a tenth of them handed off to another thread, a hundredth after a
     * wait that gave up, and a fiftieth with two waiters whose release is aimed at the deadline of one of
     * them; then a round whose wait runs out amid changes of the counter.
     */
    public Scenario rounds() {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step.Rounds(budget.rounds(), Step.Round.OWN_DONE));
        steps.add(new Step.Rounds(Math.max(1, budget.rounds() / 10), Step.Round.HANDED_OFF));
        steps.add(new Step.Rounds(Math.max(1, budget.rounds() / 100), Step.Round.AFTER_A_WAIT_GAVE_UP));
        steps.add(new Step.Rounds(Math.max(1, budget.rounds() / 50), Step.Round.RELEASED_AS_IT_GIVES_UP));
        steps.add(Step.Call.of(new Operation.Add(1)));
        steps.add(new Step.AwaitAmidChanges(5));
        steps.add(Step.Call.of(new Operation.Done()));
        return new Scenario(List.of(steps));
    }

    private final class Plan {
        final SplittableRandom random;
        final List<Step> steps = new ArrayList<>();
        /** The counter once every helper action already set in motion has run. */
        long counter;
        /** How long (ms from now, roughly) until the last helper action set in motion has run. */
        long helpersDueMillis;
        /** Whether a helper action has been set in motion: it may land before or after the driver's next calls. */
        boolean helpersInMotion;
        /**
         * Whether the counter may differ from the plan: a decrement the plan refuses was made while helpers
         * were in motion, and in the run it may have landed in another order and been applied. From then on
         * waits are timed, so that a correct group is never left waiting for a release that is not coming.
         */
        boolean counterUncertain;
        int nextTask;
        final List<Integer> keptTasks = new ArrayList<>();

        Plan(SplittableRandom random) {
            this.random = random;
        }

        Scenario sequential() {
            int length = 2 + random.nextInt(9);
            while (steps.size() < length) {
                step();
            }
            return new Scenario(List.of(steps));
        }

        private void step() {
            int choice = random.nextInt(100);
            if (choice < 16) {
                call(new Operation.Add(delta()));
            } else if (choice < 26) {
                call(new Operation.Done());
            } else if (choice < 31) {
                call(new Operation.Count());
            } else if (choice < 44) {
                untimedAwait();
            } else if (choice < 60) {
                timedAwait();
            } else if (choice < 68) {
                go();
            } else if (choice < 72 && !keptTasks.isEmpty()) {
                int task = keptTasks.remove(random.nextInt(keptTasks.size()));
                steps.add(Step.Call.of(new Operation.RunTask(task)));
                apply(-1);
            } else if (choice < 84) {
                later();
            } else if (choice < 87) {
                ticks();
            } else if (choice < 88) {
                awaitAmidChanges();
            } else if (choice < 92) {
                steps.add(Step.Call.of(new Operation.SelfInterrupt()));
                if (random.nextBoolean()) {
                    timedAwait();
                } else {
                    untimedAwait();
                }
            } else if (choice < 94 && counter == 0 && !helpersInMotion) {
                steps.add(new Step.Rounds(1 + random.nextInt(Math.max(1, Math.min(budget.rounds(), 500))),
                        Step.Round.QUICK.get(random.nextInt(Step.Round.QUICK.size()))));
            } else if (choice < 96 && !counterUncertain) {
                interruptedWait();
            } else {
                call(new Operation.Count());
            }
        }

        /**
         * A timed wait of seconds on a counter above zero (an add(1) first where it is zero) that no planned
         * change releases, interrupted while it waits (once it is seen waiting, however late the machine
         * runs it): only the interrupt can end it in time.
         */
        private void interruptedWait() {
            if (counter == 0) {
                call(new Operation.Add(1));
            }
            steps.add(Step.Call.interruptedOnceWaiting(outlastsTheInterrupt(), pick(100, 1_000 + random.nextInt(5_000))));
        }

        private void call(Operation op) {
            steps.add(Step.Call.of(op));
            if (op instanceof Operation.Add) {
                apply(((Operation.Add) op).delta());
            } else if (op instanceof Operation.Done) {
                apply(-1);
            }
        }

        private void apply(long delta) {
            if (SequentialWaitGroup.fits(counter, delta)) {
                counter += delta;
            } else if (delta < 0 && helpersInMotion) {
                counterUncertain = true;
            }
        }

        /** A helper action set in motion, due in about {@code dueMillis}. */
        private void inMotion(long dueMillis) {
            helpersInMotion = true;
            helpersDueMillis = Math.max(helpersDueMillis, dueMillis);
        }

        /** Deltas across the int domain, and at the edges as seen from the planned counter. */
        private int delta() {
            long c = counter;
            switch (random.nextInt(16)) {
                case 0:
                case 1:
                case 2:
                    return 1;
                case 3:
                    return 2 + random.nextInt(2);
                case 4:
                    return 0;
                case 5:
                    return -1;
                case 6:
                    return -2;
                case 7:
                    return c > 0 ? (int) -c : 1;             // to zero: ends the round
                case 8:
                    return (int) Math.max(Integer.MIN_VALUE, -c - 1);  // one below zero
                case 9:
                    return (int) (Integer.MAX_VALUE - c);      // to the top
                case 10:
                    return (int) Math.min(Integer.MAX_VALUE, Integer.MAX_VALUE - c + 1); // one above the top
                case 11:
                    return Integer.MAX_VALUE;
                case 12:
                    return Integer.MIN_VALUE;
                case 13:
                    return random.nextBoolean() ? Integer.MAX_VALUE - 1 : Integer.MIN_VALUE + 1;
                default:
                    return random.nextInt();
            }
        }

        /**
         * await(): where the counter is zero, or after arranging for a helper to release it, mostly once
         * the driver waits (so the waiter has surely parked), else after a delay that races its parking.
         */
        private void untimedAwait() {
            if (counterUncertain) {
                timedAwait();
                return;
            }
            if (counter != 0) {
                if (counter > Integer.MAX_VALUE / 2 && random.nextBoolean()) {
                    timedAwait();
                    return;
                }
                Operation release = counter == 1 && random.nextBoolean() ? new Operation.Done()
                        : new Operation.Add((int) -counter);
                if (random.nextInt(4) == 0) {
                    long delay = pick(0, 1, 5, 20, 50);
                    steps.add(new Step.After(delay, new Step.Once(release)));
                    inMotion(delay);
                } else {
                    steps.add(new Step.WhenDriversWait(release));
                    inMotion(WAITING_RELEASE_DUE_MILLIS);
                }
                counter = 0;
            }
            steps.add(new Step.Call(new Operation.Await(), interruptAfter()));
        }

        private void timedAwait() {
            boolean releaseComing = counter == 0 && helpersDueMillis > 0 && !counterUncertain;
            long interrupt = interruptAfter();
            boolean onlyTheInterruptEndsIt = interrupt > 0 && counter != 0 && !counterUncertain;
            steps.add(new Step.Call(onlyTheInterruptEndsIt && random.nextBoolean() ? outlastsTheInterrupt()
                    : timeout(releaseComing), interrupt));
        }

        /**
         * A timeout that an interrupt sent while waiting must cut short: a correct wait throws when the
         * interrupt lands (within milliseconds), one that waits out its timeout instead returns false
         * seconds after the interrupt, later than any slack ({@code Slack.forCurrentLoad} grows to at most
         * 2 s), which the model judges (interrupt-answered).
         */
        private Operation.TimedAwait outlastsTheInterrupt() {
            return random.nextBoolean() ? new Operation.TimedAwait(3, TimeUnit.SECONDS)
                    : new Operation.TimedAwait(3_000, TimeUnit.MILLISECONDS);
        }

        /** -1 (no interrupt) mostly; else before entry (0), early, or around when helpers are due. */
        private long interruptAfter() {
            if (random.nextInt(100) >= 12) {
                return -1;
            }
            switch (random.nextInt(4)) {
                case 0:
                    return 0;
                case 1:
                    return 100;
                case 2:
                    return 1_000 + random.nextInt(5_000);
                default:
                    return helpersDueMillis * 1_000 + random.nextInt(200) - 100 < 0 ? 0
                            : helpersDueMillis * 1_000 + random.nextInt(200) - 100;
            }
        }

        private Operation.TimedAwait timeout(boolean releaseComing) {
            TimeUnit unit = UNITS[random.nextInt(UNITS.length)];
            switch (random.nextInt(releaseComing ? 12 : 9)) {
                case 0:
                    return new Operation.TimedAwait(0, unit);
                case 1:
                    return new Operation.TimedAwait(random.nextBoolean() ? -1 : Long.MIN_VALUE, unit);
                case 2:
                    return new Operation.TimedAwait(-1 - random.nextInt(Integer.MAX_VALUE), unit);
                case 3:
                    return new Operation.TimedAwait(1, TimeUnit.NANOSECONDS);
                case 4:
                    return new Operation.TimedAwait(pick(1, 10, 500, 999), TimeUnit.MICROSECONDS);
                case 5:
                    return new Operation.TimedAwait(pick(1_000, 500_000, 999_999), TimeUnit.NANOSECONDS);
                case 6:
                    return new Operation.TimedAwait(1 + random.nextInt(20), TimeUnit.MILLISECONDS);
                case 7:
                    return new Operation.TimedAwait(1_000 + random.nextInt(50_000), TimeUnit.MICROSECONDS);
                case 8:
                    return new Operation.TimedAwait(pick(20, 50, 100), TimeUnit.MILLISECONDS);
                case 9:
                    return new Operation.TimedAwait(Long.MAX_VALUE, unit);
                case 10:
                    return new Operation.TimedAwait(Long.MAX_VALUE, TimeUnit.DAYS);
                default:
                    return new Operation.TimedAwait(pick(1, Integer.MAX_VALUE, Long.MAX_VALUE / 2),
                            random.nextBoolean() ? TimeUnit.HOURS : TimeUnit.SECONDS);
            }
        }

        private void go() {
            Executors executor = Executors.values()[random.nextInt(Executors.values().length)];
            int task = ++nextTask;
            long delay = executor == Executors.DEFERRED_THREAD ? pick(0, 1, 5, 20) : 0;
            call(new Operation.Go(task, executor, delay));
            if (counter < Integer.MAX_VALUE) {
                if (executor == Executors.DEFERRED_STEP) {
                    keptTasks.add(task);
                    counter++;
                } else if (executor == Executors.DEFERRED_THREAD) {
                    inMotion(delay);
                }
            }
        }

        /** Another thread calls done() or add(-n) after a delay. */
        private void later() {
            long delay = pick(0, 1, 5, 20, 50);
            Operation op;
            if (counter > 0 && random.nextInt(3) > 0) {
                op = random.nextBoolean() && counter > 1 ? new Operation.Add((int) -counter) : new Operation.Done();
            } else {
                op = random.nextBoolean() ? new Operation.Done() : new Operation.Add(-1 - random.nextInt(2));
            }
            steps.add(new Step.After(delay, new Step.Once(op)));
            inMotion(delay);
            apply(op instanceof Operation.Done ? -1 : ((Operation.Add) op).delta());
        }

        /** A ticker: done() every p ms, k times (300 ms at most); wake-ups that release only if the counter is k. */
        private void ticks() {
            long period = pick(1, 5, 10, 20, 50);
            int times = (int) pick(2, 3, 5, 10, 20, 30);
            times = (int) Math.min(times, 300 / period);
            long extra = pick(0, 0, 1, 5);
            if (counter < times + extra) {
                call(new Operation.Add((int) (times + extra - counter)));
            }
            steps.add(new Step.After(0, new Step.Ticks(period, times)));
            inMotion(period * times);
            apply(-times);
            if (random.nextInt(3) > 0) {
                long timeout = pick(period + 1, 2 * period + 1, 50);
                steps.add(Step.Call.of(new Operation.TimedAwait(timeout, TimeUnit.MILLISECONDS)));
            }
        }

        /**
         * A timed wait amid add(1), done() pairs every 1 to 20 ms (a dozen wake-ups or more within its
         * timeout), on a counter above zero (an add(1) first where it is zero) so that no change releases it.
         */
        private void awaitAmidChanges() {
            if (counterUncertain) {
                call(new Operation.Count());
                return;
            }
            if (counter == 0) {
                call(new Operation.Add(1));
            }
            steps.add(new Step.AwaitAmidChanges(pick(1, 5, 10, 20)));
        }

        private long pick(long... values) {
            return values[random.nextInt(values.length)];
        }
    }

    private Scenario concurrent(SplittableRandom random) {
        int threads = 2 + random.nextInt(2);
        int[] tasks = {1};
        List<List<Step>> all = new ArrayList<>();
        // a third of them begin with every other driver counting itself in and waiting, and a release of them
        // all that T1 arranges for when they all wait (T1 does nothing else, so the round surely ends, and
        // every waiter has parked before it ends, however slow the machine)
        boolean waitersThenRelease = random.nextInt(3) == 0;
        for (int t = 0; t < threads; t++) {
            List<Step> steps = new ArrayList<>();
            if (waitersThenRelease) {
                if (t == 0) {
                    steps.add(new Step.WhenDriversWait(new Operation.Add(1 - threads)));
                    all.add(steps);
                    continue;
                } else {
                    steps.add(Step.Call.of(new Operation.Add(1)));
                    steps.add(Step.Call.of(random.nextBoolean() ? new Operation.Await()
                            : new Operation.TimedAwait(Long.MAX_VALUE, TimeUnit.SECONDS)));
                }
            } else if (t == 0 && random.nextInt(3) > 0) {
                steps.add(Step.Call.of(new Operation.Add(1 + random.nextInt(3))));
            }
            int length = (waitersThenRelease ? 0 : 1) + random.nextInt(4);
            for (int i = 0; i < length; i++) {
                steps.add(concurrentStep(random, tasks));
            }
            all.add(steps);
        }
        return new Scenario(all);
    }

    private Step concurrentStep(SplittableRandom random, int[] tasks) {
        int choice = random.nextInt(100);
        if (choice < 14) {
            return Step.Call.of(new Operation.Add(1));
        }
        if (choice < 30) {
            return Step.Call.of(new Operation.Done());
        }
        if (choice < 34) {
            return Step.Call.of(new Operation.Add(random.nextBoolean() ? 0 : 2));
        }
        if (choice < 40) {
            return Step.Call.of(new Operation.Count());
        }
        if (choice < 62) {
            long millis = new long[] {1, 5, 20, 50, 100}[random.nextInt(5)];
            return new Step.Call(new Operation.TimedAwait(millis, TimeUnit.MILLISECONDS),
                    random.nextInt(10) == 0 ? random.nextInt(2_000) : -1);
        }
        if (choice < 65) {
            return Step.Call.of(new Operation.Go(tasks[0]++, Executors.INLINE, 0));
        }
        if (choice < 72) {
            // a release that comes once the waiters had time to park
            return new Step.After(new long[] {1, 5, 20}[random.nextInt(3)], new Step.Once(new Operation.Done()));
        }
        List<Operation> body = new ArrayList<>();
        Operation[] ops = {new Operation.Add(1), new Operation.Done(), new Operation.Add(0), new Operation.Count(),
            new Operation.TimedAwait(1, TimeUnit.MILLISECONDS)};
        int size = 1 + random.nextInt(2);
        for (int i = 0; i < size; i++) {
            body.add(ops[random.nextInt(ops.length)]);
        }
        return new Step.Repeat(5 + random.nextInt(26), body);
    }
}
