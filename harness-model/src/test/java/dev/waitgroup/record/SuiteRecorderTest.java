package dev.waitgroup.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.waitgroup.catalogue.Check;
import dev.waitgroup.catalogue.ImplementationKind;
import dev.waitgroup.catalogue.ReuseBehaviour;
import dev.waitgroup.catalogue.Suite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A suite's results file: what it promised, what it recorded, and whether it finished. */
class SuiteRecorderTest {
    private static final RunInfo RUN = new RunInfo("run-1", "default", "aqs", "", Shard.WHOLE, "a JVM", 17);
    private static final ImplementationInfo AQS = new ImplementationInfo("aqs", ImplementationKind.IMPLEMENTATION,
            "x.Aqs", "aqs", "", "AQS", ReuseBehaviour.WAITS_FOR_NEW_ROUND, null, null);

    @Test
    void aResultsFileRoundTripsWithItsManifest(@TempDir Path folder) {
        SuiteRecorder recorder = new SuiteRecorder(Suite.CONTRACT, RUN, folder.resolve("contract.json"));
        recorder.implementation(AQS);
        recorder.expect(List.of(new Expected("aqs", Check.NEGATIVE_REFUSED), new Expected("aqs", Check.GO_MANY)));
        recorder.record(CheckResult.of("aqs", Check.NEGATIVE_REFUSED, Verdict.PASS, 3, "scripted", null));
        recorder.write();

        SuiteResults read = ResultsFiles.read(folder.resolve("contract.json"));
        assertEquals(Suite.CONTRACT, read.suite());
        assertEquals(AQS, read.implementations().get(0));
        assertEquals(Check.NEGATIVE_REFUSED, read.results().get(0).check());
        assertFalse(read.complete(), "a run is incomplete until it finishes");
        assertEquals(List.of(new Expected("aqs", Check.GO_MANY)), read.missing(), "the promised verdict not recorded");
    }

    @Test
    void aFinishedRunSaysSo(@TempDir Path folder) {
        SuiteRecorder recorder = new SuiteRecorder(Suite.LINCHECK, RUN, folder.resolve("lincheck.json"));
        recorder.finish();
        assertTrue(ResultsFiles.read(folder.resolve("lincheck.json")).complete());
    }

    @Test
    void aVerdictRecordedAgainReplacesTheFirst(@TempDir Path folder) {
        SuiteRecorder recorder = new SuiteRecorder(Suite.CONTRACT, RUN, folder.resolve("c.json"));
        recorder.record(CheckResult.of("aqs", Check.GO_MANY, Verdict.HARNESS_ERROR, 1, "scripted", "crashed"));
        recorder.record(CheckResult.of("aqs", Check.GO_MANY, Verdict.PASS, 1, "scripted", null));
        assertEquals(List.of(Verdict.PASS), recorder.results().stream().map(CheckResult::verdict).toList());
    }

    @Test
    void aFileOfAnotherFormatIsRefusedNamingIt(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("old.json");
        Files.writeString(file, "{\"suite\":\"contract\",\"formatVersion\":1,\"implementations\":[],\"results\":[]}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ResultsFiles.read(file));
        assertEquals(file + " has results format 1; this reader understands format 2", e.getMessage());
    }

    @Test
    void aFileCutShortIsRefusedNamingIt(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("cut.json");
        Files.writeString(file, "{\"suite\":\"contract\",\"formatVersion\":2,\"results\":[{\"implem");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ResultsFiles.read(file));
        assertTrue(e.getMessage().startsWith(file + " is not a readable results file"), e.getMessage());
    }
}
