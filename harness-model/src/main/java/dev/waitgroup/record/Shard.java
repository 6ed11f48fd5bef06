package dev.waitgroup.record;

/**
 * Which part of a run this is: part {@code index} of {@code count} ({@code wg.shard=K/N}); a run that
 * is not sharded is part 1 of 1.
 */
public record Shard(int index, int count) {
    public static final Shard WHOLE = new Shard(1, 1);

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("shard " + index + "/" + count + ": expected 1 <= K <= N");
        }
    }

    public boolean isWhole() {
        return count == 1;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
