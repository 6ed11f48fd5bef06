package dev.waitgroup.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.waitgroup.catalogue.Check;
import dev.waitgroup.record.Shard;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every property is read by its declared type, checked before anything runs, and refused with a
 * message naming it. The properties are passed in, never read from this JVM's system properties: a
 * user's {@code -D} on the build's command line reaches the test JVM, and must not change a test.
 */
class SettingsTest {

    private static Settings settings(String... keysAndValues) {
        Map<String, String> properties = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return Settings.from(properties::get);
    }

    private static String refusal(String... keysAndValues) {
        return assertThrows(InvalidSettings.class, () -> settings(keysAndValues)).getMessage();
    }

    @Test
    void nothingGivenMeansTheDefaultRunsBudgets() {
        Settings settings = settings();
        assertEquals("default", settings.mode);
        assertFalse(settings.mainJob);
        assertEquals("all", settings.selection);
        assertEquals(3, settings.get(Property.LINCHECK_ITERATIONS));
        assertEquals(Duration.ofMinutes(3), settings.get(Property.JCSTRESS_BUDGET));
        assertEquals(Shard.WHOLE, settings.shard);
        assertTrue(settings.selects(Check.NEGATIVE_REFUSED));
    }

    @Test
    void theMainJobRaisesEveryBudgetAndAnEmptyValueMeansTheModesDefault() {
        Settings settings = settings("wg.mode", "stress", "lincheck.iterations", "", "jcstress.budget", " ");
        assertTrue(settings.mainJob);
        assertEquals(12, settings.get(Property.LINCHECK_ITERATIONS));
        assertEquals(Duration.ofMinutes(15), settings.get(Property.JCSTRESS_BUDGET));
        assertEquals("thorough", settings.get(Property.JCSTRESS_PRESET));
    }

    @Test
    void theMainJobInDefaultModeKeepsWhatWasGivenAndTakesTheDefaultRunsDefaultsForTheRest() {
        Settings mainJob = settings("wg.mode", "stress", "wg.run.id", "nightly-7", "lincheck.iterations", "5");
        Settings specimens = mainJob.inDefaultMode();
        assertFalse(specimens.mainJob);
        assertEquals(5, specimens.get(Property.LINCHECK_ITERATIONS), "given, so kept");
        assertEquals(1L, specimens.get(Property.EXPLORATION_SEED).forRun(specimens.runId), "the default run's seed");
        assertEquals("nightly-7", specimens.runId);
        assertTrue(specimens.asJvmOptions().contains("-Dwg.mode=default"), specimens.asJvmOptions().toString());
        assertTrue(mainJob.mainJob, "the run's own settings are unchanged");
    }

    @Test
    void everyDeclaredDefaultIsAValueItsPropertyAccepts() {
        for (boolean mainJob : new boolean[] {false, true}) {
            Settings settings = settings("wg.mode", mainJob ? "stress" : "default");
            for (Property<?> property : Property.all()) {
                assertEquals(property.type().read(property.defaultFor(mainJob)), settings.get(property), property.key());
            }
        }
    }

    @Test
    void zeroNegativeAndUnreadableBudgetsAreRefusedNamingThePropertyAndItsRange() {
        assertEquals("-Dlincheck.mc.invocations=0 cannot be used; lincheck.mc.invocations accepts a whole number"
                + " from 1 to 10000000", refusal("lincheck.mc.invocations", "0"));
        assertTrue(refusal("lincheck.iterations", "-1").startsWith("-Dlincheck.iterations=-1 cannot be used"));
        assertTrue(refusal("jcstress.budget", "-5m").startsWith("-Djcstress.budget=-5m cannot be used; jcstress.budget"
                + " accepts a duration from 1s to 24h"));
        assertTrue(refusal("jcstress.budget", "0").startsWith("-Djcstress.budget=0 cannot be used"));
        assertTrue(refusal("contract.check.bound", "soon").startsWith("-Dcontract.check.bound=soon cannot be used"));
        assertTrue(refusal("jcstress.preset", "forever").contains("jcstress.preset accepts short or thorough"));
        assertTrue(refusal("bench.include", "(").contains("-Dbench.include=(: not a regular expression"));
    }

    /**
     * A JDK named for Fray is that JDK or the run does not start: a folder that is no JDK 25 is refused, not
     * passed over for another one found elsewhere. The version comes from the JDK's release file.
     */
    @Test
    void aJdkNamedForFrayMustBeAJdk25WithJlink(@TempDir Path jdks) throws IOException {
        assertEquals("-Dfray.jdk=" + jdks.resolve("gone") + ": there is no such folder; fray.jdk accepts a JDK 25's"
                + " folder, or none", refusal("fray.jdk", jdks.resolve("gone").toString()));
        assertTrue(refusal("fray.jdk", fakeJdk(jdks, "jdk-17", "17.0.15", true)).contains(": that is a JDK 17.0.15, not 25;"));
        assertTrue(refusal("fray.jdk", fakeJdk(jdks, "jre-25", "25.0.3", false)).contains(": that JDK 25 has no bin/jlink;"));
        assertTrue(refusal("fray.jdk", Files.createDirectories(jdks.resolve("empty")).toString())
                .contains(": no JDK there (no release file naming its JAVA_VERSION)"));
        String jdk25 = fakeJdk(jdks, "jdk-25", "25.0.3", true);
        assertEquals(jdk25, settings("fray.jdk", jdk25).get(Property.FRAY_JDK));
        assertEquals("none", settings("fray.jdk", "none").get(Property.FRAY_JDK));
    }

