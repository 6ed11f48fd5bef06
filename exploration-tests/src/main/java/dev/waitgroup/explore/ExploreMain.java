package dev.waitgroup.explore;

import dev.waitgroup.WaitGroup;
import dev.waitgroup.catalogue.ReuseBehaviour;
import java.util.function.Supplier;

/**
 * Explores one WaitGroup class from the command line, for a child JVM started by a runner:
 * <pre>
 * java -cp ... dev.waitgroup.explore.ExploreMain com.acme.MyWaitGroup [--reuse unknown] [--seed 42]
 *      [--budget default|main-job] [--histories N]
 * </pre>
 * {@code --reuse} takes a {@link ReuseBehaviour} id ({@code finishes-old-round}, {@code detects-and-throws},
 * {@code waits-for-new-round}, {@code unknown}). Prints the outcome; exits 0 when it passed, 1 when it
 * failed, 2 on bad arguments.
 */
public final class ExploreMain {
    private ExploreMain() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            usage("no class given");
            return;
        }
        String className = args[0];
        ReuseBehaviour reuse = ReuseBehaviour.UNKNOWN;
        long seed = 1L;
        Budget budget = Budget.DEFAULT;
        try {
            for (int i = 1; i < args.length; i += 2) {
                if (i + 1 >= args.length) {
                    usage(args[i] + " needs a value");
                    return;
                }
                String value = args[i + 1];
                switch (args[i]) {
                    case "--reuse":
                        reuse = ReuseBehaviour.of(value);
                        break;
                    case "--seed":
                        seed = Long.parseLong(value);
                        break;
                    case "--budget":
                        budget = Budget.named(value);
                        break;
                    case "--histories":
                        budget = budget.withHistories(Integer.parseInt(value));
                        break;
                    default:
                        usage("unknown option " + args[i]);
                        return;
                }
            }
        } catch (IllegalArgumentException e) {
            usage(e.getMessage());
            return;
        }
        Supplier<WaitGroup> factory;
        try {
            Class<? extends WaitGroup> type = Class.forName(className).asSubclass(WaitGroup.class);
            type.getConstructor().newInstance();
            factory = () -> {
                try {
                    return type.getConstructor().newInstance();
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot create " + className, e);
                }
            };
        } catch (ReflectiveOperationException | ClassCastException e) {
            usage(className + " is not a WaitGroup with a public no-argument constructor: " + e);
            return;
        }
        ExplorationOutcome outcome = Exploration.explore(factory, reuse, budget, seed);
        System.out.print(outcome.text());
        System.exit(outcome.passed() ? 0 : 1);
    }

    private static void usage(String problem) {
        System.err.println(problem + "\nusage: ExploreMain <WaitGroup class> [--reuse finishes-old-round|detects-and-throws|"
                + "waits-for-new-round|unknown] [--seed N] [--budget default|main-job] [--histories N]");
        System.exit(2);
    }
}
