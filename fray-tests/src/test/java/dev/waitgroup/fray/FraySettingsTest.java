package dev.waitgroup.fray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.waitgroup.settings.InvalidSettings;
import dev.waitgroup.settings.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Fray's budgets, seed, scheduler and replay, as a run gives them. */
class FraySettingsTest {

    private static FraySettings settings(String... keysAndValues) {
        Map<String, String> properties = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return FraySettings.of(Settings.from(properties::get));
    }

    @Test
    void aDefaultRunExploresSmallWithAFixedSeed() {
        FraySettings defaults = settings();
        assertEquals(48, defaults.schedules);
        assertEquals(12, defaults.histories);
        assertEquals(8, defaults.historySchedules);
        assertEquals(1, defaults.seed);
        assertEquals(SchedulerKind.POS, defaults.scheduler);
        assertEquals(Duration.ofSeconds(90), defaults.bounds().check());
        assertNull(defaults.replay, "explore, replay nothing");
    }

    @Test
    void theMainJobExploresFurtherFromASeedDrawnFromTheRunId() {
        FraySettings mainJob = settings("wg.mode", "stress", "wg.run.id", "nightly-7");
        assertTrue(mainJob.schedules > 48 && mainJob.histories > 12 && mainJob.historySchedules > 8);
        assertEquals(settings("wg.mode", "stress", "wg.run.id", "nightly-7").seed, mainJob.seed, "the same in every shard");
        assertTrue(mainJob.seed != settings("wg.mode", "stress", "wg.run.id", "nightly-8").seed, "new each run");
    }

    @Test
    void aReplayIsAFolderMadeAbsoluteAndShownFromTheProjectFolder() {
        Path root = Path.of("").toAbsolutePath();
        FraySettings replay = settings("fray.replay", "target/rec", "wg.root", root.toString());
        assertEquals(root.resolve("target/rec"), replay.replay);
        assertEquals("target/rec", replay.shown(replay.replay));
    }

    @Test
    void aSchedulerFrayDoesNotHaveIsRefusedNamingThoseItHas() {
        InvalidSettings refused = assertThrows(InvalidSettings.class, () -> settings("fray.scheduler", "fifo"));
        assertTrue(refused.getMessage().contains("fray.scheduler accepts pos, pct, random or surw"), refused.getMessage());
    }
}
