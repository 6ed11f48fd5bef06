package dev.waitgroup.jcstress.runner;

import java.util.List;

/**
 * One jcstress test's results on one implementation, merged over its configurations.
 *
 * @param test           the test class name
 * @param description    the test's {@code @Description}
 * @param status         jcstress's status: NORMAL, TEST_ERROR, VM_ERROR, TIMEOUT_ERROR, ...
 * @param samples        all samples over all configurations
 * @param configurations how many JVM/compilation configurations ran
 * @param outcomes       every declared or observed outcome, with its count
 * @param messages       jcstress's messages (exceptions, VM errors), possibly empty
 */
record TestSummary(String test, String description, String status, long samples, int configurations, List<Outcome> outcomes,
                   List<String> messages) {

    /** One row of the outcome table: the id, how often it was seen, what the test expects of it. */
    record Outcome(String id, long count, String expect, String description) {
        boolean seen() {
            return count > 0;
        }

        boolean forbidden() {
            return "FORBIDDEN".equals(expect);
        }

        boolean interesting() {
            return "ACCEPTABLE_INTERESTING".equals(expect);
        }
    }

    /** The outcome table as jcstress prints it: a teacher's evidence. */
    String table() {
        int width = "RESULT".length();
        for (Outcome outcome : outcomes) {
            width = Math.max(width, outcome.id().length());
        }
        StringBuilder text = new StringBuilder();
        text.append(String.format("%" + width + "s  %13s  %11s  %s%n", "RESULT", "SAMPLES", "EXPECT", "DESCRIPTION"));
        for (Outcome outcome : outcomes) {
            text.append(String.format("%" + width + "s  %,13d  %11s  %s%n", outcome.id(), outcome.count(),
                    outcome.expect(), outcome.description()));
        }
        return text.toString();
    }
}
