package dev.waitgroup.harness.junit;

import dev.waitgroup.catalogue.Check;
import dev.waitgroup.catalogue.Claims;
import dev.waitgroup.catalogue.HarnessCheck;
import dev.waitgroup.harness.Implementation;
import dev.waitgroup.harness.StuckCalls;
import dev.waitgroup.harness.ThreadCensus;
import dev.waitgroup.harness.ThreadDumps;
import dev.waitgroup.record.CheckResult;
import dev.waitgroup.record.Evidence;
import dev.waitgroup.record.Verdict;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadInfo;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.opentest4j.TestAbortedException;

/**
 * Runs each {@link HarnessCheck} test as a harness check and records its verdict, never failing the
 * JUnit test itself: verdicts are the gate's to judge, and one broken implementation must not hide
 * the others. Register it with {@code @ExtendWith(CheckRecorder.class)} on a {@link HarnessSubject}.
 *
 * <p>Around every check it:
 * <ul>
 *   <li>runs it only if this test JVM is to run it ({@link TestJvm});</li>
 *   <li>journals its start and end, so that the runner can name the check that was running if the
 *       JVM dies;</li>
 *   <li>bounds it (its suite's check bound, {@link SuiteBounds}): a call that never returns becomes a
 *       hang verdict with where every thread of the check was and the group's own state, not a hung
 *       build; but a check that could not finish because the heap ran out during it (its own thread
 *       threw it after the bound, or another thread died of it) fails for that, as the same death of
 *       the whole JVM does; a check that outran its bound while no call stood still is given a little
 *       longer to end (longer while the heap fills up) before it is called too slow, a harness error;</li>
 *   <li>after it, recycles the JVM if a thread the check left behind still runs in the implementation
 *       (a spinning waiter would slow every later check).</li>
 * </ul>
 */
