package dev.waitgroup.reports;

import dev.waitgroup.catalogue.Suite;
import dev.waitgroup.record.BenchmarkRun;
import dev.waitgroup.record.CheckResult;
import dev.waitgroup.record.Expected;
import dev.waitgroup.record.Folders;
import dev.waitgroup.record.GoResults;
import dev.waitgroup.record.ImplementationInfo;
import dev.waitgroup.record.MutationResults;
import dev.waitgroup.record.ResultsFiles;
import dev.waitgroup.record.RunInfo;
import dev.waitgroup.record.Shard;
import dev.waitgroup.record.SuiteResults;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Merges the results of the N shards of one run ({@code wg.shard=K/N} on N machines) into the results
 * folder an unsharded run would have written: per suite, the implementations, the promised verdicts
 * and the verdicts of every shard, complete only if every shard's part is.
 *
 * <p>It refuses, naming each, a shard that is missing, given twice, or from another run (another run
 * id on the same JDK, or another N), so that a merged gate never passes on part of a run. Runs of the
 * same build on several JDKs (one run id per JDK) merge each on its own, to be shown side by side. A shard folder may be a
 * directory or a zip archive of one (what a CI job uploads). The speed and mutation files, written by
 * one shard only, are carried over from the shard that has them.
 */
final class ShardMerge {
    private static final List<String> CARRIED = List.of(Inputs.SPEED_FILE, GoResults.FILE, BenchmarkRun.FILE,
            MutationResults.FILE);

    private ShardMerge() {
    }

    /** Thrown with every reason the shards cannot be merged. */
    static final class Refused extends Exception {
        final List<String> problems;

        Refused(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }
    }

    /** One run of the merged folders: its id, its Java version, and the folder its merged results are in. */
    record Run(String id, int java, Path folder) {
    }

    /** A suite's results file as a shard left it, and which of the given folders it came from. */
    private record Part(int input, Suite suite, SuiteResults results) {
        Shard shard() {
            return results.run().shard();
        }
    }

