package dev.waitgroup.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteRecorderTest {
    private static final ImplementationInfo AQS = new ImplementationInfo("aqs", "implementation", "x.Aqs", "AQS",
            "waits-for-new-round", null);

    @Test
    void aResultsFileRoundTrips(@TempDir Path folder) {
        SuiteRecorder recorder = new SuiteRecorder("contract", "default", "run-1", "all", folder.resolve("c.json"));
        recorder.implementation(AQS);
        recorder.record(CheckResult.of("aqs", "negative-refused", Category.CONTRACT, Verdict.PASS, 3, null)
                .withDetails(Map.of("title", "A negative counter is refused")));
        recorder.note("a note");
        recorder.write();

        SuiteResults read = ResultsFiles.read(folder.resolve("c.json"));
        assertEquals("contract", read.suite());
        assertEquals(AQS, read.implementations().get(0));
        assertEquals(Verdict.PASS, read.results().get(0).verdict());
        assertEquals("A negative counter is refused", read.results().get(0).details().get("title"));
    }

    @Test
    void jvmsOfOneBuildAddToTheSameFileAndAnotherBuildStartsAfresh(@TempDir Path folder) {
        Path file = folder.resolve("c.json");
        SuiteRecorder first = new SuiteRecorder("contract", "default", "run-1", "all", file);
        first.record(CheckResult.of("aqs", "one", Category.CONTRACT, Verdict.PASS, 1, null));
        first.write();
        SuiteRecorder second = new SuiteRecorder("contract", "default", "run-1", "all", file);
        second.record(CheckResult.of("aqs", "two", Category.CONTRACT, Verdict.PASS, 1, null));
        second.write();
        assertEquals(2, ResultsFiles.read(file).results().size(), "the second JVM of the same build adds");

        SuiteRecorder nextBuild = new SuiteRecorder("contract", "default", "run-2", "all", file);
        nextBuild.record(CheckResult.of("aqs", "three", Category.CONTRACT, Verdict.PASS, 1, null));
        nextBuild.write();
        assertEquals(1, ResultsFiles.read(file).results().size(), "a new build replaces the old results");
    }

    @Test
    void aFileOfAnotherFormatIsRefused(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("old.json");
        Files.writeString(file, "{\"suite\":\"contract\",\"formatVersion\":0,\"implementations\":[],\"results\":[]}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ResultsFiles.read(file));
        assertEquals(file + " has results format 0; this reader understands format 1", e.getMessage());
    }
}
