package dev.waitgroup.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.waitgroup.catalogue.Check;
import dev.waitgroup.catalogue.Suite;
import dev.waitgroup.record.CheckResult;
import dev.waitgroup.record.Verdict;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broken WaitGroup written outside the project, with a bug no check names: {@code ForgivingWaitGroup}
 * loses an interrupt that races the releasing {@code done()} (its wait threw, the round had ended, so it
 * returns normally with the status Object.wait had cleared). Under Fray's POS scheduler alone it passed
 * 300 schedules per race; the random scheduler's second look after POS's schedules catches it in the
 * default run's budget and seed, judged by the contract's model, with a recording that replays it.
 */
class UnnamedBugPlugInTest {

    @Test
    void frayCatchesAnInterruptLostToARacingReleaseWithNoCheckWrittenForIt(@TempDir Path results) {
        Harness.Run fray = Harness.fray(results, "wg.impl=com.acme.ForgivingWaitGroup", Harness.plugIns(),
                "wg.check=fray-races");
        assertEquals(0, fray.exit(), fray.output());
        CheckResult races = fray.verdict(Suite.FRAY, "ForgivingWaitGroup", Check.FRAY_RACES).orElseThrow();
        assumeFalse(races.verdict() == Verdict.NOT_RUN && races.message().contains("no JDK 25"),
                "Fray needs a JDK 25: " + races.message());
        assertEquals(Verdict.FAIL, races.verdict(), races.message());
        assertTrue(races.message().startsWith("[interrupt-kept]"), races.message());
        assertTrue(races.message().contains("interrupt-during-release"), races.message());
        assertTrue(races.reproduce().contains("-Dfray.replay="), "the command replays the schedule: " + races.reproduce());
    }
}
