package dev.waitgroup.harness;

import dev.waitgroup.WaitGroup;
import dev.waitgroup.record.ResultsFiles;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs in a JVM of its own before a suite starts: creates one group of each selected WaitGroup, so
 * that a constructor or static initializer that throws, hangs or exits the JVM is reported at once,
 * naming the class, instead of as a failure of every check. With {@code --exercise} it also makes
 * the calls every jcstress actor makes ({@code add}, {@code done}, a zero and a short timed
 * {@code await}), each bounded: an implementation that hangs in them would hang a jcstress run.
 *
 * <p>Writes a JSON object to the file given as the first argument: implementation name to the
 * problem found, or to null.
 */
public final class Probe {
    static final long BOUND_SECONDS = 10;

    private Probe() {
    }

    public static void main(String[] args) throws Exception {
        ExitWitness.install(null);
        Path out = Path.of(args[0]);
        boolean exercise = List.of(args).contains("--exercise");
        List<Implementation> selection = Implementations.select(System.getProperty(Implementations.IMPL_PROPERTY),
                System.getProperty(Implementations.CLASSPATH_PROPERTY, ""));
        Map<String, String> problems = new LinkedHashMap<>();
        for (Implementation implementation : selection) {
            problems.put(implementation.name(), probe(implementation, exercise));
            ResultsFiles.write(problems, out);
        }
        ExitWitness.exitNormally(0);
    }

    private static String probe(Implementation implementation, boolean exercise) {
        String className = implementation.type().getName();
        WaitGroup group;
        try {
            group = bounded(implementation::create);
        } catch (TimeoutException e) {
            return "the constructor of " + className + " did not return within " + BOUND_SECONDS + " s";
        } catch (Throwable e) {
            Throwable cause = e instanceof IllegalStateException && e.getCause() != null ? e.getCause() : e;
            return "the constructor of " + className + " threw " + cause;
        }
        if (!exercise) {
            return null;
        }
        String[] step = {"add(1)"};
        try {
            bounded(() -> {
                group.add(1);
                step[0] = "done()";
                group.done();
                step[0] = "await(0, NANOSECONDS) on a zero counter";
                group.await(0, TimeUnit.NANOSECONDS);
                step[0] = "add(1) again";
                group.add(1);
                step[0] = "await(1, MILLISECONDS) on a counter of 1";
                group.await(1, TimeUnit.MILLISECONDS);
                step[0] = "done() again";
                group.done();
                return null;
            });
            return null;
        } catch (TimeoutException e) {
            return className + "." + step[0] + " did not return within " + BOUND_SECONDS + " s";
        } catch (Throwable e) {
            return className + "." + step[0] + " threw " + e;
        }
    }

    private static <T> T bounded(Callable<T> call) throws Throwable {
        CompletableFuture<T> outcome = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                outcome.complete(call.call());
            } catch (Throwable t) {
                outcome.completeExceptionally(t);
            }
        }, "wg-probe");
        thread.setDaemon(true);
        thread.start();
        try {
            return outcome.get(BOUND_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause();
        }
    }
}
