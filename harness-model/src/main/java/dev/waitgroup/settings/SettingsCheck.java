package dev.waitgroup.settings;

/**
 * Checks every setting of this JVM, as the build does in its first module: a bad one stops the build
 * there, before anything is built further or run, with exit status 2 and a message naming it; so does
 * a name on the Maven command line that looks like a property and is none ({@link Settings#forRun()}).
 */
public final class SettingsCheck {
    private SettingsCheck() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(ExitStatus.of("wg-lab", () -> {
            Settings.forRun();
            return ExitStatus.RAN;
        }));
    }
}
