package dev.waitgroup.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.waitgroup.catalogue.Check;
import dev.waitgroup.catalogue.ImplementationKind;
import dev.waitgroup.catalogue.ReuseBehaviour;
import dev.waitgroup.catalogue.Suite;
import dev.waitgroup.record.CheckResult;
import dev.waitgroup.record.ImplementationInfo;
import dev.waitgroup.record.ResultsFiles;
import dev.waitgroup.record.RunInfo;
import dev.waitgroup.record.Shard;
import dev.waitgroup.record.SuiteRecorder;
import dev.waitgroup.record.SuiteResults;
import dev.waitgroup.record.Verdict;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Merging the shards of one run: two machines each checked one implementation in every suite; the
 * merge is what one machine would have written, and a shard missing, twice, or of another run is
 * refused by name.
 */
class ShardMergeTest {
    private static final String RUN = "nightly-42";

    @TempDir
    Path folder;

    @Test
    void twoShardsMergeIntoTheRunOneMachineWouldHaveWritten() throws Exception {
        Path one = shard("aqs", 1, 2, RUN, true);
        Path two = shard("cas", 2, 2, RUN, true);
        Path merged = folder.resolve("merged");
        ShardMerge.merge(List.of(two, one), merged);
        for (Suite suite : Suite.values()) {
            SuiteResults results = ResultsFiles.read(ResultsFiles.of(merged, suite));
            assertEquals(Shard.WHOLE, results.run().shard());
            assertEquals(RUN, results.run().id());
            assertTrue(results.complete());
            assertEquals(List.of("aqs", "cas"), results.implementations().stream().map(ImplementationInfo::name).toList(),
                    "in shard order, whatever order the folders came in");
            assertEquals(2, results.expected().size());
            assertEquals(List.of(), results.missing());
        }
    }

    @Test
    void aShardCutShortMakesTheMergedRunIncompleteForTheGateToName() throws Exception {
        Path merged = folder.resolve("merged");
        ShardMerge.merge(List.of(shard("aqs", 1, 2, RUN, true), shard("cas", 2, 2, RUN, false)), merged);
        SuiteResults contract = ResultsFiles.read(ResultsFiles.of(merged, Suite.CONTRACT));
        assertTrue(!contract.complete());
        assertEquals(1, contract.missing().size(), "cas's promised verdict is missing: " + contract.missing());
    }

    @Test
    void aMissingShardIsRefusedByName() throws Exception {
        ShardMerge.Refused refused = assertThrows(ShardMerge.Refused.class,
                () -> ShardMerge.merge(List.of(shard("aqs", 1, 3, RUN, true), shard("cas", 3, 3, RUN, true)),
                        folder.resolve("merged")));
        assertTrue(refused.problems.contains("shard 2/3 of contract is missing"), refused.problems.toString());
        assertTrue(!Files.exists(folder.resolve("merged").resolve("contract.json")), "nothing is written");
    }

    @Test
    void aShardGivenTwiceOrOfAnotherRunIsRefusedByName() throws Exception {
        Path one = shard("aqs", 1, 2, RUN, true);
        Path again = shard("phaser", 1, 2, RUN, true);
        Path foreign = shard("cas", 2, 2, "yesterday", true);
        ShardMerge.Refused refused = assertThrows(ShardMerge.Refused.class,
                () -> ShardMerge.merge(List.of(one, again, foreign), folder.resolve("merged")));
        String all = String.join("\n", refused.problems);
        assertTrue(all.contains("shard 1/2 of contract is given twice: " + one + " and " + again), all);
        assertTrue(all.contains(foreign + ": contract is from run yesterday, not run " + RUN), all);
        assertTrue(all.contains("shard 2/2 of lincheck is missing"), all);
    }

    @Test
    void aShardMayArriveAsTheZipACiJobUploaded() throws Exception {
        Path one = shard("aqs", 1, 2, RUN, true);
        Path two = zip(shard("cas", 2, 2, RUN, true));
        Path merged = folder.resolve("merged");
        ShardMerge.merge(List.of(one, two), merged);
        assertEquals(2, ResultsFiles.read(ResultsFiles.of(merged, Suite.JCSTRESS)).results().size());
    }

