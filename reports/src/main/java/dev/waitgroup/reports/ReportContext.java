package dev.waitgroup.reports;

/**
 * What the report is asked to judge: the run it expects (its id: results of another run are stale),
 * the mode (the stress run gates more), and the selection every suite must have checked. Empty
 * strings accept whatever the results say (a report rendered from a folder by hand).
 */
record ReportContext(String runId, String mode, String selection) {
    boolean stress() {
        return "stress".equals(mode);
    }
}
