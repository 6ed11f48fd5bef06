package dev.waitgroup.fray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.waitgroup.fray.FrayOutcome.Verdict;
import dev.waitgroup.fray.scenario.Scenario;
import dev.waitgroup.fray.scenario.Scenarios;
import dev.waitgroup.harness.Implementation;
import dev.waitgroup.harness.Implementations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The default run's Fray job: every scenario on every implementation, and each specimen that a
 * scenario is built to catch, caught and replayed. Where there is no JDK 25 the tests are skipped with
 * the engine's one-sentence reason, and the build passes.
 *
 * <p>Budgets: {@code fray.iterations} schedules per scenario on an implementation (300), and
 * {@code fray.specimen.iterations} at most on a specimen (2,000), set by the build.
 */
class FrayBuildRunTest {
    private static final long SEED = 1;
    private static FrayEngine engine;

    @BeforeAll
    static void prepareTheImage() throws InterruptedException {
        engine = FrayEngine.ofThisBuild(Path.of("target", "fray-build-run"));
        FrayEngine.Preparation ready = engine.prepare();
        if (ready.ready()) {
            FrayImage image = ready.image();
            System.out.printf("Fray JDK image %s: %s in %.1f s%n", image.home(), image.built() ? "built" : "cached",
                    image.took().toMillis() / 1000.0);
        } else {
            System.out.println(ready.reason());
        }
    }

    private static FrayEngine.Preparation readyOrSkip() throws InterruptedException {
        FrayEngine.Preparation ready = engine.prepare();
        Assumptions.assumeTrue(ready.ready(), ready.reason());
        return ready;
    }

    private static int budget(String property, int otherwise) {
        return Integer.getInteger(property, otherwise);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"aqs", "phaser", "lock", "cas", "go"})
    void everyScenarioPassesOnACorrectImplementation(String name) throws InterruptedException {
        readyOrSkip();
        Implementation implementation = Implementations.named(name);
        List<FrayOutcome> outcomes = engine.explore(new FrayEngine.Request(implementation.type().getName(), "",
                implementation.documentedReuse(), Scenarios.all(), SchedulerKind.POS,
                new Budget(budget("fray.iterations", 300), Duration.ofSeconds(20), Duration.ofMinutes(3)), SEED));
        List<String> wrong = new ArrayList<>();
        for (FrayOutcome outcome : outcomes) {
            System.out.println(name + ": " + outcome.summary());
            boolean frays = outcome.verdict() == Verdict.ERROR && (outcome.reason().startsWith("Fray lost control")
                    || outcome.reason().startsWith("inconclusive"));
            if (outcome.verdict() != Verdict.PASSED && !frays) {
                wrong.add(outcome.summary());
            }
        }
        assertEquals(List.of(), wrong, "a correct implementation failed, hung, or the engine erred");
    }

    @ParameterizedTest(name = "{0} caught by {1}")
    @CsvSource({
            "lost-update, racing-dones-near-zero",
            "racy-refusal, racing-dones-near-zero",
            "lost-wakeup, await-races-release",
            "park-once, await-races-release",
            "signal-one, two-waiters-one-releaser",
            "stale-round, rounds-handed-over",
            "stray-permit, timed-await-gives-up",
            "lost-interrupt, interrupt-during-release",
            "go-add-zero, await-races-release"})
    void aSpecimenIsCaughtAndItsReplayFailsTheSameWay(String name, String scenarioName)
            throws InterruptedException {
        readyOrSkip();
        Implementation specimen = Implementations.named(name);
        Scenario scenario = Scenarios.named(scenarioName);
        FrayOutcome caught = engine.explore(new FrayEngine.Request(specimen.type().getName(), "",
                specimen.documentedReuse(), List.of(scenario), SchedulerKind.POS,
                new Budget(budget("fray.specimen.iterations", 2_000), Duration.ofSeconds(30), Duration.ofMinutes(2)),
                SEED)).get(0);
        System.out.println(name + ": " + caught.summary());
        assertEquals(Verdict.FAILED, caught.verdict(), caught.summary());
        FrayOutcome replayed = engine.replay(caught, "", specimen.documentedReuse(), scenario);
        System.out.println(name + " replayed: " + replayed.summary());
        assertTrue(FrayEngine.reproduces(caught, replayed), "replay: " + replayed.summary());
    }
}
