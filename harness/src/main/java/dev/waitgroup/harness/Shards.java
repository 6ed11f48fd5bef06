package dev.waitgroup.harness;

import dev.waitgroup.catalogue.ImplementationKind;
import dev.waitgroup.catalogue.Suite;
import dev.waitgroup.record.Shard;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Splits a run over machines ({@code wg.shard=K/N}). The unit of work is one suite on one
 * implementation; units are dealt out deterministically, the costliest first, each to the shard with
 * the least work so far, preferring a shard that holds no other unit of the same implementation, so
 * that one slow or hanging implementation spreads over the shards instead of sinking one of them.
 * Every shard computes the same deal from the same selection, so no shard needs to ask another.
 */
public final class Shards {
    private Shards() {
    }

    /** One suite on one implementation, with its expected cost in seconds on 2 cores. */
    record Unit(Suite suite, Implementation implementation, int cost) {
    }

    /** The implementations that shard {@code shard} runs in {@code suite}, in selection order. */
    public static List<Implementation> part(Shard shard, Suite suite, List<Implementation> selection) {
        if (shard.isWhole()) {
            return selection;
        }
        List<List<Unit>> deal = deal(shard.count(), selection);
        List<Implementation> mine = new ArrayList<>();
        for (Implementation implementation : selection) {
            for (Unit unit : deal.get(shard.index() - 1)) {
                if (unit.suite() == suite && unit.implementation().equals(implementation)) {
                    mine.add(implementation);
                }
            }
        }
        return mine;
    }

    static List<List<Unit>> deal(int shards, List<Implementation> selection) {
        List<Unit> units = new ArrayList<>();
        for (Suite suite : Suite.values()) {
            for (Implementation implementation : selection) {
                units.add(new Unit(suite, implementation, cost(suite, implementation)));
            }
        }
        units.sort(Comparator.comparingInt(Unit::cost).reversed()); // stable: suite, then selection order
        List<List<Unit>> deal = new ArrayList<>();
        int[] load = new int[shards];
        List<Set<Implementation>> holds = new ArrayList<>();
        for (int i = 0; i < shards; i++) {
            deal.add(new ArrayList<>());
            holds.add(new HashSet<>());
        }
        for (Unit unit : units) {
            int best = 0;
            for (int i = 1; i < shards; i++) {
                if (better(i, best, unit.implementation(), load, holds)) {
                    best = i;
                }
            }
            deal.get(best).add(unit);
            load[best] += unit.cost();
            holds.get(best).add(unit.implementation());
        }
        return deal;
    }

    private static boolean better(int candidate, int best, Implementation implementation, int[] load,
                                  List<Set<Implementation>> holds) {
        boolean candidateHolds = holds.get(candidate).contains(implementation);
        boolean bestHolds = holds.get(best).contains(implementation);
        if (candidateHolds != bestHolds) {
            return !candidateHolds;
        }
        return load[candidate] < load[best];
    }

    /**
     * Measured wall seconds per implementation on 2 cores in the default run: a specimen's jcstress
     * termination tests wait for STALE, and a plugged-in class is costed like a specimen (it may hang).
     */
    static int cost(Suite suite, Implementation implementation) {
        boolean mayStall = implementation.kind() != ImplementationKind.IMPLEMENTATION;
        switch (suite) {
            case JCSTRESS:
                return mayStall ? 25 : 14;
            case LINCHECK:
                return mayStall ? 12 : 9;
            case EXPLORATION:
                return mayStall ? 15 : 10; // a failure is shrunk and rerun
            default:
                return mayStall ? 8 : 5;
        }
    }
}
