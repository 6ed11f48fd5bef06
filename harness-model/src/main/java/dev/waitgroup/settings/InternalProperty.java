package dev.waitgroup.settings;

/**
 * The system properties the harness gives the JVMs it starts itself, to tell a child its part of the
 * run: never the user's to set, so not {@link Property settings} (no default, no README row), but
 * each declared once, here. A child started by nobody (a check class run from an IDE) finds none of
 * them and runs on its own, as each reader documents.
 */
public enum InternalProperty {
    /** The suite a test JVM runs checks of ({@code contract}, {@code lincheck}). */
    SUITE("wg.suite"),
    /** A file of the (implementation, check) pairs a test JVM is to run, one tab-separated pair a line. */
    PAIRS("wg.pairs"),
    /** The file a child journals what it is doing to, so that its runner can tell what it was doing when it died. */
    JOURNAL("wg.journal"),
    /** The file a test JVM writes its verdicts to, for its runner to collect. */
    RESULTS_PART("wg.results.part"),
    /** How long one check may take in a test JVM before it is a hang, in milliseconds. */
    CHECK_BOUND("wg.check.bound"),
    /** {@code true}: a verdict that is a defect also fails its JUnit test, for a tool that reads JUnit (PIT). */
    FAIL_TESTS("wg.fail.tests");

    private final String key;

    InternalProperty(String key) {
        this.key = key;
    }

    /** The system property's name. */
    public String key() {
        return key;
    }

    /** The option that gives it to a child JVM: {@code -Dkey=value}. */
    public String option(Object value) {
        return "-D" + key + "=" + value;
    }

    /** Its value in this JVM; empty when the JVM was not given it. */
    public String inThisJvm() {
        return System.getProperty(key, "");
    }
}