    /**
     * Merges {@code shards} into {@code into}, which is emptied first. The folders of one run are merged
     * into {@code into} itself. Folders of several runs are taken as one run per Java version, shown
     * side by side: each run is merged into {@code into/java-N}. A run on the same Java as a run given
     * before it is a shard of another run, and refused.
     *
     * @return the runs merged, in the order their first folder was given
     */
    static List<Run> merge(List<Path> shards, Path into) throws Refused, IOException {
        List<String> problems = new ArrayList<>();
        Path work = Files.createDirectories(into.resolveSibling(into.getFileName() + "-shards"));
        List<Path> folders = new ArrayList<>();
        for (int i = 0; i < shards.size(); i++) {
            folders.add(folderOf(shards.get(i), work.resolve("shard-" + (i + 1)), problems));
        }
        Map<String, List<Part>> runs = new LinkedHashMap<>();
        for (int i = 0; i < folders.size(); i++) {
            Path folder = folders.get(i);
            if (folder == null) {
                continue;
            }
            boolean any = false;
            for (Suite suite : Suite.values()) {
                Path file = ResultsFiles.of(folder, suite);
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                any = true;
                try {
                    SuiteResults results = ResultsFiles.read(file);
                    runs.computeIfAbsent(results.run().id(), id -> new ArrayList<>()).add(new Part(i, suite, results));
                } catch (IllegalArgumentException e) {
                    problems.add(e.getMessage());
                }
            }
            if (!any) {
                problems.add(shards.get(i) + " holds no results file of any suite");
            }
        }
        Map<String, List<Part>> kept = new LinkedHashMap<>();
        Map<Integer, String> runOnJava = new TreeMap<>();
        for (Map.Entry<String, List<Part>> run : runs.entrySet()) {
            List<Part> parts = run.getValue();
            int java = parts.get(0).results().run().java();
            String first = runOnJava.putIfAbsent(java, run.getKey());
            if (first != null) {
                parts.forEach(part -> problems.add(shards.get(part.input()) + ": " + part.suite().id() + " is from run "
                        + run.getKey() + ", not run " + first + ": a shard of another run"));
                continue;
            }
            for (Part part : parts) {
                if (part.results().run().java() != java) {
                    problems.add(shards.get(part.input()) + ": " + part.suite().id() + " of run " + run.getKey()
                            + " ran on Java " + part.results().run().java() + ", its other shards on Java " + java
                            + ": one run is on one JDK");
                }
            }
            kept.put(run.getKey(), parts);
        }
        Map<String, Map<Suite, Map<Integer, SuiteResults>>> merged = new LinkedHashMap<>();
        for (Map.Entry<String, List<Part>> run : kept.entrySet()) {
            String ofRun = kept.size() == 1 ? "" : " of run " + run.getKey();
            merged.put(run.getKey(), shardsOfEachSuite(run.getValue(), shards, ofRun, problems));
        }
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
        Folders.delete(into);
        Files.createDirectories(into);
        List<Run> written = new ArrayList<>();
        for (Map.Entry<String, Map<Suite, Map<Integer, SuiteResults>>> run : merged.entrySet()) {
            List<Part> parts = kept.get(run.getKey());
            int java = parts.get(0).results().run().java();
            Path folder = kept.size() == 1 ? into : Files.createDirectories(into.resolve("java-" + java));
            for (Map.Entry<Suite, Map<Integer, SuiteResults>> suite : run.getValue().entrySet()) {
                ResultsFiles.write(merged(suite.getKey(), new ArrayList<>(suite.getValue().values())),
                        ResultsFiles.of(folder, suite.getKey()));
            }
            List<Path> mine = parts.stream().map(part -> folders.get(part.input())).distinct().toList();
            for (String name : CARRIED) {
                for (Path from : mine) {
                    if (Files.isRegularFile(from.resolve(name))) {
                        Files.copy(from.resolve(name), folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                        break;
                    }
                }
            }
            written.add(new Run(run.getKey(), java, folder));
        }
        return written;
    }

    /** A run's shards by suite and shard index; what is missing, given twice or split otherwise is a problem. */
    private static Map<Suite, Map<Integer, SuiteResults>> shardsOfEachSuite(List<Part> parts, List<Path> shards,
                                                                            String ofRun, List<String> problems) {
        Map<Suite, Map<Integer, SuiteResults>> bySuite = new EnumMap<>(Suite.class);
        Map<Suite, Map<Integer, Path>> from = new EnumMap<>(Suite.class);
        int count = parts.get(0).shard().count();
        for (Part part : parts) {
            Path input = shards.get(part.input());
            Shard shard = part.shard();
            if (shard.count() != count) {
                problems.add(input + ": " + part.suite().id() + " is shard " + shard + ", of another split than "
                        + count + " shards");
                continue;
            }
            Path earlier = from.computeIfAbsent(part.suite(), s -> new TreeMap<>()).putIfAbsent(shard.index(), input);
            if (earlier != null) {
                problems.add("shard " + shard + " of " + part.suite().id() + ofRun + " is given twice: " + earlier
                        + " and " + input);
                continue;
            }
            bySuite.computeIfAbsent(part.suite(), s -> new TreeMap<>()).put(shard.index(), part.results());
        }
        for (Suite suite : Suite.values()) {
            Map<Integer, SuiteResults> mine = bySuite.getOrDefault(suite, Map.of());
            for (int k = 1; k <= count; k++) {
                if (!mine.containsKey(k)) {
                    problems.add("shard " + k + "/" + count + " of " + suite.id() + ofRun + " is missing");
                }
            }
        }
        return bySuite;
    }

    /** One suite's shards as one file: what the unsharded run would have written. */
    static SuiteResults merged(Suite suite, List<SuiteResults> shards) {
        SuiteResults first = shards.get(0);
        RunInfo run = first.run();
        List<ImplementationInfo> implementations = new ArrayList<>();
        List<Expected> expected = new ArrayList<>();
        List<CheckResult> results = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        boolean complete = true;
        long wall = 0;
        String startedAt = first.startedAt();
        for (SuiteResults shard : shards) {
            implementations.addAll(shard.implementations());
            expected.addAll(shard.expected());
            results.addAll(shard.results());
            shard.notes().forEach(note -> notes.add("shard " + shard.run().shard() + ": " + note));
            complete &= shard.complete();
            wall = Math.max(wall, shard.wallMillis());
            if (shard.startedAt() != null && (startedAt == null || shard.startedAt().compareTo(startedAt) < 0)) {
                startedAt = shard.startedAt();
            }
        }
        notes.add("merged from " + shards.size() + " shards");
        return new SuiteResults(suite, ResultsFiles.FORMAT_VERSION, new RunInfo(run.id(), run.mode(), run.selection(),
                run.checks(), Shard.WHOLE, run.jvm(), run.java(), run.arch()), startedAt, wall, complete, implementations, expected,
                results, notes);
    }

    /** A shard's folder: the directory itself, or a zip archive unpacked into {@code unpacked}. */
    private static Path folderOf(Path shard, Path unpacked, List<String> problems) throws IOException {
        if (Files.isDirectory(shard)) {
            return shard;
        }
        if (!Files.isRegularFile(shard) || !shard.getFileName().toString().endsWith(".zip")) {
            problems.add(shard + " is neither a results folder nor a .zip of one");
            return null;
        }
        Folders.delete(unpacked);
        Files.createDirectories(unpacked);
        Path found = null;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(shard))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                Path target = unpacked.resolve(entry.getName()).normalize();
                if (!target.startsWith(unpacked)) {
                    problems.add(shard + ": entry " + entry.getName() + " points outside the archive");
                    return null;
                }
                if (entry.isDirectory()) {
                    continue;
                }
                Files.createDirectories(target.getParent());
                copy(zip, target);
                if (target.getFileName().toString().endsWith(".json") && found == null) {
                    found = target.getParent();
                }
            }
        }
        if (found == null) {
            problems.add(shard + " holds no results file");
        }
        return found;
    }

    private static void copy(InputStream in, Path target) throws IOException {
        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
}
