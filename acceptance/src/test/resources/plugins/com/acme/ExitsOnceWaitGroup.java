package com.acme;

import java.nio.file.Path;

/**
 * Correct, except once: in the first test JVM of a suite's run, it halts the JVM (status 77) at the
 * 50th add. It shows what a run does after a death: the check that was running is blamed, and
 * a fresh JVM goes on with the rest, whose verdicts are as for any correct group. "The first test JVM"
 * is read from the working folder the runner gives each JVM ({@code work/<suite>/batch<b>-1}): a
 * resumed JVM's is {@code batch<b>-2}, the probe's is {@code work/<suite>/probe/batch<b>-<j>}. The count of adds is
 * kept in a system property, not a static field: Lincheck restores static fields between runs of a
 * scenario, and allows no file operations inside one.
 */
public class ExitsOnceWaitGroup extends MonitorWaitGroup {
    private static final int FATAL_ADD = 50;
    private static final String ADDS = "com.acme.ExitsOnceWaitGroup.adds";
    private static final boolean FIRST_TEST_JVM = isFirstTestJvm(Path.of(System.getProperty("user.dir")));

    @Override
    public void add(int delta) {
        if (FIRST_TEST_JVM && countAdd() == FATAL_ADD) {
            Runtime.getRuntime().halt(77);
        }
        super.add(delta);
    }

    private static boolean isFirstTestJvm(Path folder) {
        return folder.getFileName().toString().matches("batch\\d+-1") && folder.getParent() != null
                && !folder.getParent().getFileName().toString().equals("probe");
    }

    private static int countAdd() {
        synchronized (System.getProperties()) {
            int adds = Integer.parseInt(System.getProperty(ADDS, "0")) + 1;
            System.setProperty(ADDS, Integer.toString(adds));
            return adds;
        }
    }
}
