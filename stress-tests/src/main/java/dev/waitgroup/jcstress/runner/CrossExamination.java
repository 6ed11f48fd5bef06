package dev.waitgroup.jcstress.runner;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.waitgroup.harness.ChildJvm;
import dev.waitgroup.harness.ExitWitness;
import dev.waitgroup.harness.Implementation;
import dev.waitgroup.harness.SuiteRun;
import dev.waitgroup.harness.run.Attempt;
import dev.waitgroup.harness.run.BoundedRunner;
import dev.waitgroup.harness.run.Death;
import dev.waitgroup.harness.run.Engine;
import dev.waitgroup.harness.run.Journal;
import dev.waitgroup.harness.run.Unreached;
import dev.waitgroup.jcstress.Subject;
import dev.waitgroup.jcstress.contract.RacingDonesLoseNoUpdate;
import dev.waitgroup.record.Evidence;
import dev.waitgroup.record.ResultsFiles;
import dev.waitgroup.settings.InternalProperty;
import dev.waitgroup.settings.Property;
import dev.waitgroup.specimen.LostUpdateWaitGroup;
import java.io.IOException;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jetbrains.lincheck.Lincheck;
import org.jetbrains.lincheck.LincheckAssertionError;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Signal;

/**
 * Cross-examines an outcome jcstress saw: replays the same test (its state, its actors, its arbiter)
 * under Lincheck's model checker, which explores thread interleavings under sequential consistency,
 * and asks whether it can reach the same outcome.
 *
 * <ul>
 *   <li>Reached: the outcome is <i>reachable by interleaving</i>, and Lincheck prints the interleaving
 *       that produces it, step by step: a student can read how it happens.</li>
 *   <li>Not reached in any interleaving explored: no sequentially consistent execution the checker
 *       tried produces it; what jcstress saw is a <i>memory-model effect</i> (a reordering, a read
 *       the JIT hoisted, a missing fence), visible only in compiled code on real hardware.</li>
 * </ul>
 * A termination test's STALE outcome is "the actor never finishes": Lincheck reaches it when it finds
 * an interleaving in which the actor hangs. "Not reached" is only worth something from a checker that
 * reaches what it should: every examination first replays a control, the lost-update specimen's lost
 * update; if the checker misses it on this JVM, nothing is labelled a memory-model effect.
 *
 * <p>The examination runs in a JVM of its own under a bound (Lincheck instruments every class it
 * loads), with {@code wg.impl} naming the implementation; its arguments are the output file, the
 * number of invocations, then pairs of test class and outcome id.
 */
public final class CrossExamination {
    /** Interleavings Lincheck explores for one outcome before it calls it not reachable. */
    static final int INVOCATIONS = 2_000;
    /** How long the model checker may take over one outcome, the control's replay included. */
    static final Duration QUESTION_BOUND = Duration.ofSeconds(90);
    /** At most this many outcomes of one test are examined: the forbidden ones seen most often. */
    static final int OUTCOMES_PER_TEST = 3;
    private static final String REACHED = "reached the outcome";
    /** The control's outcome: both done() calls succeeded, and one of them was lost. */
    static final String CONTROL_OUTCOME = "ok, ok, 1";
    private static final String INTERLEAVING_HEADING = "The following interleaving leads to the error:";

    /** What the model checker made of an outcome. */
    enum Label {
        /** An interleaving of sequentially consistent steps produces it; the finding has the trace. */
        REACHABLE_BY_INTERLEAVING("reachable by interleaving"),
        /** No interleaving explored produces it: it needs a reordering, a hoisted read or a missing fence. */
        MEMORY_MODEL_ONLY("memory-model effect: not reached under sequential consistency"),
        /** The replay could not be made or ended in another way: no label either way. */
        NOT_DECIDED("not decided");

        final String text;

        Label(String text) {
            this.text = text;
        }
    }

    /**
     * The finding for one outcome.
     *
     * @param label       what it is
     * @param invocations how many interleavings the model checker explored (at most)
     * @param report      the interleaving that reaches the outcome; or what went wrong when not decided
     */
    public record Finding(Label label, int invocations, String report) {
    }

    /** An outcome to examine: the test and the outcome id as jcstress printed it. */
    record Question(String test, String outcome) {
        String key() {
            return test + " | " + outcome;
        }
    }

    private CrossExamination() {
    }

    /**
     * Examines {@code questions} on {@code implementation} in child JVMs under the bounded runner: a JVM
     * that dies or is ended gives the question it was on a finding of its own (not decided, and why),
     * and a fresh one goes on with the rest. Returns a finding for every question, by {@link Question#key()}.
     */
    static Map<String, Finding> examine(SuiteRun run, Implementation implementation, List<Question> questions,
                                        Path workdir) throws IOException {
        return examine(run.testClasspath(), run.pluginClasspath(), implementation, questions, workdir);
    }