    private static String fakeJdk(Path parent, String name, String version, boolean jlink) throws IOException {
        Path home = Files.createDirectories(parent.resolve(name).resolve("bin"));
        Files.writeString(parent.resolve(name).resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + version + "\"\n");
        if (jlink) {
            Files.writeString(home.resolve("jlink"), "");
        }
        return parent.resolve(name).toString();
    }

    @Test
    void everyBadPropertyIsNamedAtOnce() {
        InvalidSettings e = assertThrows(InvalidSettings.class,
                () -> settings("lincheck.iterations", "0", "wg.shard", "3/2", "wg.mode", "fast"));
        assertEquals(3, e.problems().size(), e.getMessage());
    }

    @Test
    void aFormerNameIsRefusedNamingTheNewOneSoThatAnOldCommandLineIsNotIgnored() {
        assertEquals("-Dstress.preset=thorough: stress.preset is now called jcstress.preset;"
                + " use -Djcstress.preset=thorough", refusal("stress.preset", "thorough"));
        assertTrue(refusal("stress.budget", "20m").contains("use -Djcstress.budget=20m"));
        assertEquals(Duration.ofMinutes(3), settings("stress.budget", "").get(Property.JCSTRESS_BUDGET),
                "given empty, as the build passes every name it does not set, it is no setting at all");
    }

    @Test
    void anEmptySelectionIsRefusedRatherThanReadAsAll() {
        assertTrue(refusal("wg.impl", "").startsWith("-Dwg.impl=: it is empty (leave it out to check everything)"));
        assertTrue(refusal("wg.impl", " , ").contains("it is empty"));
    }

    @Test
    void aCheckFilterNamesCatalogueChecks() {
        Settings settings = settings("wg.check", "negative-refused, mc-random");
        assertTrue(settings.selects(Check.MC_RANDOM));
        assertFalse(settings.selects(Check.GO_MANY));
        assertEquals("negative-refused, mc-random", settings.checkFilter);
        assertTrue(refusal("wg.check", "negative-refusd").contains("no check is called 'negative-refusd' (did you mean"
                + " negative-refused?)"), refusal("wg.check", "negative-refusd"));
        assertTrue(refusal("wg.check", "nothing-like-it").contains("no check is called 'nothing-like-it';"),
                refusal("wg.check", "nothing-like-it"));
        assertTrue(refusal("wg.check", ",").contains("it names no check"));
    }

    @Test
    void aShardIsKOfN() {
        assertEquals(new Shard(2, 4), settings("wg.shard", "2/4").shard);
        assertTrue(refusal("wg.shard", "0/4").startsWith("-Dwg.shard=0/4 cannot be used"));
        assertTrue(refusal("wg.shard", "5/4").startsWith("-Dwg.shard=5/4 cannot be used"));
        assertTrue(refusal("wg.shard", "two").startsWith("-Dwg.shard=two cannot be used"));
        assertTrue(refusal("wg.shard", "1/65").contains("accepts K/N with 1 <= K <= N <= 64"));
    }

    @Test
    void durationsAreReadWithTheirUnit() {
        assertEquals(Duration.ofSeconds(90), ValueType.parseDuration("90s"));
        assertEquals(Duration.ofMinutes(20), ValueType.parseDuration("20m"));
        assertEquals(Duration.ofHours(1), ValueType.parseDuration(" 1h "));
        assertEquals(Duration.ofSeconds(45), ValueType.parseDuration("45"));
        assertEquals(Duration.ofMillis(500), ValueType.parseDuration("500ms"));
        assertEquals(null, ValueType.parseDuration("soon"));
    }

    @Test
    void aPlugInPathIsTakenFromTheProjectFolderWhereTheUserTypedIt() {
        Settings settings = settings("wg.root", "/work/project", "wg.classpath", "my.jar,/opt/acme.jar");
        assertEquals("/work/project/my.jar" + File.pathSeparator + "/opt/acme.jar", settings.classpath);
        assertTrue(settings.asJvmOptions().contains("-Dwg.classpath=" + settings.classpath));
    }

    @Test
    void anExplorationSeedIsANumberOrDrawnFromTheRunId() {
        assertEquals(7, settings("exploration.seed", "7").get(Property.EXPLORATION_SEED).forRun("r1"));
        Seed fromRun = settings("wg.mode", "stress").get(Property.EXPLORATION_SEED);
        assertEquals(fromRun.forRun("nightly-42"), fromRun.forRun("nightly-42"), "the same in every shard of a run");
        assertTrue(fromRun.forRun("nightly-42") != fromRun.forRun("nightly-43"), "a new one each run");
        assertEquals(fromRun.forRun(""), fromRun.forRun(""), "a run without an id draws one seed, and keeps it");
        assertTrue(refusal("exploration.seed", "soon").contains("accepts a whole number, or 'run'"));
    }

    @Test
    void theGivenPropertiesTravelToAnotherJvmWithTheirPathsAbsolute() {
        assertEquals(List.of("-Dwg.impl=aqs", "-Dlincheck.iterations=3"),
                settings("wg.impl", "aqs", "lincheck.iterations", "3", "wg.check", "").asJvmOptions());
        String here = Path.of("").toAbsolutePath().toString();
        assertEquals(List.of("-Dwg.classpath=" + here + File.separator + "a.jar" + File.pathSeparator + "/b",
                        "-Dwg.results.dir=" + here + File.separator + "out"),
                settings("wg.classpath", "a.jar,/b", "wg.results.dir", "out").asJvmOptions());
    }
}
