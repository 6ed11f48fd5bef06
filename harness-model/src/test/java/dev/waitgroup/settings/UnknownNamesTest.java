package dev.waitgroup.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A name that looks like the harness's and is none of its properties is refused, naming the nearest
 * property: the build passes on only what it declares, so a misspelt name would be dropped silently.
 */
class UnknownNamesTest {

    @Test
    void aMisspeltPropertyIsRefusedNamingTheOneMeant() {
        assertEquals(List.of("-Dwg.imp: wg-lab has no property wg.imp; did you mean wg.impl? (every property is listed"
                        + " in the README's table)"),
                UnknownNames.problems(Set.of("wg.imp")));
        assertEquals(1, UnknownNames.problems(Set.of("lincheck.iteration")).size());
        assertEquals(true, UnknownNames.problems(Set.of("fray.sedd")).get(0).contains("did you mean fray.seed?"));
    }

    @Test
    void propertiesTheirFormerNamesTheHarnessesOwnAndOtherToolsNamesPass() {
        assertEquals(List.of(), UnknownNames.problems(Set.of("wg.impl", "jcstress.budget", "stress.budget", "wg.journal",
                "fray.version", "wg.jvm.args", "maven.test.skip", "java.home", "test", "build.suite.skip")));
    }

    @Test
    void theMavenCommandLineIsReadInEveryFormMavenAccepts() {
        assertEquals(Set.of("wg.imp", "lincheck.iterations", "fray.sedd", "maven.test.skip", "wg.gate"),
                UnknownNames.onMavenCommandLine(" -B verify -Dwg.imp=com.acme.A -D lincheck.iterations=3"
                        + " --define=fray.sedd=2 -Dmaven.test.skip --define wg.gate=false -Pstress"));
        assertEquals(Set.of(), UnknownNames.onMavenCommandLine(null), "not started by Maven");
    }
}