    @Test
    void runsOfOneBuildOnTwoJdksMergeEachOnItsOwnToBeShownSideBySide() throws Exception {
        Path merged = folder.resolve("merged");
        List<ShardMerge.Run> runs = ShardMerge.merge(List.of(shard("aqs", 1, 2, "b7-java17", 17, Verdict.PASS),
                shard("aqs", 1, 2, "b7-java25", 25, Verdict.PASS), shard("cas", 2, 2, "b7-java25", 25, Verdict.PASS),
                shard("cas", 2, 2, "b7-java17", 17, Verdict.PASS)), merged);
        assertEquals(List.of("b7-java17 on 17 in java-17", "b7-java25 on 25 in java-25"), runs.stream()
                .map(run -> run.id() + " on " + run.java() + " in " + run.folder().getFileName()).toList());
        SuiteResults java25 = ResultsFiles.read(ResultsFiles.of(merged.resolve("java-25"), Suite.CONTRACT));
        assertEquals(List.of("aqs", "cas"), java25.implementations().stream().map(ImplementationInfo::name).toList());
        assertTrue(java25.complete());
    }

    @Test
    void eachRunOfASideBySideMergeMustBeWhole() throws Exception {
        ShardMerge.Refused refused = assertThrows(ShardMerge.Refused.class, () -> ShardMerge.merge(List.of(
                shard("aqs", 1, 2, "b7-java17", 17, Verdict.PASS), shard("cas", 2, 2, "b7-java17", 17, Verdict.PASS),
                shard("aqs", 1, 2, "b7-java25", 25, Verdict.PASS)), folder.resolve("merged")));
        assertTrue(refused.problems.contains("shard 2/2 of contract of run b7-java25 is missing"),
                refused.problems.toString());
    }

    /** A shard's results folder: every suite, one implementation, one passing check each. */
    private Path shard(String implementation, int index, int count, String run, boolean complete) throws IOException {
        return shard(implementation, index, count, run, 17, complete ? Verdict.PASS : null);
    }

    /** A shard of a run on one JDK whose check got {@code verdict}; null: cut short before any verdict. */
    static Path shard(Path folder, String implementation, int index, int count, String run, int java, Verdict verdict)
            throws IOException {
        Path shard = Files.createDirectories(folder.resolve(implementation + "-" + index + "-of-" + count + "-" + run));
        for (Suite suite : Suite.values()) {
            SuiteRecorder recorder = new SuiteRecorder(suite, new RunInfo(run, "stress", "aqs,phaser,cas", "",
                    new Shard(index, count), "a JVM", java), ResultsFiles.of(shard, suite));
            recorder.implementation(new ImplementationInfo(implementation, ImplementationKind.IMPLEMENTATION,
                    "x." + implementation, implementation, "", implementation, ReuseBehaviour.UNKNOWN, null, null));
            Check check = Check.of(suite).get(0);
            recorder.expect(List.of(new dev.waitgroup.record.Expected(implementation, check)));
            if (verdict != null) {
                recorder.record(CheckResult.of(implementation, check, verdict, 1, "a test", null));
                recorder.finish();
            } else {
                recorder.write();
            }
        }
        return shard;
    }

    private Path shard(String implementation, int index, int count, String run, int java, Verdict verdict)
            throws IOException {
        return shard(folder, implementation, index, count, run, java, verdict);
    }

    private Path zip(Path shard) throws IOException {
        Path zip = folder.resolve(shard.getFileName() + ".zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream entries = new ZipOutputStream(out);
             var files = Files.list(shard)) {
            for (Path file : files.toList()) {
                entries.putNextEntry(new ZipEntry(file.getFileName().toString()));
                entries.write(Files.readAllBytes(file));
                entries.closeEntry();
            }
        }
        return zip;
    }
}
