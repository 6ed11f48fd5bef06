package dev.waitgroup.harness;

import dev.waitgroup.WaitGroup;
import dev.waitgroup.harness.run.Journal;
import dev.waitgroup.record.ResultsFiles;
import dev.waitgroup.settings.Property;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs in a JVM of its own before a suite starts, and tries every selected WaitGroup once: creates a
 * group, so that a constructor or static initializer that throws, hangs or exits the JVM is reported
 * at once, naming the class; then makes the calls every check makes ({@code add}, {@code done}, a zero
 * and a short timed {@code await}), each bounded, so that a suite whose engine cannot abandon a call
 * (a jcstress actor, a thread of Lincheck's stress strategy) or survive an exit knows beforehand.
 *
 * <p>Writes a JSON object to the file given as the first argument, implementation name to what was
 * found ({@link Finding}), after each implementation; journals which one it is trying, so that the
 * runner can name the one that ended the JVM.
 */
public final class Probe {
    static final long BOUND_SECONDS = 10;
    /** The journal's names for the two phases, so that the runner knows which one ended the JVM. */
    static final String CONSTRUCT = "construct";
    static final String EXERCISE = "exercise";

    /** What the probe found about one implementation; {@code kind} null when nothing is wrong. */
    public record Finding(Kind kind, String text, String frames) {
        static final Finding NONE = new Finding(null, null, null);

        public boolean constructionFailed() {
            return kind == Kind.CONSTRUCTOR;
        }
    }

    /** What went wrong. */
    public enum Kind {
        /** The constructor (or static initializer) threw or hung: the class cannot be checked at all. */
        CONSTRUCTOR,
        /** A basic call did not return within the bound. */
        HANGS,
        /** A basic call ended the JVM, or exhausted its heap. */
        ENDS_THE_JVM,
        /** A basic call threw: checks will say what that breaks. */
        THROWS
    }

    private Probe() {
    }

    public static void main(String[] args) throws Exception {
        Journal journal = Journal.fromSystemProperty();
        ExitWitness.install(journal);
        Path out = Path.of(args[0]);
        List<Implementation> selection = Implementations.select(System.getProperty(Property.IMPL.key()),
                System.getProperty(Property.CLASSPATH.key(), ""));
        Map<String, Finding> findings = new LinkedHashMap<>();
        for (Implementation implementation : selection) {
            findings.put(implementation.name(), probe(implementation, journal));
            ResultsFiles.write(findings, out);
        }
        ExitWitness.exitNormally(0);
    }

    private static Finding probe(Implementation implementation, Journal journal) {
        WaitGroup[] group = new WaitGroup[1];
        Finding constructed = phase(implementation, CONSTRUCT, journal, () -> construct(implementation, group));
        return constructed != Finding.NONE ? constructed
                : phase(implementation, EXERCISE, journal, () -> exercise(implementation, group[0]));
    }

    /** One phase, journaled from its start to its end, so that the runner knows which one ended the JVM. */
    private static Finding phase(Implementation implementation, String phase, Journal journal, Supplier<Finding> body) {
        if (journal != null) {
            journal.start(implementation.name(), phase);
        }
        try {
            return body.get();
        } finally {
            if (journal != null) {
                journal.end(implementation.name(), phase);
            }
        }
    }

    private static Finding construct(Implementation implementation, WaitGroup[] group) {
        String className = implementation.type().getName();
        try {
            group[0] = bounded(implementation::create);
            return Finding.NONE;
        } catch (TimeoutException e) {
            return new Finding(Kind.CONSTRUCTOR, "the constructor of " + className + " did not return within "
                    + BOUND_SECONDS + " s", null);
        } catch (Throwable e) {
            Throwable cause = e instanceof IllegalStateException && e.getCause() != null ? e.getCause() : e;
            return new Finding(Kind.CONSTRUCTOR, "the constructor of " + className + " threw " + cause, frames(cause));
        }
    }

    private static Finding exercise(Implementation implementation, WaitGroup group) {
        String className = implementation.type().getName();
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
            return Finding.NONE;
        } catch (TimeoutException e) {
            return new Finding(Kind.HANGS, className + "." + step[0] + " did not return within " + BOUND_SECONDS + " s",
                    null);
        } catch (OutOfMemoryError e) {
            return new Finding(Kind.ENDS_THE_JVM, className + "." + step[0] + " exhausted the heap", frames(e));
        } catch (Throwable e) {
            return new Finding(Kind.THROWS, className + "." + step[0] + " threw " + e, frames(e));
        }
    }

    private static String frames(Throwable thrown) {
        StringWriter text = new StringWriter();
        thrown.printStackTrace(new PrintWriter(text));
        String[] lines = text.toString().split("\n");
        return String.join("\n", java.util.Arrays.copyOf(lines, Math.min(lines.length, 12)));
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
