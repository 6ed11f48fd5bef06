package dev.waitgroup.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.waitgroup.catalogue.Suite;
import dev.waitgroup.record.ResultsFiles;
import dev.waitgroup.record.SuiteResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad input to the harness stops it at once: exit status 2, one message naming the property or the
 * class and what is expected, and nothing written, so that no stale or partial results can pass for
 * this run's.
 */
class BadInputTest {

    @ParameterizedTest(name = "-D{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "wg.impl | nosuch                               | wg.impl: unknown implementation 'nosuch'",
            "wg.impl | com.acme.Missing                     | wg.impl: class com.acme.Missing was not found",
            "wg.impl | com.acme.NotAWaitGroup               | com.acme.NotAWaitGroup does not implement dev.waitgroup.WaitGroup",
            "wg.impl | com.acme.ThrowingConstructorWaitGroup | the constructor of com.acme.ThrowingConstructorWaitGroup threw java.lang.IllegalStateException: no license key found",
            "wg.impl | com.acme.BrokenStaticWaitGroup       | the constructor of com.acme.BrokenStaticWaitGroup threw java.lang.ExceptionInInitializerError",
            "wg.impl | ''                                   | -Dwg.impl=: it is empty",
            "wg.classpath | /no/such/acme.jar               | wg.classpath: /no/such/acme.jar does not exist",
            "lincheck.mc.invocations | 0                    | -Dlincheck.mc.invocations=0 cannot be used; lincheck.mc.invocations accepts a whole number from 1 to 10000000",
            "lincheck.iterations | -1                       | -Dlincheck.iterations=-1 cannot be used",
            "jcstress.budget | -5m                          | -Djcstress.budget=-5m cannot be used; jcstress.budget accepts a duration from 1s to 24h",
            "jcstress.budget | 0                            | -Djcstress.budget=0 cannot be used",
            "stress.preset | thorough                       | stress.preset is now called jcstress.preset; use -Djcstress.preset=thorough",
            "contract.check.bound | soon                    | -Dcontract.check.bound=soon cannot be used",
            "wg.check | negative-refusd                     | no check is called 'negative-refusd' (did you mean negative-refused?)",
            "wg.imp | aqs                                   | -Dwg.imp: wg-lab has no property wg.imp; did you mean wg.impl?",
            "wg.shard | 3/2                                 | -Dwg.shard=3/2 cannot be used",
            "fray.jdk | /no/such/jdk-25                     | -Dfray.jdk=/no/such/jdk-25: there is no such folder; fray.jdk accepts a JDK 25's folder, or none"})
    void aBadValueStopsTheSuiteAtOnceNamingItAndWritesNothing(String property, String value, String message,
                                                              @TempDir Path results) throws IOException {
        String classpath = property.equals("wg.classpath") ? "wg.classpath=" + value : Harness.plugIns();
        Harness.Run run = Harness.contract(results, classpath, property + "=" + value);
        assertEquals(2, run.exit(), run.output());
        assertTrue(run.output().contains(message), "expected \"" + message + "\" in:\n" + run.output());
        assertFalse(Files.exists(ResultsFiles.of(results, Suite.CONTRACT)), "no results may be written");
    }

    /**
     * Not bad input: a run narrowed to another suite's check (-Dwg.check=explore-sequential, which the build
     * passes to every suite) leaves this one nothing to do, which it says in a complete file of no verdicts.
     * (It used to end in an IllegalArgumentException, with no report.)
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"contract", "lincheck"})
    void aSuiteWithNoneOfTheSelectedChecksWritesACompleteFileOfNoVerdicts(String suiteId, @TempDir Path results) {
        Suite suite = Suite.of(suiteId);
        Harness.Run run = Harness.suite(suite, results, process -> { }, "wg.impl=aqs,cas", "wg.check=explore-sequential");
        assertEquals(0, run.exit(), run.output());
        SuiteResults verdicts = run.suite(suite);
        assertTrue(verdicts.complete(), run.output());
        assertEquals(List.of(), verdicts.results());
        assertEquals(List.of(), verdicts.missing());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"lincheck", "jcstress"})
    void everySuiteRefusesTheSameWay(String suite, @TempDir Path results) {
        Harness.Run run = suite.equals("lincheck") ? Harness.lincheck(results, "wg.impl=nosuch")
                : Harness.jcstress(results, "wg.impl=nosuch");
        assertEquals(2, run.exit(), run.output());
        assertTrue(run.output().contains("wg.impl: unknown implementation 'nosuch'"), run.output());
    }
}
