package dev.waitgroup.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.waitgroup.record.Verdict;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The catalogue's own rules: what the suites, the report and the gate rely on. */
class CatalogueTest {

    @Test
    void everyCheckHasAStableKebabCaseIdThatReadsBack() {
        Set<String> ids = new HashSet<>();
        for (Check check : Check.values()) {
            assertTrue(check.id().matches("[a-z0-9]+(-[a-z0-9]+)*"), check.id());
            assertTrue(ids.add(check.id()), "two checks share " + check.id());
            assertEquals(check, Check.of(check.id()));
        }
    }

    @Test
    void everyCheckStatesItsPropertyAndRunsInASuite() {
        for (Check check : Check.values()) {
            assertFalse(check.title().isBlank(), check.id());
            assertFalse(check.suites().isEmpty(), check.id());
        }
    }

    /** A suite that checks named properties needs a check designed for the bug; one that explores the contract needs none. */
    @Test
    void everyImplementationBugIsCaughtBySomeCheckOfEverySuiteThatMustCatchIt() {
        for (Bug bug : Bug.values()) {
            for (Suite suite : bug.mustBeCaughtBy()) {
                boolean designed = Check.of(suite).stream().anyMatch(check -> check.catches().contains(bug));
                assertTrue(designed || suite.explores(), bug.id() + " must be caught by " + suite.id()
                        + ", but no check of it is designed to");
            }
        }
    }

    @Test
    void theExplorationNamesNoBugAndMustCatchEveryScriptedOne() {
        for (Check check : Check.of(Suite.EXPLORATION)) {
            assertTrue(check.catches().isEmpty(), check.id() + " explores the contract: it is written for no bug");
        }
        for (Bug bug : Bug.values()) {
            if (bug.kind() == BugKind.SCRIPTED && bug.seenInWhatCallsReturn()) {
                assertTrue(bug.mustBeCaughtBy().contains(Suite.EXPLORATION), bug.id() + " shows in a sequence of calls:"
                        + " exploring the contract must find it");
            }
        }
    }

    @Test
    void frayNamesNoBugAndIsHeldOnlyToInterleavings() {
        for (Check check : Check.of(Suite.FRAY)) {
            assertTrue(check.catches().isEmpty(), check.id() + " explores the contract: it is written for no bug");
        }
        assertTrue(Suite.FRAY.explores(), "every specimen meets Fray's checks in every run");
        for (Bug bug : Bug.values()) {
            if (bug.mustBeCaughtBy().contains(Suite.FRAY)) {
                assertEquals(BugKind.INTERLEAVING, bug.kind(), bug.id() + ": Fray is held only to the interleavings it"
                        + " reaches in its default budget");
            }
        }
    }

    @Test
    void aClientBugCarriesItsLessonAndAnImplementationBugNamesTheSuitesThatSeeIt() {
        for (Bug bug : Bug.values()) {
            if (bug.isClientBug()) {
                assertTrue(bug.lesson() != null && !bug.lesson().code().isBlank(), bug.id());
            } else {
                assertFalse(bug.mustBeCaughtBy().isEmpty(), bug.id());
            }
        }
    }

    @Test
    void aReuseMeasurementReadsBackAsTheBehaviourItShows() {
        assertEquals(Verdict.HANDLED, Claims.expected(ReuseBehaviour.FINISHES_OLD_ROUND));
        for (ReuseBehaviour documented : ReuseBehaviour.values()) {
            if (documented != ReuseBehaviour.UNKNOWN) {
                assertEquals(documented, Claims.observed(Claims.expected(documented)), documented.id());
            }
        }
        assertEquals(null, Claims.expected(ReuseBehaviour.UNKNOWN));
        assertEquals(ReuseBehaviour.UNKNOWN, Claims.observed(Verdict.TIMEOUT), "a hang shows no behaviour");
    }

