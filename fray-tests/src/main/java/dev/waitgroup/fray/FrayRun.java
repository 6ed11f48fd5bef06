package dev.waitgroup.fray;

import dev.waitgroup.fray.scenario.Timing;
import java.nio.file.Path;
import kotlin.Unit;
import org.pastalab.fray.core.TestRunner;
import org.pastalab.fray.core.command.Configuration;
import org.pastalab.fray.core.command.ExecutionInfo;
import org.pastalab.fray.core.command.LambdaExecutor;
import org.pastalab.fray.core.command.NetworkDelegateType;
import org.pastalab.fray.core.command.SystemTimeDelegateType;
import org.pastalab.fray.core.randomness.RandomnessProvider;
import org.pastalab.fray.core.scheduler.Scheduler;

/**
 * One Fray exploration in this JVM, through Fray's core API: a {@code Configuration} with the body to
 * run as a lambda executor, handed to a {@code TestRunner}. Only in a Fray JVM (the instrumented JDK
 * with Fray's agent and JVMTI library); elsewhere Fray's runtime is not wired into the JDK.
 *
 * <p>The settings that matter, and why: Fray stops at the first failure and returns it instead of
 * exiting the JVM; no class loader reset (the body is a lambda of this loader); no network or timeline
 * bookkeeping; a bound on scheduling steps per iteration; and the {@link Timing} of the body.
 */
final class FrayRun {
    /**
     * No bound on scheduling steps per iteration (-1). Fray 0.9.2 abandons an iteration that passes its
     * bound with a LivenessException that it does not report, so the iteration would count as passed;
     * a run that never ends is the child JVM's watchdog's to stop, as a hang.
     */
    static final int MAX_SCHEDULED_STEPS = -1;
    /** Fray's virtual clock step per read, in nanoseconds (Fray's default). */
    static final long VIRTUAL_TIME_DELTA_NANOS = 100_000L;

    /** The body of an iteration. */
    @FunctionalInterface
    interface Body {
        void run() throws Exception;
    }

    /**
     * How an exploration ended.
     *
     * @param failure   the first failure (a judgment's AssertionError, an exception, Fray's
     *                  DeadlockException), or null if every iteration passed
     * @param iteration the iteration that failed, or the number of iterations run
     * @param millis    the exploration's wall time
     */
    record Result(Throwable failure, int iteration, long millis) {
    }

    private FrayRun() {
    }

    static Result run(Body body, Path report, int iterations, int seconds, Scheduler scheduler,
                      RandomnessProvider randomness, boolean isReplay, Timing timing) {
        boolean virtualClock = timing == Timing.VIRTUAL_CLOCK;
        Configuration config = new Configuration(
                new ExecutionInfo(new LambdaExecutor(() -> runBody(body)), false, false, MAX_SCHEDULED_STEPS),
                report, iterations, seconds, scheduler, randomness,
                false,  // fullSchedule
                false,  // exploreMode: stop at the first failure
                true,   // noExitWhenBugFound: return the failure instead of System.exit(1)
                isReplay,
                false,  // noFray
                false,  // dummyRun
                NetworkDelegateType.NONE,
                virtualClock ? SystemTimeDelegateType.MOCK : SystemTimeDelegateType.NONE,
                VIRTUAL_TIME_DELTA_NANOS,
                !virtualClock, // ignoreTimedBlock: timeouts only when nothing else can run
                false,  // sleepAsYield
                false,  // resetClassLoader (the lambda lives in this class loader anyway)
                false,  // redirectStdout
                false,  // abortThreadExecutionAfterMainExit
                false,  // resolveRacingOperationStackTraceHash
                null);  // no timeline coverage
        long start = System.nanoTime();
        Throwable failure = new TestRunner(config).run();
        return new Result(failure, config.getCurrentIteration(), (System.nanoTime() - start) / 1_000_000);
    }

    private static Unit runBody(Body body) {
        try {
            body.run();
        } catch (Exception e) {
            throw FrayRun.<RuntimeException>sneaky(e);
        }
        return Unit.INSTANCE;
    }

    /** Rethrows a checked exception unchanged, so that Fray reports the scenario's own exception. */
    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T sneaky(Throwable t) throws T {
        throw (T) t;
    }
}
