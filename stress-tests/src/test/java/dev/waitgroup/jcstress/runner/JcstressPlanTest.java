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
    void theShortPresetIsSanityModeWithShortIterations() {
        JcstressPlan plan = JcstressPlan.of("short", Duration.ofMinutes(3), STALL, 10, 26);
        assertEquals(List.of("-m", "sanity", "-time", "20"), plan.options());
        assertTrue(plan.bound().compareTo(plan.estimate()) > 0, "the watchdog allows more than the estimate");
    }

    @Test
    void theThoroughPresetSpendsAMoreGenerousBudgetOnLongerIterations() {
        JcstressPlan tight = JcstressPlan.of("thorough", Duration.ofMinutes(10), STALL, 10, 26);
        JcstressPlan generous = JcstressPlan.of("thorough", Duration.ofMinutes(60), STALL, 10, 26);
        assertTrue(time(generous) > time(tight), tight + " vs " + generous);
        assertTrue(generous.estimate().compareTo(tight.estimate()) > 0);
    }

    @Test
    void theIterationTimeStaysWithinItsLimitsWhateverTheBudget() {
        assertEquals(50, time(JcstressPlan.of("thorough", Duration.ofSeconds(1), STALL, 10, 26)));
        assertEquals(1000, time(JcstressPlan.of("thorough", Duration.ofHours(100), STALL, 1, 26)));
    }

    @Test
    void aRunResumedAfterAHangHasTheBoundOfTheTestsItHasLeftPlusOneStall() {
        JcstressPlan plan = JcstressPlan.of("thorough", Duration.ofMinutes(20), STALL, 19, 18);
        assertEquals(plan.bound(), plan.boundFor(18, 18), "the first run: every test");
        Duration oneStall = plan.bound().minus(plan.estimate().multipliedBy(2));
        assertEquals(plan.estimate().plus(oneStall), plan.boundFor(9, 18), "half the tests left");
        assertEquals(oneStall, plan.boundFor(0, 18).minus(Duration.ZERO));
        // two hanging tests cost two stalls, one per run, and never eat the bound of the tests after them
        Duration twoHangsAtTheStart = plan.boundFor(18, 18).plus(plan.boundFor(17, 18)).plus(plan.boundFor(16, 18));
        assertTrue(twoHangsAtTheStart.compareTo(plan.estimate().plus(oneStall.multipliedBy(2))) > 0);
    }

    @Test
    void theWatchdogAllowsTwiceTheEstimateAndOneStall() {
        JcstressPlan plan = JcstressPlan.of("short", Duration.ofMinutes(3), Duration.ofMinutes(5), 10, 26);
        assertEquals(Duration.ofMinutes(5), plan.stall());
        assertEquals(plan.estimate().multipliedBy(2).plus(Duration.ofMinutes(5)), plan.bound());
    }

    @Test
    void anUnknownPresetIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JcstressPlan.of("forever", Duration.ofMinutes(1), STALL, 1, 1));
        assertTrue(e.getMessage().contains("expected short or thorough"), e.getMessage());
    }

    private static int time(JcstressPlan plan) {
        List<String> options = plan.options();
        return Integer.parseInt(options.get(options.indexOf("-time") + 1));
    }
}
