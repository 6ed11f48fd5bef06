package dev.waitgroup.jcstress.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openjdk.jcstress.infra.TestInfo;
import org.openjdk.jcstress.infra.collectors.DiskReadCollector;
import org.openjdk.jcstress.infra.collectors.TestResult;
import org.openjdk.jcstress.infra.grading.GradingResult;
import org.openjdk.jcstress.infra.grading.ReportUtils;
import org.openjdk.jcstress.infra.grading.TestGrading;
import org.openjdk.jcstress.infra.runners.TestList;

/**
 * Reads a jcstress run's binary results with jcstress's own API (the format is jcstress's private
 * serialization), and merges each test's configurations as jcstress's own report does. The test
 * classes must be on the classpath: the grading reads their {@code @Outcome}s.
 */
final class JcstressResults {

    private JcstressResults() {
    }

    /** The results file jcstress left in its working folder, if any. */
    static Path find(Path workdir) throws IOException {
        try (Stream<Path> files = Files.list(workdir)) {
            return files.filter(f -> f.getFileName().toString().matches("jcstress-results-.*\\.bin\\.gz"))
                    .findFirst().orElse(null);
        }
    }

    static List<TestSummary> read(Path resultsFile) throws IOException, ClassNotFoundException {
        List<TestResult> raw = new ArrayList<>();
        DiskReadCollector reader = new DiskReadCollector(resultsFile.toString(), raw::add);
        try {
            reader.dump();
        } finally {
            reader.close();
        }
        Map<String, Long> configurations = raw.stream()
                .collect(Collectors.groupingBy(TestResult::getName, Collectors.counting()));
        List<TestSummary> summaries = new ArrayList<>();
        for (TestResult merged : ReportUtils.mergedByName(raw)) {
            TestGrading grading = merged.grading();
            List<TestSummary.Outcome> outcomes = new ArrayList<>();
            for (GradingResult row : grading.gradingResults.values()) {
                outcomes.add(new TestSummary.Outcome(row.id, row.count, row.expect.name(), row.description));
            }
            summaries.add(new TestSummary(merged.getName(), description(merged.getName()), merged.status().name(),
                    merged.getTotalCount(),
                    configurations.getOrDefault(merged.getName(), 0L).intValue(), outcomes,
                    List.copyOf(merged.getMessages())));
        }
        return summaries;
    }

    private static String description(String test) {
        TestInfo info = TestList.getInfo(test);
        return info == null || info.description() == null ? test : info.description();
    }
}
