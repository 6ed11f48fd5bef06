package dev.waitgroup.record;

import java.util.List;

/**
 * What the benchmark run did besides measuring ({@code <results>/benchmarks.json}): whether it ran to
 * its end, and every benchmark that gave no figures because the implementation under it hung or
 * threw. JMH's own figures stay in {@code jmh.json}, in JMH's format.
 *
 * @param formatVersion {@value ResultsFiles#FORMAT_VERSION}; readers refuse other versions
 * @param run           the run this file belongs to
 * @param boundMillis   how long a benchmark's forked VM may go without finishing an iteration before
 *                      it is ended ({@code bench.bound})
 * @param complete      true once every benchmark of the run was measured or ended; false: cut short
 * @param problems      the benchmarks that gave no figures, in the order they ran
 * @param notes         how the run was made, and what stopped it when it did not complete
 */
public record BenchmarkRun(int formatVersion, RunInfo run, long boundMillis, boolean complete,
                           List<Problem> problems, List<String> notes) {

    /** The file's name in the results folder. */
    public static final String FILE = "benchmarks.json";

    public BenchmarkRun {
        problems = problems == null ? List.of() : List.copyOf(problems);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** Why a benchmark gave no figures. */
    public enum Kind {
        /** No iteration finished within the bound: the forked VM was ended, its threads dumped first. */
        HUNG,
        /** The benchmark threw, or its forked VM ended without figures. */
        FAILED
    }

    /**
     * One benchmark at one thread count on one implementation that gave no figures.
     *
     * @param benchmark      the benchmark method's name, e.g. {@code handOff}
     * @param threads        how many threads ran it
     * @param implementation the implementation's name in the selection
     * @param kind           hung or failed
     * @param message        one sentence: what happened, and after how long
     * @param evidence       where the forked VM's threads were before it was ended (a thread dump), or
     *                       the benchmark's own output for a failure; empty when none could be taken
     */
    public record Problem(String benchmark, int threads, String implementation, Kind kind, String message,
                          String evidence) {
    }
}
