package dev.waitgroup.record;

import java.util.List;

/**
 * The mutation run's file ({@code <results>/mutation.json}): for each implementation, how many small
 * changes to its code (mutants) the harness's checks notice, and the ones they do not.
 *
 * @param formatVersion   {@value ResultsFiles#FORMAT_VERSION}; readers refuse other versions
 * @param run             the run this file belongs to
 * @param startedAt       ISO-8601 instant
 * @param wallMillis      wall time so far
 * @param complete        true once every implementation was measured; false: cut short
 * @param implementations what was mutated, in order
 * @param scores          one per implementation measured so far
 * @param notes           how the run was made (engine, mutators, excluded methods)
 */
public record MutationResults(int formatVersion, RunInfo run, String startedAt, long wallMillis, boolean complete,
                              List<ImplementationInfo> implementations, List<MutationScore> scores, List<String> notes) {

    /** The file's name in the results folder. */
    public static final String FILE = "mutation.json";

    public MutationResults {
        implementations = implementations == null ? List.of() : List.copyOf(implementations);
        scores = scores == null ? List.of() : List.copyOf(scores);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }
}