    @Test
    void aVerdictContradictsOnlyTheBehaviourAnImplementationDocuments() {
        assertEquals("documents reuse behaviour 'silently waits' but reuse-before-wait-returned saw handled safely",
                Claims.contradiction(ReuseBehaviour.WAITS_FOR_NEW_ROUND, Check.REUSE_BEFORE_WAIT_RETURNED,
                        Verdict.HANDLED));
        assertEquals(null, Claims.contradiction(ReuseBehaviour.FINISHES_OLD_ROUND,
                Check.REUSE_BEFORE_WAIT_RETURNED, Verdict.HANDLED), "as documented");
        assertEquals(null, Claims.contradiction(ReuseBehaviour.FINISHES_OLD_ROUND,
                Check.REUSE_BEFORE_WAIT_RETURNED, Verdict.TIMEOUT), "a hang is a failure, not a contradiction");
    }

    @Test
    void checksThatHoldImplementationsToTheirWordAreMisuseChecks() {
        for (Check check : Check.values()) {
            if (check.claim() != Claim.NONE) {
                assertEquals(Category.MISUSE, check.category(), check.id());
            }
        }
    }

    @Test
    void everyBenchmarkHasItsOwnMethodAndSaysWhatItMeasures() {
        Set<String> methods = new HashSet<>();
        for (Benchmark benchmark : Benchmark.values()) {
            assertTrue(benchmark.method().matches("[a-z][A-Za-z0-9]*"), benchmark.method());
            assertTrue(methods.add(benchmark.method()), "two benchmarks share the method " + benchmark.method());
            assertEquals(Optional.of(benchmark), Benchmark.of(benchmark.method()));
            assertFalse(benchmark.measures().isBlank(), benchmark.method());
            assertFalse(benchmark.threads().isEmpty(), benchmark.method());
            assertEquals(benchmark.threads().stream().sorted().distinct().toList(), benchmark.threads(),
                    benchmark.method() + ": thread counts ascending, each once");
        }
        assertEquals(Optional.empty(), Benchmark.of("noSuchBenchmark"));
    }

    /** Go's figures are filed under one name per Go benchmark, and a variant is compared with its exact mirror's. */
    @Test
    void everyGoCounterpartHasExactlyOneExactMirror() {
        for (Benchmark benchmark : Benchmark.values()) {
            benchmark.goCounterpart().ifPresent(go -> {
                assertTrue(go.name().matches("BenchmarkWaitGroup[A-Z][A-Za-z]*"), go.name());
                long exact = Arrays.stream(Benchmark.values()).filter(other -> other.goCounterpart()
                        .filter(g -> g.exact() && g.name().equals(go.name())).isPresent()).count();
                assertEquals(1, exact, go.name() + " must be mirrored exactly by one benchmark");
                assertEquals(go.exact() ? Optional.of(benchmark) : Benchmark.mirrorOf(go.name()),
                        benchmark.goFiguresUnder(), benchmark.method());
            });
            if (benchmark.goCounterpart().isEmpty()) {
                assertEquals(Optional.empty(), benchmark.goFiguresUnder(), benchmark.method());
            }
        }
        assertEquals(Optional.of(Benchmark.ACTUALLY_WAIT), Benchmark.ACTUALLY_WAIT_VIRTUAL.goFiguresUnder());
        assertEquals(Optional.empty(), Benchmark.mirrorOf("BenchmarkMutexUncontended"));
    }

    @Test
    void everyBaselineHasItsClassAndStandsBesideSomeBenchmark() {
        for (Baseline baseline : Baseline.values()) {
            assertEquals(Optional.of(baseline), Baseline.ofClass(baseline.className()));
            assertEquals(Optional.of(baseline), Baseline.ofLabel(baseline.label()));
            assertFalse(baseline.what().isBlank(), baseline.label());
            assertTrue(Arrays.stream(Benchmark.values()).anyMatch(b -> b.baselines().contains(baseline)),
                    baseline.label() + " runs no benchmark");
        }
        assertEquals(Optional.empty(), Baseline.ofClass("WaitGroupBenchmarks"));
    }
}
