package dev.waitgroup.harness.run;

import dev.waitgroup.harness.ExitWitness;
import dev.waitgroup.impl.AqsWaitGroup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A child JVM for {@link BoundedRunnerTest}: works through the units named in its arguments, journaling
 * each, and writes "done" for each to the file named first. A unit named {@code exit...} calls
 * {@code System.exit(3)}, one named {@code halt...} {@code Runtime.halt(3)}, one named {@code hang...} waits for a group that is never released, one
 * named {@code quit...} ends the JVM before it starts any unit, as a broken engine would, and one named
 * {@code killed...} is killed (halted with status 137, as by SIGKILL) before it starts, once per run.
 */
public final class FakeChild {
    private FakeChild() {
    }

    public static void main(String[] args) throws Exception {
        Journal journal = Journal.fromSystemProperty();
        ExitWitness.install(journal);
        Path done = Path.of(args[0]);
        for (int i = 1; i < args.length; i++) {
            String unit = args[i];
            if (unit.startsWith("quit")) {
                ExitWitness.exitNormally(1);
            }
            Path killedOnce = done.getParent().resolveSibling("killed-once");
            if (unit.startsWith("killed") && !Files.exists(killedOnce)) {
                Files.createFile(killedOnce);
                Runtime.getRuntime().halt(137);
            }
            journal.start("aqs", unit);
            if (unit.startsWith("exit")) {
                System.exit(3);
            }
            if (unit.startsWith("halt")) {
                Runtime.getRuntime().halt(3);
            }
            if (unit.startsWith("hang")) {
                AqsWaitGroup group = new AqsWaitGroup();
                group.add(1);
                group.await();
            }
            Files.writeString(done, unit + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            journal.end("aqs", unit);
        }
        ExitWitness.exitNormally(0);
    }
}
