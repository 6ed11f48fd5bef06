package dev.waitgroup.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.waitgroup.catalogue.Check;
import dev.waitgroup.record.Shard;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every property is read once, checked before anything runs, and refused with a message naming it. */
class SettingsTest {

    private static Settings settings(String... keysAndValues) {
        Map<String, String> properties = new java.util.HashMap<>();
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
        assertEquals("all", settings.selection);
        assertEquals(3, settings.lincheckIterations);
        assertEquals(Duration.ofMinutes(3), settings.stressBudget);
        assertEquals(Shard.WHOLE, settings.shard);
        assertTrue(settings.selects(Check.NEGATIVE_REFUSED));
    }

    @Test
    void theStressModeRaisesEveryBudgetAndAnEmptyValueMeansTheModesDefault() {
        Settings settings = settings("wg.mode", "stress", "lincheck.iterations", "", "stress.budget", " ");
        assertEquals(12, settings.lincheckIterations);
        assertEquals(Duration.ofMinutes(20), settings.stressBudget);
        assertEquals("thorough", settings.stressPreset);
    }

    @Test
    void zeroNegativeAndUnreadableBudgetsAreRefusedNamingThePropertyAndItsRange() {
        assertEquals("-Dlincheck.mc.invocations=0 cannot be used; lincheck.mc.invocations accepts a whole number"
                + " from 1 to 10000000", refusal("lincheck.mc.invocations", "0"));
        assertTrue(refusal("lincheck.iterations", "-1").startsWith("-Dlincheck.iterations=-1 cannot be used"));
        assertTrue(refusal("stress.budget", "-5m").startsWith("-Dstress.budget=-5m cannot be used; stress.budget"
                + " accepts a duration from 1s to 24h"));
        assertTrue(refusal("stress.budget", "0").startsWith("-Dstress.budget=0 cannot be used"));
        assertTrue(refusal("contract.check.bound", "soon").startsWith("-Dcontract.check.bound=soon cannot be used"));
        assertTrue(refusal("stress.preset", "forever").contains("stress.preset accepts short or thorough"));
    }

    @Test
    void everyBadPropertyIsNamedAtOnce() {
        InvalidSettings e = assertThrows(InvalidSettings.class,
                () -> settings("lincheck.iterations", "0", "wg.shard", "3/2", "wg.mode", "fast"));
        assertEquals(3, e.problems().size(), e.getMessage());
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
        assertTrue(!settings.selects(Check.GO_MANY));
        assertTrue(refusal("wg.check", "negative-refusd").contains("no check is called 'negative-refusd'"));
    }

    @Test
    void aShardIsKOfN() {
        assertEquals(new Shard(2, 4), settings("wg.shard", "2/4").shard);
        assertTrue(refusal("wg.shard", "0/4").startsWith("-Dwg.shard=0/4 cannot be used"));
        assertTrue(refusal("wg.shard", "5/4").startsWith("-Dwg.shard=5/4 cannot be used"));
        assertTrue(refusal("wg.shard", "two").startsWith("-Dwg.shard=two cannot be used"));
    }

    @Test
    void durationsAreReadWithTheirUnit() {
        assertEquals(Duration.ofSeconds(90), Settings.parseDuration("90s"));
        assertEquals(Duration.ofMinutes(20), Settings.parseDuration("20m"));
        assertEquals(Duration.ofHours(1), Settings.parseDuration(" 1h "));
        assertEquals(Duration.ofSeconds(45), Settings.parseDuration("45"));
        assertEquals(Duration.ofMillis(500), Settings.parseDuration("500ms"));
        assertEquals(null, Settings.parseDuration("soon"));
    }

    @Test
    void frayHasBudgetsASeedASchedulerAndAJdk() {
        Settings defaults = settings();
        assertEquals(48, defaults.fraySchedules);
        assertEquals(12, defaults.frayHistories);
        assertEquals(8, defaults.frayHistorySchedules);
        assertEquals(1, defaults.fraySeed);
        assertEquals("pos", defaults.frayScheduler);
        assertEquals("", defaults.frayJdk, "empty: look for a JDK 25");
        assertEquals(Duration.ofSeconds(90), defaults.checkBound(dev.waitgroup.catalogue.Suite.FRAY));
        Settings stress = settings("wg.mode", "stress", "wg.run.id", "nightly-7");
        assertTrue(stress.fraySchedules > defaults.fraySchedules && stress.frayHistories > defaults.frayHistories);
        assertEquals(stress.explorationSeed, stress.fraySeed, "'run': drawn from the run id, as exploration's is");
        assertEquals("none", settings("fray.jdk", "none").frayJdk);
        assertTrue(refusal("fray.scheduler", "fifo").contains("fray.scheduler accepts pos, pct, random or surw"));
        assertTrue(settings("fray.replay", "target/rec").frayReplay.endsWith("/target/rec"), "made absolute");
    }

    @Test
    void theGivenPropertiesTravelToAnotherJvm() {
        assertEquals(java.util.List.of("-Dwg.impl=aqs", "-Dlincheck.iterations=3"),
                settings("wg.impl", "aqs", "lincheck.iterations", "3", "wg.check", "").asJvmOptions());
    }
}