public final class CheckRecorder implements InvocationInterceptor, ParameterResolver,
        LifecycleMethodExecutionExceptionHandler {
    private static final int EVIDENCE_LINES = 30;
    private static final long STATE_BOUND_MILLIS = 1_000;
    /** How full the heap must be for a check that outran its bound to be given up to {@link #HEAP_FILLING_MILLIS}. */
    private static final int HEAP_FILLING_PERCENT = 75;
    /** The longest a check that outran its bound while the heap filled up is waited for after its forensics. */
    private static final long HEAP_FILLING_MILLIS = 20_000;
    private static final long LATE_END_POLL_MILLIS = 50;

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
                                    ExtensionContext context) throws Throwable {
        HarnessCheck annotation = invocationContext.getExecutable().getAnnotation(HarnessCheck.class);
        if (annotation == null) {
            invocation.proceed();
            return;
        }
        Check check = annotation.value();
        HarnessSubject subject = (HarnessSubject) context.getRequiredTestInstance();
        Implementation implementation = subject.implementation();
        TestJvm jvm = TestJvm.current();
        if (!jvm.runs(implementation.name(), check)) {
            invocation.skip();
            throw new TestAbortedException("not this JVM's check");
        }
        Observation observation = observation(context);
        if (jvm.journal != null) {
            jvm.journal.start(implementation.name(), check.id());
        }
        Set<Long> before = threadIds();
        int heapExhaustedBefore = jvm.outOfMemories();
        long start = System.nanoTime();
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Throwable failure = runBounded(invocation, implementation, check, jvm, outcome);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        CheckResult result = result(implementation, check, observation, failure, millis);
        if (failure instanceof HangDetected) {
            result = withForensics(result, subject, implementation, before, ((HangDetected) failure).atTheCheckBound());
            if (result.verdict() == Verdict.HARNESS_ERROR) {
                awaitALateEnd(outcome, heapExhaustedBefore, jvm);
            }
            OutOfMemoryError heapExhausted = heapExhaustedDuring(outcome, heapExhaustedBefore, jvm);
            if (heapExhausted != null) {
                failure = heapExhausted;
                result = result(implementation, check, observation, failure, millis);
            }
        }
        if (failure instanceof OutOfMemoryError) {
            jvm.recycle("the implementation exhausted the heap during " + check.id());
        }
        jvm.record(result);
        if (jvm.journal != null) {
            jvm.journal.end(implementation.name(), check.id());
        }
        System.out.printf("%-22s %-40s %-14s %6d ms%s%n", implementation.name(), check.id(), result.verdict().id(),
                millis, result.message() == null ? "" : "  " + firstLine(result.message()));
        leftBehind(implementation, before).ifPresent(thread ->
                jvm.recycle("a thread left behind by " + check.id() + " still runs in " + implementation.name()
                        + ": \"" + thread + "\""));
        if (jvm.failTests) {
            failTheTestIfADefect(implementation, result);
        }
    }

    /**
     * Under PIT ({@code wg.fail.tests}): a verdict that finds a defect (a failure, a hang, a harness error, a
     * contradicted claim) also fails the JUnit test, for a tool that reads JUnit, such as PIT, to see.
     */
    private static void failTheTestIfADefect(Implementation implementation, CheckResult result) {
        String contradiction = Claims.contradiction(implementation.documentedReuse(), result.check(), result.verdict());
        if (result.verdict().isFailure() || result.verdict() == Verdict.HARNESS_ERROR || contradiction != null) {
            throw new AssertionError(result.check().id() + " on " + implementation.name() + ": "
                    + (contradiction != null ? contradiction : result.verdict().label() + ": " + result.message()));
        }
    }

    /** A failure in {@code @BeforeEach} (creating the group threw) is the check's verdict. */
    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable thrown) {
        HarnessCheck annotation = context.getRequiredTestMethod().getAnnotation(HarnessCheck.class);
        Object instance = context.getTestInstance().orElse(null);
        if (annotation == null || !(instance instanceof HarnessSubject)) {
            return;
        }
        Implementation implementation = ((HarnessSubject) instance).implementation();
        TestJvm jvm = TestJvm.current();
        if (jvm.runs(implementation.name(), annotation.value())) {
            jvm.record(result(implementation, annotation.value(), new Observation(), thrown, 0));
        }
    }

    /**
     * Runs the check on its own thread under its suite's check bound: the safety net for a call into an
     * implementation that blocks where it must not (in {@code add}, or in an {@code await(timeout)}
     * that ignores its timeout). The check's thread is then left behind.
     */
    private static Throwable runBounded(Invocation<Void> invocation, Implementation implementation, Check check,
                                        TestJvm jvm, CompletableFuture<Throwable> outcome) {
        long bound = jvm.checkBound.toMillis();
        Thread runner = new Thread(() -> {
            try {
                invocation.proceed();
                outcome.complete(null);
            } catch (Throwable t) {
                outcome.complete(t);
            }
        }, "wg-check " + implementation.name() + " " + check.id());
        runner.setDaemon(true);
        runner.start();
        try {
            return outcome.get(bound, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return HangDetected.atTheCheckBound("the check did not finish within its bound of " + bound / 1000 + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        } catch (ExecutionException impossible) {
            return impossible.getCause();
        }
    }

    /**
     * Gives a check that outran its bound, while no call into the implementation stood still, a little
     * longer to end before it is called too slow: one more check bound, and while the heap is more than
     * {@link #HEAP_FILLING_PERCENT} % used, up to {@link #HEAP_FILLING_MILLIS} from now. A heap that code
     * under test fills on a busy machine can run out seconds after the forensics (a serial collector
     * collects it again and again first), and that error, not the machine's speed, is the verdict. Returns
     * early once the check ended or a thread died of an exhausted heap.
     */
    private static void awaitALateEnd(CompletableFuture<Throwable> outcome, int heapExhaustedBefore, TestJvm jvm) {
        long start = System.nanoTime();
        long grace = jvm.checkBound.toNanos();
        long hardLimit = TimeUnit.MILLISECONDS.toNanos(HEAP_FILLING_MILLIS);
        while (!outcome.isDone() && jvm.outOfMemories() == heapExhaustedBefore) {
            long waited = System.nanoTime() - start;
            if (waited >= hardLimit || waited >= grace && !heapFilling()) {
                return;
            }
            try {
                outcome.get(LATE_END_POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                // not yet; or it ended, which the loop's condition sees
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Whether more than {@link #HEAP_FILLING_PERCENT} % of the maximum heap is in use, garbage included. */
    private static boolean heapFilling() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long max = heap.getMax() > 0 ? heap.getMax() : Runtime.getRuntime().maxMemory();
        return heap.getUsed() * 100 > max * HEAP_FILLING_PERCENT;
    }

    /**
     * The heap error behind a check that outran its bound, if the heap ran out during it: the check's
     * own thread threw it after the bound (filling a heap on a busy machine can take longer than a
     * check's bound; the thread dumps of the forensics give it that much more time), or another thread
     * died of it. Either way the check could not finish for it, and that is the implementation's
     * failure, as the same death of the whole JVM is ({@code Death}).
     */
    private static OutOfMemoryError heapExhaustedDuring(CompletableFuture<Throwable> outcome, int heapExhaustedBefore,
                                                        TestJvm jvm) {
        Throwable late = outcome.getNow(null);
        if (late instanceof OutOfMemoryError) {
            return (OutOfMemoryError) late;
        }
        return jvm.outOfMemories() != heapExhaustedBefore ? jvm.lastOutOfMemory() : null;
    }

    private static CheckResult result(Implementation implementation, Check check, Observation observation,
                                      Throwable failure, long millis) {
        Verdict verdict;
        String message;
        Map<String, Object> details = new LinkedHashMap<>(observation.details());
        if (failure == null) {
            verdict = observation.verdict() != null ? observation.verdict() : Verdict.PASS;
            message = observation.message();
        } else if (failure instanceof TestAbortedException) {
            verdict = Verdict.NOT_RUN;
            message = failure.getMessage();
        } else if (failure instanceof HangDetected) {
            verdict = Verdict.TIMEOUT;
            message = failure.getMessage();
        } else if (failure instanceof OutOfMemoryError) {
            TestJvm.current().outOfMemory();
            verdict = Verdict.FAIL;
            message = implementation.name() + " exhausted the heap (" + Runtime.getRuntime().maxMemory() / (1 << 20)
                    + " MB): " + failure;
        } else {
            verdict = Verdict.FAIL;
            message = failure instanceof AssertionError ? failure.getMessage() : "threw " + failure;
        }
        String how = TestJvm.current().suite.how() + (observation.how() == null ? "" : "; " + observation.how());
        CheckResult result = new CheckResult(implementation.name(), check, verdict, millis, how, message,
                observation.evidence(), details, null);
        if (failure != null && !(failure instanceof HangDetected) && !(failure instanceof TestAbortedException)) {
            result = result.withEvidence(new Evidence(Evidence.Kind.STACK_TRACE, "what the check threw",
                    stackTrace(failure)));
        }
        return result;
    }

    /**
     * A hang's evidence: where every thread the check started was (state, what it is parked on and who
     * holds that, its frames), and what the group says of itself; the message gets the gist in one line.
     */
    private static CheckResult withForensics(CheckResult result, HarnessSubject subject, Implementation implementation,
                                             Set<Long> before, boolean atTheCheckBound) {
        Predicate<ThreadInfo> ofTheCheck = info -> !before.contains(info.getThreadId())
                && !info.getThreadName().startsWith("wg-exit-witness") && !info.getThreadName().equals("wg-group-state");
        String prefix = implementation.type().getName();
        List<String> stuck = StuckCalls.inThisJvm(ofTheCheck, prefix);
        String census = ThreadCensus.of(prefix); // with the dump, so that the two tell of the same moment
        String dump = ThreadDumps.ofThisJvm(ofTheCheck);
        String state = groupState(subject);
        String message;
        Verdict verdict;
        if (!atTheCheckBound) {
            // the check bounded one call itself, and that call did not return
            verdict = Verdict.TIMEOUT;
            message = result.message() + (stuck.isEmpty() ? "" : "; " + stuck.get(0));
        } else if (stuck.isEmpty()) {
            // no call stood still: the check ran out of time, which shows nothing about the implementation
            verdict = Verdict.HARNESS_ERROR;
            message = result.message() + ", but no call into " + implementation.name() + " stood still ("
                    + StuckCalls.SAMPLES + " samples, " + StuckCalls.APART_MILLIS + " ms apart): the test JVM was too"
                    + " slow to finish it, which is no hang; " + census;
        } else {
            verdict = Verdict.TIMEOUT;
            message = result.message() + ": a call into " + implementation.name() + " did not return, its thread was"
                    + " left behind; " + stuck.get(0);
        }
        CheckResult described = new CheckResult(result.implementation(), result.check(), verdict,
                result.millis(), result.how(), message + (state == null ? "" : "; the group says " + state),
                result.evidence(), result.details(), null);
        CheckResult withDump = described.withEvidence(new Evidence(Evidence.Kind.THREAD_DUMP,
                "where the check's threads were when the bound fired", dump.isEmpty() ? "(no thread of the check"
                + " was still alive)" : dump));
        return state == null ? withDump : withDump.withEvidence(new Evidence(Evidence.Kind.GROUP_STATE,
                "the group's toString() when the bound fired", state));
    }

    /** The group's {@code toString()}, itself bounded: a hostile one may hang there too. */
    private static String groupState(HarnessSubject subject) {
        Object group = subject.groupUnderCheck();
        if (group == null) {
            return null;
        }
        CompletableFuture<String> text = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                text.complete(String.valueOf(group));
            } catch (Throwable t) {
                text.complete("toString() threw " + t);
            }
        }, "wg-group-state");
        thread.setDaemon(true);
        thread.start();
        try {
            return text.get(STATE_BOUND_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return "toString() did not return within " + STATE_BOUND_MILLIS + " ms";
        } catch (InterruptedException | ExecutionException e) {
            return "toString() could not be read: " + e;
        }
    }

    private static Set<Long> threadIds() {
        Set<Long> ids = new HashSet<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            ids.add(thread.getId());
        }
        return ids;
    }

    /** A thread the check started that still runs (not parked) in the implementation's code. */
    private static java.util.Optional<String> leftBehind(Implementation implementation, Set<Long> before) {
        String prefix = implementation.type().getName();
        for (Map.Entry<Thread, StackTraceElement[]> thread : Thread.getAllStackTraces().entrySet()) {
            if (before.contains(thread.getKey().getId()) || thread.getKey().getState() != Thread.State.RUNNABLE) {
                continue;
            }
            for (StackTraceElement frame : thread.getValue()) {
                if (frame.getClassName().startsWith(prefix)) {
                    return java.util.Optional.of(thread.getKey().getName());
                }
            }
        }
        return java.util.Optional.empty();
    }

    private static String stackTrace(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        String[] lines = text.toString().split("\n");
        StringBuilder kept = new StringBuilder();
        for (int i = 0; i < Math.min(lines.length, EVIDENCE_LINES); i++) {
            kept.append(lines[i].stripTrailing()).append('\n');
        }
        if (lines.length > EVIDENCE_LINES) {
            kept.append("\t... ").append(lines.length - EVIDENCE_LINES).append(" more lines\n");
        }
        return kept.toString();
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private static Observation observation(ExtensionContext context) {
        return context.getStore(ExtensionContext.Namespace.create(CheckRecorder.class))
                .getOrComputeIfAbsent(Observation.class, type -> new Observation(), Observation.class);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == Observation.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return observation(extensionContext);
    }
}
