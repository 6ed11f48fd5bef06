package dev.waitgroup.mutation;

import dev.waitgroup.catalogue.ImplementationKind;
import dev.waitgroup.harness.Implementation;
import dev.waitgroup.harness.Implementations;
import dev.waitgroup.record.ImplementationInfo;
import dev.waitgroup.record.MutationResults;
import dev.waitgroup.record.MutationScore;
import dev.waitgroup.record.ResultsFiles;
import dev.waitgroup.record.RunInfo;
import dev.waitgroup.settings.CannotStart;
import dev.waitgroup.settings.ExitStatus;
import dev.waitgroup.settings.Property;
import dev.waitgroup.settings.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures how much of each selected WaitGroup the harness sees: PIT makes small changes to the
 * implementation's own classes (mutants) and runs the contract suite against each; a mutant is killed
 * when some check's verdict becomes a defect. Writes {@code mutation.json} into the results folder,
 * marked complete only when every implementation was measured.
 *
 * <p>One PIT run per implementation, in a JVM of its own under {@code mutation.impl.budget}; PIT
 * itself bounds every mutant (a mutant that makes a check hang is killed as timed out). Specimens
 * are skipped: they are broken on purpose, and the harness's power is measured on code meant to be
 * right. Exit status 2 for bad settings or selection; 0 when it ran.
 */
public final class MutationRunner {

    private MutationRunner() {
    }

    /** Exits 0 when it ran (whatever the scores), 2 when it could not start. */
    public static void main(String[] args) throws Exception {
        System.exit(ExitStatus.of("mutation", MutationRunner::run));
    }

    private static int run() throws Exception {
        Settings settings = Settings.fromSystemProperties();
        List<Implementation> selection = new ArrayList<>();
        for (Implementation implementation : Implementations.select(settings.selection, settings.classpath)) {
            if (implementation.kind() != ImplementationKind.SPECIMEN) {
                selection.add(implementation);
            }
        }
        if (selection.isEmpty()) {
            throw new CannotStart(Property.IMPL.key() + "=" + settings.selection + " selects only specimens; they are broken on"
                    + " purpose, so there is nothing to measure the harness against");
        }
        if (settings.shard.index() != 1) {
            System.out.println("mutation: shard " + settings.shard + ": the mutation run belongs to shard 1 only");
            return ExitStatus.RAN;
        }
        Path file = settings.resultsDir.resolve(MutationResults.FILE);
        Files.createDirectories(file.toAbsolutePath().getParent());
        RunInfo run = new RunInfo(settings.runId, settings.mode, settings.selection, settings.checkFilter,
                settings.shard, RunInfo.thisJvm(), Runtime.version().feature());
        List<ImplementationInfo> infos = selection.stream().map(Implementation::info).toList();
        String startedAt = Instant.now().toString();
        long start = System.nanoTime();
        List<MutationScore> scores = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        PitRun pit = new PitRun(settings, score -> {
            scores.add(score);
            System.out.println("mutation: " + describe(score));
            ResultsFiles.write(new MutationResults(ResultsFiles.FORMAT_VERSION, run, startedAt,
                    (System.nanoTime() - start) / 1_000_000, false, infos, scores, notes), file);
        });
        notes.addAll(pit.notes());
        ResultsFiles.write(new MutationResults(ResultsFiles.FORMAT_VERSION, run, startedAt, 0, false, infos, scores,
                notes), file);
        System.out.printf("mutation: %s ...%n", selection.stream().map(Implementation::name)
                .collect(java.util.stream.Collectors.joining(", ")));
        pit.measure(selection);
        ResultsFiles.write(new MutationResults(ResultsFiles.FORMAT_VERSION, run, startedAt,
                (System.nanoTime() - start) / 1_000_000, true, infos, scores, notes), file);
        System.out.println("mutation: results in " + file);
        return ExitStatus.RAN;
    }

    static String describe(MutationScore score) {
        if (score.error() != null) {
            return score.implementation() + ": not measured: " + score.error();
        }
        return String.format("%s: %.0f%% killed (%d of %d mutants, %d equivalent); %d survived, %d without coverage, in %d s",
                score.implementation(), score.percent(), score.killed(), score.mutants(), score.equivalent(),
                score.survived(), score.noCoverage(), score.millis() / 1000);
    }
}
