package dev.waitgroup.jcstress.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class JcstressPlanTest {
    private static final Duration STALL = Duration.ofSeconds(90);

    @Test
    void theShortPresetIsSanityModeWithShortIterationsWhateverTheBudget() {
        JcstressPlan plan = JcstressPlan.of("short", Duration.ofMinutes(3), STALL, 260);
        assertEquals(List.of("-m", "sanity", "-time", "20"), plan.options());
        assertEquals(Duration.ofSeconds(156), plan.estimate(), "0.6 s per configuration");
        assertEquals(plan.options(), JcstressPlan.of("short", Duration.ofHours(5), STALL, 260).options());
    }

    @Test
    void theThoroughPresetSpendsAMoreGenerousBudgetOnLongerIterations() {
        JcstressPlan tight = JcstressPlan.of("thorough", Duration.ofMinutes(20), STALL, 260);
        JcstressPlan generous = JcstressPlan.of("thorough", Duration.ofMinutes(60), STALL, 260);
        assertTrue(time(generous) > time(tight), tight + " vs " + generous);
        assertTrue(generous.estimate().compareTo(tight.estimate()) > 0);
    }

    /** The budget is the whole run's: more configurations (implementations, tests, JVM modes) share it. */
    @Test
    void theThoroughPresetKeepsToItsBudgetAboveTheFloorOfItsConfigurations() {
        // the main job on 2 cores: five implementations through 18 tests and six specimens through the
        // tests written for their bugs (14), in the two JVM modes of JDK 17 (with and without biased locking)
        JcstressPlan jdk17 = JcstressPlan.of("thorough", Duration.ofMinutes(15), STALL, (5 * 18 + 14) * 2);
        assertEquals(442, time(jdk17));
        assertWithin(Duration.ofMinutes(15), jdk17.estimate(), Duration.ofSeconds(2));
        JcstressPlan jdk25 = JcstressPlan.of("thorough", Duration.ofMinutes(15), STALL, 5 * 18 + 14);
        assertEquals(1000, time(jdk25), "half the configurations: the longest iterations, and time to spare");
        assertTrue(jdk25.estimate().compareTo(Duration.ofMinutes(11)) < 0, jdk25.toString());
        assertTrue(!jdk17.toString().contains("over the budget"), jdk17.toString());
    }

    /** Each configuration costs a forked JVM: below that floor the plan says it overruns, and by how much. */
    @Test
    void aBudgetBelowTheFloorIsOverrunAndThePlanSaysSo() {
        JcstressPlan plan = JcstressPlan.of("thorough", Duration.ofMinutes(20), STALL, 21 * 18 * 2);
        assertEquals(50, time(plan));
        assertEquals(Duration.ofMillis(756 * 3150), plan.estimate());
        assertTrue(plan.toString().contains("756 test configurations, about 3.1 s each: 39 min 41 s in all, over the"
                + " budget of 20 min 0 s"), plan.toString());
    }

    @Test
    void theIterationTimeStaysWithinItsLimitsWhateverTheBudget() {
        assertEquals(50, time(JcstressPlan.of("thorough", Duration.ofSeconds(1), STALL, 260)));
        assertEquals(1000, time(JcstressPlan.of("thorough", Duration.ofHours(100), STALL, 26)));
    }

    @Test
    void aRunHasTheBoundOfItsConfigurationsTwicePlusOneStall() {
        JcstressPlan plan = JcstressPlan.of("thorough", Duration.ofMinutes(20), STALL, 19 * 18);
        Duration all18 = plan.estimateFor(18);
        assertEquals(all18.multipliedBy(2).plus(STALL), plan.boundFor(18), "a whole implementation's run");
        assertEquals(all18.plus(STALL), plan.boundFor(9), "a run resumed with half its tests left");
        assertEquals(STALL, plan.boundFor(0));
        // two hanging tests cost two stalls, one per run, and never eat the bound of the tests after them
        Duration twoHangsAtTheStart = plan.boundFor(18).plus(plan.boundFor(17)).plus(plan.boundFor(16));
        assertTrue(twoHangsAtTheStart.compareTo(all18.plus(STALL.multipliedBy(2))) > 0);
    }

    @Test
    void anUnknownPresetIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JcstressPlan.of("forever", Duration.ofMinutes(1), STALL, 1));
        assertTrue(e.getMessage().contains("expected short or thorough"), e.getMessage());
    }

    private static void assertWithin(Duration expected, Duration actual, Duration tolerance) {
        assertTrue(actual.minus(expected).abs().compareTo(tolerance) <= 0, actual + " is not within " + tolerance
                + " of " + expected);
    }

    private static int time(JcstressPlan plan) {
        List<String> options = plan.options();
        return Integer.parseInt(options.get(options.indexOf("-time") + 1));
    }
}
