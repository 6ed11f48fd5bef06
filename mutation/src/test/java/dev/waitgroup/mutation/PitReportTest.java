package dev.waitgroup.mutation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.waitgroup.contract.ContractSuite;
import dev.waitgroup.record.MutationScore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How PIT's two XML files become a score; the files are in the shape PIT 1.30 writes. */
class PitReportTest {
    @TempDir
    Path folder;

    @Test
    void killedAndTimedOutCountAsKilledNonViableIsNoMutantAndTheRestAreListed() throws IOException {
        MutationScore score = read(Equivalence.of(List.of()));
        assertEquals(5, score.mutants(), "NON_VIABLE is no mutant of the code");
        assertEquals(2, score.killed());
        assertEquals(1, score.timedOut());
        assertEquals(2, score.survived());
        assertEquals(1, score.noCoverage());
        assertEquals(40.0, score.percent(), 0.001);

        MutationScore.Mutant signalOne = score.notKilled().get(0);
        assertEquals("WG_SIGNAL_ONE", signalOne.mutator());
        assertEquals("synchronized (this) { notifyAll(); }", signalOne.sourceLine());
        assertEquals(List.of("negative-refused", "noSuchMethodHere"), signalOne.coveredBy(),
                "a harness check by its catalogue id; any other test by its method name");
        MutationScore.Mutant uncovered = score.notKilled().get(2);
        assertEquals("no-coverage", uncovered.status());
        assertEquals("com.acme.Sample$Node", uncovered.className());
        assertEquals("void unlink() { next = null; }", uncovered.sourceLine(), "a nested class's line is in its outer file");
        assertEquals(List.of(), uncovered.coveredBy());
    }

    @Test
    void aMutantDeclaredEquivalentCountsNeitherWay() throws IOException {
        MutationScore score = read(Equivalence.of(List.of(new Equivalence.Declared("Sample", "spin", "VoidMethodCall",
                "Thread.onSpinWait()", "a hint to the processor: no caller can observe it"))));
        assertEquals(1, score.equivalent());
        assertEquals(1, score.survived());
        assertEquals(50.0, score.percent(), 0.001, "2 killed of the 4 mutants that can change behaviour");
        MutationScore.Mutant spin = score.notKilled().stream().filter(m -> m.method().equals("spin")).findFirst()
                .orElseThrow();
        assertEquals("equivalent", spin.status());
        assertEquals("a hint to the processor: no caller can observe it", spin.equivalentBecause());
    }

    @Test
    void withoutSourcesTheLineIsUnknown() throws IOException {
        copy("mutations.xml");
        MutationScore score = PitReport.read("sample", "PIT", 1, folder, new Sources(List.of()),
                Equivalence.of(List.of()), CheckNames.of(ContractSuite.CHECK_CLASSES));
        assertNull(score.notKilled().get(0).sourceLine());
        assertEquals(List.of(), score.notKilled().get(0).coveredBy(), "no line coverage file: nobody is named");
    }

    private MutationScore read(Equivalence equivalence) throws IOException {
        copy("mutations.xml");
        copy("linecoverage.xml");
        Path sources = folder.resolve("src");
        Files.createDirectories(sources.resolve("com/acme"));
        try (InputStream in = getClass().getResourceAsStream("Sample.java.txt")) {
            Files.copy(in, sources.resolve("com/acme/Sample.java"));
        }
        return PitReport.read("sample", "PIT", 1, folder, new Sources(List.of(sources.toString())), equivalence,
                CheckNames.of(ContractSuite.CHECK_CLASSES));
    }

    private void copy(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(name)) {
            Files.copy(in, folder.resolve(name));
        }
    }
}
