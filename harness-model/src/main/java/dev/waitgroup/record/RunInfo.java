package dev.waitgroup.record;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The run a results file belongs to.
 *
 * @param id        the run: the Maven build's timestamp, or {@code wg.run.id} (shards of one run share it)
 * @param mode      {@code default} ({@code mvn verify}) or {@code stress} ({@code -Pstress})
 * @param selection the {@code wg.impl} value
 * @param checks    the {@code wg.check} filter; empty for every check
 * @param shard     which part of the run
 * @param jvm       the JVM the checks ran on
 * @param java      its feature version (17, 25, ...)
 * @param arch      the machine's architecture ({@code os.arch}: amd64, aarch64, ...): some memory-model
 *                  bugs show only on hardware that reorders loads; empty in files written before it
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record RunInfo(String id, String mode, String selection, String checks, Shard shard, String jvm, int java,
                      String arch) {

    public RunInfo {
        // a run started by hand has no run id or selection: written as nothing, read back as ""
        id = id == null ? "" : id;
        selection = selection == null ? "" : selection;
        checks = checks == null ? "" : checks;
        shard = shard == null ? Shard.WHOLE : shard;
        arch = arch == null ? "" : arch;
    }

    /** A run on this machine: its architecture is this JVM's {@code os.arch}. */
    public RunInfo(String id, String mode, String selection, String checks, Shard shard, String jvm, int java) {
        this(id, mode, selection, checks, shard, jvm, java, System.getProperty("os.arch"));
    }

    public boolean stress() {
        return "stress".equals(mode);
    }

    /** The JVM this code runs on, as results record it. */
    public static String thisJvm() {
        return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
                + System.getProperty("java.vm.vendor") + ")";
    }
}
