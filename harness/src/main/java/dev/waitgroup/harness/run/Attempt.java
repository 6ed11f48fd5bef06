package dev.waitgroup.harness.run;

import java.nio.file.Path;

/**
 * One child JVM of a run: its number within its batch and the folder its files go in (the command's
 * working folder, its log, its journal, what it writes for the runner to read).
 *
 * @param batch   which batch of units it works on, from 0
 * @param number  which JVM of the batch it is, from 1; a JVM after the first resumes where the last one died
 * @param folder  the JVM's own folder, created before it starts
 */
public record Attempt(int batch, int number, Path folder) {
    /** The file {@code name} in this JVM's folder. */
    public Path file(String name) {
        return folder.resolve(name);
    }

    /** What the JVM printed (standard output and error together). */
    public Path log() {
        return file("output.log");
    }

    /** What the JVM said it was doing, as it did it ({@link Journal}). */
    public Journal journal() {
        return new Journal(file("journal"));
    }
}
