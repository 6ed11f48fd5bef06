package dev.waitgroup.reports;

import dev.waitgroup.catalogue.ImplementationKind;
import dev.waitgroup.record.SuiteResults;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Everything the page shows, section by section, for the HTML and the Markdown templates alike:
 * records only, every text already worded, no knowledge of any particular check.
 */
record Page(String mode, boolean stress, String modeExplained, String runId, String selection, String generatedAt,
            GateView gate, ChooseView choose, MatrixView matrix, MisuseView misuse, SpecimenView specimens,
            SpeedView speed, MutationView mutation, LessonView lessons, EvidenceView evidence, RunsView runs) {

    static Page of(Results results, ReportContext context, List<GateReason> reasons) {
        String mode = !context.mode().isEmpty() ? context.mode() : results.inputs.suites.values().stream()
                .map(SuiteResults::run).map(r -> r.mode()).findFirst().orElse("default");
        String runId = !context.runId().isEmpty() ? context.runId() : results.inputs.suites.values().stream()
                .map(s -> s.run().id()).findFirst().orElse("");
        String selection = !context.selection().isEmpty() ? context.selection() : results.inputs.suites.values()
                .stream().map(s -> s.run().selection()).findFirst().orElse("");
        boolean stress = "stress".equals(mode);
        SpeedView speed = SpeedView.of(results);
        boolean specimens = !results.ofKind(ImplementationKind.SPECIMEN).isEmpty();
        return new Page(mode, stress, stress
                ? "mvn verify -Pstress: full jcstress and Lincheck budgets, " + (specimens
                        ? "every specimen through every check (jcstress's: those written for its bug; the searches'"
                        + " budgets and seeds: the default run's), " : "") + "JMH"
                : "mvn verify: deterministic checks gate; jcstress in a short mode" + (specimens
                        ? "; each specimen meets the checks designed to catch it" : ""),
                runId.isEmpty() ? "unnamed (its suites ran without -Dwg.run.id)" : runId, selection, ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")),
                GateView.of(reasons, results), ChooseView.of(results, speed), MatrixView.of(results), MisuseView.of(results),
                SpecimenView.of(results, context), speed, MutationView.of(results, runId), LessonView.of(results), EvidenceView.of(results),
                RunsView.of(results, context));
    }
}
