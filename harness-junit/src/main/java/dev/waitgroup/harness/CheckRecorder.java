package dev.waitgroup.harness;

import dev.waitgroup.Implementation;
import dev.waitgroup.record.CheckResult;
import dev.waitgroup.record.ImplementationInfo;
import dev.waitgroup.record.SuiteRecorder;
import dev.waitgroup.record.Verdict;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.opentest4j.TestAbortedException;

/**
 * Records the verdict of every {@link Check} into the suite's results file,
 * {@code <wg.results.dir>/<wg.suite>.json}, and lets the run go on: a failing real implementation
 * fails its JUnit test (the suite's Surefire ignores failures; the report's gate fails the build),
 * while a failing specimen is "caught", shown as an aborted test whose message says which check
 * caught it. Register it with {@code @ExtendWith(CheckRecorder.class)} on a {@link HarnessSubject}.
 */
public final class CheckRecorder implements InvocationInterceptor, ParameterResolver {
    private static final Namespace NAMESPACE = Namespace.create(CheckRecorder.class);
    private static final int EVIDENCE_LINES = 25;
    /** Start an assumption's message with this to skip a check that does not apply, without a record. */
    public static final String NOT_APPLICABLE = "not applicable:";

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
                                    ExtensionContext context) throws Throwable {
        Check check = invocationContext.getExecutable().getAnnotation(Check.class);
        if (check == null) {
            invocation.proceed();
            return;
        }
        Implementation implementation = ((HarnessSubject) context.getRequiredTestInstance()).implementation();
        Observation observation = observation(context);
        long start = System.nanoTime();
        Throwable failure = runBounded(invocation, check);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        if (failure instanceof TestAbortedException && String.valueOf(failure.getMessage()).contains(NOT_APPLICABLE)) {
            throw failure; // a check that does not apply to this implementation leaves no record
        }

        SuiteRecorder recorder = recorder(context);
        recorder.implementation(info(implementation));
        recorder.record(result(implementation, invocationContext.getExecutable(), check, observation, failure, millis));
        recorder.write();

        if (failure == null) {
            return;
        }
        if (implementation.kind() == Implementation.Kind.SPECIMEN && !(failure instanceof TestAbortedException)) {
            throw new TestAbortedException("specimen " + implementation.name() + " caught by " + check.value()
                    + ": " + failure, failure);
        }
        throw failure;
    }

    /**
     * Runs the check, on its own thread when {@code wg.check.bound} (seconds) is set: the safety net
     * for a call into an implementation that blocks where it must not (in {@code add}, or in an
     * {@code await(timeout)} that ignores its timeout). Such a check is reported as a hang and its
     * thread left behind, rather than hanging the build.
     */
    private static Throwable runBounded(Invocation<Void> invocation, Check check) {
        long bound = Long.getLong("wg.check.bound", 0L);
        if (bound <= 0) {
            try {
                invocation.proceed();
                return null;
            } catch (Throwable t) {
                return t;
            }
        }
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread runner = new Thread(() -> {
            try {
                invocation.proceed();
                outcome.complete(null);
            } catch (Throwable t) {
                outcome.complete(t);
            }
        }, "wg-check " + check.value());
        runner.setDaemon(true);
        runner.start();
        try {
            return outcome.get(bound, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            runner.interrupt();
            return new HangDetected("the check did not finish within " + bound + " s: a call into the implementation"
                    + " blocked where it must not; its thread was left behind");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        } catch (ExecutionException impossible) {
            return impossible.getCause();
        }
    }

    private static CheckResult result(Implementation implementation, Method method, Check check,
                                      Observation observation, Throwable failure, long millis) {
        Verdict verdict;
        String message;
        String evidence = observation.evidence();
        if (failure == null) {
            verdict = observation.verdict() != null ? observation.verdict() : Verdict.PASS;
            message = observation.message();
        } else if (failure instanceof TestAbortedException) {
            verdict = Verdict.NOT_RUN;
            message = failure.getMessage();
        } else {
            verdict = failure instanceof HangDetected ? Verdict.TIMEOUT : Verdict.FAIL;
            message = failure instanceof AssertionError
                    ? failure.getMessage()
                    : "threw " + failure;
            if (evidence == null) {
                evidence = stackTrace(failure);
            }
        }
        Map<String, Object> details = new LinkedHashMap<>(observation.details());
        details.putIfAbsent("title", title(method));
        return CheckResult.of(implementation.name(), check.value(), check.category(), verdict, millis, message)
                .withEvidence(evidence)
                .withDetails(details);
    }

    /** A test method's name as a sentence: {@code onACounterOfOne} becomes "On a counter of one". */
    static String title(Method method) {
        String words = method.getName()
                .replaceAll("([a-z0-9])([A-Z])", "$1 $2")
                .replaceAll("([A-Z])([A-Z][a-z])", "$1 $2")     // "ACounter" is "a counter"
                .replaceAll("([a-z])([0-9])", "$1 $2")          // "Java21" is "java 21"
                .toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    static ImplementationInfo info(Implementation implementation) {
        return Infos.of(implementation);
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

    private static SuiteRecorder recorder(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(SuiteRecorder.class, type -> newRecorder(), SuiteRecorder.class);
    }

    private static SuiteRecorder newRecorder() {
        Path folder = Path.of(System.getProperty("wg.results.dir", "target/wg-results"));
        String suite = System.getProperty("wg.suite", "contract");
        return SuiteRecorder.forSuite(suite, folder.resolve(suite + ".json"));
    }

    private static Observation observation(ExtensionContext context) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(Observation.class, type -> new Observation(),
                Observation.class);
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
