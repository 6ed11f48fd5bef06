package dev.waitgroup.model;

/**
 * The WaitGroup contract for one thread at a time: a counter in {@code 0..Integer.MAX_VALUE} and the
 * number of rounds that have ended. This is the sequential specification every engine shares: the
 * checker applies it at each linearization point, the explorer uses it to plan interesting inputs,
 * and Lincheck can take it as its {@code sequentialSpecification} (a subclass may add the operations
 * of a particular test, such as hand-offs).
 *
 * <p>Rules, from Go's {@code sync.WaitGroup} documentation and the project's contract:
 * <ul>
 *   <li>{@code add(delta)} adds any int; a result below zero ("sync: negative WaitGroup counter") or
 *       above {@code Integer.MAX_VALUE} is refused with {@link IllegalStateException} and the counter
 *       is unchanged (computed in long arithmetic, so no delta wraps);</li>
 *   <li>an {@code add} with a negative delta that brings the counter to zero ends the round and
 *       releases every waiter; {@code add(0)} changes nothing and releases no one;</li>
 *   <li>{@code await()} returns where the counter is zero; where it would block, this sequential
 *       model throws {@link WouldBlock}, which no real call throws, so a checker can place a returned
 *       {@code await()} only at a moment when the counter was zero.</li>
 * </ul>
 */
public class SequentialWaitGroup {
    private int count;
    private long round;

    /** Whether {@code counter + delta} stays within {@code 0..Integer.MAX_VALUE}, in long arithmetic. */
    public static boolean fits(long counter, long delta) {
        long next = counter + delta;
        return next >= 0 && next <= Integer.MAX_VALUE;
    }

    /** Whether {@code add(delta)} on {@code counter} ends a round: a negative delta that reaches zero. */
    public static boolean releases(long counter, long delta) {
        return delta < 0 && counter + delta == 0;
    }

    /**
     * Adds {@code delta}.
     *
     * @throws IllegalStateException if the counter would leave {@code 0..Integer.MAX_VALUE}; it is then unchanged
     */
    public void add(int delta) {
        if (!fits(count, delta)) {
            throw new IllegalStateException("refused: " + count + " + (" + delta + ") leaves 0..Integer.MAX_VALUE");
        }
        if (releases(count, delta)) {
            round++;
        }
        count += delta;
    }

    public void done() {
        add(-1);
    }

    public int count() {
        return count;
    }

    /** The number of rounds that have ended. */
    public long round() {
        return round;
    }

    /** {@code await(0, unit)}: true where the counter is zero. */
    public boolean awaitNow() {
        return count == 0;
    }

    /** Returns where the counter is zero; throws {@link WouldBlock} where a real call would block. */
    public void await() {
        if (count != 0) {
            throw new WouldBlock();
        }
    }

    /** What no real operation throws: "not at this point of the order". */
    public static final class WouldBlock extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public WouldBlock() {
            super(null, null, false, false);
        }
    }
}
