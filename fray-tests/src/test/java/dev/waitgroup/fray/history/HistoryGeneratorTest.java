package dev.waitgroup.fray.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.waitgroup.catalogue.ReuseBehaviour;
import dev.waitgroup.fray.scenario.Recorder;
import dev.waitgroup.fray.scenario.Subject;
import dev.waitgroup.impl.CasSpinWaitGroup;
import dev.waitgroup.model.HistoryChecker;
import dev.waitgroup.model.Verdict;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How histories are drawn, written down and shrunk. */
class HistoryGeneratorTest {

    @Test
    void aHistoryDependsOnlyOnItsSeedAndIndex() {
        assertEquals(HistoryGenerator.draw(7, 3), HistoryGenerator.draw(7, 3));
        assertNotEquals(HistoryGenerator.draw(7, 3), HistoryGenerator.draw(8, 3));
    }

    @Test
    void theFirstHistoriesAreTheSmallest() {
        for (int k = 0; k < 6; k++) {
            DrawnHistory history = HistoryGenerator.draw(1, k);
            assertEquals(2, history.threads().size(), history.text());
        }
        int largest = 0;
        for (int k = 16; k < 60; k++) {
            largest = Math.max(largest, HistoryGenerator.draw(1, k).threads().size());
        }
        assertEquals(4, largest, "later ones have up to four threads");
    }

    @Test
    void aHistoryReadsBackFromItsEncoding() {
        for (int k = 0; k < 40; k++) {
            DrawnHistory history = HistoryGenerator.draw(11, k);
            assertEquals(history, DrawnHistory.decode(history.encode()), history.encode());
        }
    }

    @Test
    void onACorrectGroupEveryDrawnHistoryEndsAndTheModelExplainsIt() {
        // on a plain JVM too: every wait ends (an untimed one only where the counter surely reaches zero)
        Subject cas = new Subject(CasSpinWaitGroup.class, ReuseBehaviour.FINISHES_OLD_ROUND);
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int k = 0; k < 40; k++) {
                DrawnHistory history = HistoryGenerator.draw(3, k);
                Recorder recorder = new Recorder();
                history.run(cas, recorder);
                assertEquals(Verdict.EXPLAINED, HistoryChecker.check(recorder.history(), cas.reuse()), history.text());
            }
        });
    }

    @Test
    void shrinkingDropsAThreadACallOrAnInterrupt() {
        DrawnHistory history = DrawnHistory.decode("history-9|1|done,await:10:MILLISECONDS!|add:1,done");
        List<DrawnHistory> candidates = Shrinking.candidates(history);
        assertEquals(DrawnHistory.decode("history-9-shrunk|1|add:1,done"), candidates.get(0), "a thread first");
        assertTrue(candidates.contains(DrawnHistory.decode("history-9-shrunk|1|done|add:1,done")));
        assertTrue(candidates.contains(DrawnHistory.decode("history-9-shrunk|1|done,await:10:MILLISECONDS|add:1,done")));
        assertTrue(candidates.contains(DrawnHistory.decode("history-9-shrunk|0|done,await:10:MILLISECONDS!|add:1,done")));
        for (DrawnHistory candidate : candidates) {
            assertTrue(candidate.size() <= history.size(), candidate.encode());
            assertFalse(candidate.threads().isEmpty());
        }
    }
}
