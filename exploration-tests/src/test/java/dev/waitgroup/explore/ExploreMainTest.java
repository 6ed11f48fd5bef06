package dev.waitgroup.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The exploration runs from a plain main in a child JVM, as a runner starts it: no test framework. */
class ExploreMainTest {

    private static Result run(String... args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                ExploreMain.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(
                new File("/dev/null"))).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("ExploreMain did not end in 120 s");
        }
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    record Result(int status, String output) {
    }

    @Test
    void aBrokenGroupFailsWithStatusOneAndAHistoryThatFailed() throws Exception {
        Result result = run("dev.waitgroup.specimen.LostInterruptWaitGroup", "--seed", "1", "--histories", "50");
        assertEquals(1, result.status(), result.output());
        assertTrue(result.output().startsWith("FAILED"), result.output());
        assertTrue(result.output().contains("rule broken: [interrupt-"), result.output());
        // shrunk when the shrunk scenario failed again; as drawn when the interrupt's timing did not recur
        assertTrue(result.output().contains("scenario:\nT1:"), result.output());
        assertTrue(result.output().contains("verdict: violation of [interrupt-"), "the history shown failed:\n"
                + result.output());
    }

    @Test
    void aCorrectGroupPassesWithStatusZero() throws Exception {
        Result result = run("dev.waitgroup.impl.CasSpinWaitGroup", "--reuse", "finishes-old-round", "--histories", "20");
        assertEquals(0, result.status(), result.output());
        assertTrue(result.output().startsWith("PASSED: 21 histories"), result.output());
    }

    @Test
    void aClassThatIsNoWaitGroupIsRefusedWithStatusTwo() throws Exception {
        Result result = run("java.lang.String");
        assertEquals(2, result.status(), result.output());
    }
}