    /**
     * As {@link #examine(SuiteRun, Implementation, List, Path)}, given what a child JVM needs: the class
     * path of a test JVM and the plug-in jars ({@code wg.classpath}, absolute; empty for a built-in).
     */
    static Map<String, Finding> examine(List<String> testClasspath, String pluginClasspath, Implementation implementation,
                                        List<Question> questions, Path workdir) throws IOException {
        Examiner examiner = new Examiner(testClasspath, pluginClasspath, implementation);
        try {
            new BoundedRunner<>(examiner, workdir).run(List.of(questions), 1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return examiner.findings;
    }

    /** The cross-examination as an engine of the runner: its units are the questions. */
    private static final class Examiner implements Engine<Question, Finding> {
        private final List<String> testClasspath;
        private final String pluginClasspath;
        private final Implementation implementation;
        private final Map<String, Finding> findings = new LinkedHashMap<>();

        Examiner(List<String> testClasspath, String pluginClasspath, Implementation implementation) {
            this.testClasspath = testClasspath;
            this.pluginClasspath = pluginClasspath;
            this.implementation = implementation;
        }

        @Override
        public String name() {
            return "cross-examination of " + implementation.name();
        }

        @Override
        public ChildJvm.Spec command(Attempt attempt, List<Question> questions) {
            List<String> arguments = new ArrayList<>(List.of(findingsFile(attempt).toString(), String.valueOf(INVOCATIONS)));
            for (Question question : questions) {
                arguments.add(question.test());
                arguments.add(question.outcome());
            }
            // Lincheck's bootstrap jar goes to the JVM's own work folder, its working directory, not /tmp
            return new ChildJvm.Spec(List.of("-Xmx1g", "-XX:+EnableDynamicAgentLoading", "-Xshare:off",
                    "-Djava.io.tmpdir=.", Property.IMPL.option(implementation.selector()), Property.CLASSPATH.option(pluginClasspath),
                    InternalProperty.JOURNAL.option(attempt.journal().file())),
                    testClasspath, CrossExamination.class.getName(), arguments, attempt.folder(), attempt.log());
        }

        @Override
        public Map<Question, Finding> collect(Attempt attempt, List<Question> questions, ChildJvm.Outcome outcome)
                throws IOException {
            Map<Question, Finding> decided = new LinkedHashMap<>();
            Path file = findingsFile(attempt);
            if (!Files.isRegularFile(file)) {
                return decided;
            }
            Map<String, Finding> written = ResultsFiles.mapper().readValue(file.toFile(),
                    new TypeReference<LinkedHashMap<String, Finding>>() { });
            for (Question question : questions) {
                Finding finding = written.get(question.key());
                if (finding != null) {
                    decided.put(question, finding);
                }
            }
            return decided;
        }

        @Override
        public Implementation implementationOf(Question question) {
            return implementation;
        }

        @Override
        public String journalKey(Question question) {
            return question.key();
        }

        @Override
        public Duration bound(Question question) {
            return QUESTION_BOUND;
        }

        @Override
        public List<String> dumpNeedles(Question question) {
            return List.of(question.test(), implementation.type().getName());
        }

        @Override
        public Finding died(Question question, Death death) {
            return new Finding(Label.NOT_DECIDED, 0, "The model checker did not get to this outcome: " + death.message());
        }

        @Override
        public Finding unreached(Question question, Unreached why) {
            return new Finding(Label.NOT_DECIDED, 0, "The model checker did not get to this outcome: " + why.message());
        }

        @Override
        public void record(Question question, Finding finding) {
            findings.put(question.key(), finding);
        }

        private static Path findingsFile(Attempt attempt) {
            return attempt.file("findings.json");
        }
    }

    /** Lincheck's report from its interleaving table up to the detailed trace (kept to the steps that matter). */
    static String interleaving(String report) {
        int from = report.indexOf(INTERLEAVING_HEADING);
        int to = report.indexOf("Detailed trace:");
        String table = report.substring(from < 0 ? 0 : from + INTERLEAVING_HEADING.length(), to < 0 ? report.length() : to);
        return table.strip();
    }

    /** A finding as evidence for the verdict. */
    static Evidence evidence(Question question, Finding finding) {
        String outcome = "\"" + question.outcome() + "\"";
        String test = question.test().substring(question.test().lastIndexOf('.') + 1);
        String text;
        switch (finding.label()) {
            case REACHABLE_BY_INTERLEAVING:
                text = "Lincheck's model checker replayed " + test + "'s actors as threads, under sequential consistency,"
                        + (isAboutAWait(question.outcome()) ? " and found the waiter hung for good (it lets no time pass:"
                        + " where a JVM's bounded wait times out, the checker's waits forever)." : " and reached "
                        + outcome + ".") + " The interleaving, step by step:\n\n" + finding.report();
                break;
            case MEMORY_MODEL_ONLY:
                text = String.format("Lincheck's model checker replayed %s's actors as threads and explored up to %,d"
                        + " interleavings of their steps under sequential consistency: none produced %s. What jcstress"
                        + " saw needs an effect no interleaving has: a reordering, a read the JIT hoisted out of a loop,"
                        + " a write without the fence that publishes it. Only compiled code on real hardware shows it."
                        + "%s", test, finding.invocations(), outcome, isAboutAWait(question.outcome())
                        ? " (The checker may wake a parked thread spuriously, as the JVM may: a wake-up lost between"
                        + " park and unpark can hide from it, so read this label for a wait as strong evidence, not proof.)"
                        : "");
                break;
            default:
                text = finding.report();
                break;
        }
        return new Evidence(Evidence.Kind.CROSS_EXAMINATION, outcome + ": " + finding.label().text, text);
    }

    /** The child: examines each pair of arguments, journaling each, writing the findings after each. */
    public static void main(String[] args) throws Exception {
        Journal journal = Journal.fromSystemProperty();
        ExitWitness.install(journal);
        Path out = Path.of(args[0]);
        int invocations = Integer.parseInt(args[1]);
        String blind = controlMissed(invocations);
        Subject.createGroupsWith(PlainConstructor.of(Subject.implementation().type()));
        Map<String, Finding> findings = new LinkedHashMap<>();
        for (int i = 2; i + 1 < args.length; i += 2) {
            Question question = new Question(args[i], args[i + 1]);
            if (journal != null) {
                journal.start(Subject.implementation().name(), question.key());
            }
            Finding finding = examine(question, invocations);
            findings.put(question.key(), blind != null && finding.label() == Label.MEMORY_MODEL_ONLY
                    ? new Finding(Label.NOT_DECIDED, finding.invocations(), blind) : finding);
            ResultsFiles.write(findings, out);
            if (journal != null) {
                journal.end(Subject.implementation().name(), question.key());
            }
        }
        ExitWitness.exitNormally(0);
    }

    /**
     * The control, examined first in every examination: the lost update of the {@code lost-update}
     * specimen, an interleaving the checker must reach. If it does not on this JVM (an instrumentation
     * gap, as Java 25 once showed), "not reached" proves nothing here: the reason why no outcome may be
     * labelled a memory-model effect. Null when the control was reached.
     */
    static String controlMissed(int invocations) {
        Subject.createGroupsWith(PlainConstructor.of(LostUpdateWaitGroup.class));
        Finding control = examine(new Question(RacingDonesLoseNoUpdate.class.getName(), CONTROL_OUTCOME), invocations);
        return control.label() == Label.REACHABLE_BY_INTERLEAVING ? null
                : "the model checker did not reach the control on this JVM (Java " + Runtime.version().feature()
                        + "): the lost update \"" + CONTROL_OUTCOME + "\" of the lost-update specimen, an interleaving"
                        + " it must reach (it said: " + control.label().text + "); so not reaching an outcome proves"
                        + " nothing here, and no outcome is labelled a memory-model effect";
    }

    /**
     * A wait's outcome ("timed out", or a termination test's STALE) is reached when the model checker
     * finds the waiter hung: it lets no time pass, so under it a timed wait that is never released
     * waits forever, where a JVM gives up after the bound.
     */
    static boolean isAboutAWait(String outcome) {
        return outcome.equals("STALE") || outcome.contains(Subject.TIMED_OUT);
    }

    private static Finding examine(Question question, int invocations) {
        Runnable replay;
        try {
            replay = replay(Class.forName(question.test()), question.outcome());
        } catch (ReflectiveOperationException | RuntimeException e) {
            return new Finding(Label.NOT_DECIDED, 0, "cannot replay " + question.test() + ": " + e);
        }
        try {
            Lincheck.runConcurrentTest(invocations, replay);
            return new Finding(Label.MEMORY_MODEL_ONLY, invocations, null);
        } catch (LincheckAssertionError failure) {
            String report = failure.getMessage();
            String interleaving = interleaving(report);
            boolean hung = report.contains("has hung") || report.contains("deadlock");
            if (report.contains(REACHED) || (hung && isAboutAWait(question.outcome()))) {
                return new Finding(Label.REACHABLE_BY_INTERLEAVING, invocations, interleaving);
            }
            if (hung || report.contains("livelock")) {
                return new Finding(Label.NOT_DECIDED, invocations, "the replay did not produce the outcome: a thread"
                        + " never got past a wait, which under the model checker says nothing about the implementation"
                        + " (it lets no time pass, so a bounded wait whose release does not come waits, or spins, there"
                        + " forever: what Lincheck calls a livelock or a hang below). Lincheck's report:\n" + interleaving);
            }
            return new Finding(Label.NOT_DECIDED, invocations, "the replay failed before producing the outcome:\n"
                    + interleaving);
        }
    }

    /**
     * One execution of the test as jcstress runs it: a fresh state, every actor on a thread of its own
     * (a termination test: the actor, then the signal from this thread), the arbiter after them; it
     * fails, for Lincheck to report, when it produces {@code outcome}.
     */
    @SuppressWarnings("unchecked")
    static Runnable replay(Class<?> test, String outcome) {
        boolean termination = test.getAnnotation(JCStressTest.class).value() == Mode.Termination;
        List<Method> actors = new ArrayList<>();
        Method arbiter = null;
        Method signal = null;
        for (Method method : test.getMethods()) {
            if (method.isAnnotationPresent(Actor.class)) {
                actors.add(method);
            } else if (method.isAnnotationPresent(Arbiter.class)) {
                arbiter = method;
            } else if (method.isAnnotationPresent(Signal.class)) {
                signal = method;
            }
        }
        actors.sort(java.util.Comparator.comparing(Method::getName));
        BiConsumer<Object, Object>[] calls = actors.stream().map(CrossExamination::call).toArray(BiConsumer[]::new);
        BiConsumer<Object, Object> theArbiter = arbiter == null ? null : call(arbiter);
        BiConsumer<Object, Object> theSignal = signal == null ? null : call(signal);
        Class<?> resultType = resultType(actors, arbiter);
        Supplier<?> newState = PlainConstructor.of(test);
        Supplier<?> newResult = resultType == null ? () -> null : PlainConstructor.of(resultType);
        return () -> {
            Object state = newState.get();
            Object result = newResult.get();
            published = new Object[] {state, result};
            Thread[] threads = new Thread[calls.length];
            for (int i = 0; i < calls.length; i++) {
                BiConsumer<Object, Object> actor = calls[i];
                threads[i] = new Thread(() -> actor.accept(state, result));
                threads[i].start();
            }
            if (termination) {
                theSignal.accept(state, null);
            }
            try {
                for (Thread thread : threads) {
                    thread.join();
                }
            } catch (InterruptedException e) {
                throw new IllegalStateException("the replay was interrupted", e);
            }
            if (termination) {
                if (outcome.equals("TERMINATED")) {
                    throw new AssertionError(REACHED + " " + outcome);
                }
                return; // STALE is reached only as a hang, which Lincheck reports by itself
            }
            if (theArbiter != null) {
                theArbiter.accept(state, result);
            }
            if (String.valueOf(result).equals(outcome)) {
                throw new AssertionError(REACHED + " \"" + outcome + "\"");
            }
        };
    }

    /**
     * Where each execution's state and result are published before the actors start: a write to a
     * static field, which Lincheck's escape analysis sees (on Java 25 it does not see the capture by
     * the actors' lambdas), so that it treats them as shared and switches threads at their fields.
     */
    @SuppressWarnings("unused")
    private static volatile Object[] published;

    private static Class<?> resultType(List<Method> actors, Method arbiter) {
        List<Method> methods = new ArrayList<>(actors);
        if (arbiter != null) {
            methods.add(arbiter);
        }
        for (Method method : methods) {
            if (method.getParameterCount() == 1) {
                return method.getParameterTypes()[0];
            }
        }
        return null;
    }

    /**
     * A test method as a {@code (state, result) -> ...} call that the model checker can follow: made by
     * {@code LambdaMetafactory}, as a method reference would be, since Lincheck does not look inside
     * the JDK's reflection, where a call would be one opaque step.
     */
    @SuppressWarnings("unchecked")
    private static BiConsumer<Object, Object> call(Method method) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(method.getDeclaringClass(), MethodHandles.lookup());
            MethodHandle target = lookup.unreflect(method);
            if (method.getParameterCount() == 0) {
                Consumer<Object> call = (Consumer<Object>) LambdaMetafactory.metafactory(lookup, "accept",
                        MethodType.methodType(Consumer.class), MethodType.methodType(void.class, Object.class), target,
                        MethodType.methodType(void.class, method.getDeclaringClass())).getTarget().invoke();
                return (state, result) -> call.accept(state);
            }
            return (BiConsumer<Object, Object>) LambdaMetafactory.metafactory(lookup, "accept",
                    MethodType.methodType(BiConsumer.class), MethodType.methodType(void.class, Object.class, Object.class),
                    target, MethodType.methodType(void.class, method.getDeclaringClass(), method.getParameterTypes()[0]))
                    .getTarget().invoke();
        } catch (Throwable e) {
            throw new IllegalStateException("cannot call " + method, e);
        }
    }
}
