import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs every command the README shows, as a user types it, in a fresh clone of the repository: the
 * check that a newcomer's first steps work. CI runs it after the test command ({@code .ci/run}).
 *
 * <p>What counts as a command: each line of a fenced code block without a language (or {@code sh},
 * {@code shell}), and each {@code `inline code`} in a table cell that starts with {@code mvn } or
 * {@code java }. A comment at the end of a line (two spaces, then {@code #}) is the README's. Every
 * command must end with exit status 0, with two exceptions that are checked instead of run:
 * <ul>
 *   <li>the test command ({@code mvn -B verify}): {@code .ci/run} runs it, before this program;</li>
 *   <li>the main job ({@code -Pstress}), whose 40 minutes the workflow
 *       ({@code .github/workflows/ci.yml}) spends: each command of a block that runs it must be one
 *       the workflow runs (its {@code ${{ }}} expressions standing for any value, maybe with more
 *       arguments).</li>
 * </ul>
 * The block that compiles {@code com/acme/MyWaitGroup.java} runs twice, as a user would with a
 * WaitGroup of their own: with a correct one (every command exits 0, and the report, written by that
 * very run, lists it with a passed gate) and with a broken one (the last command exits 1, and the
 * report names it with a failed gate). Every command is bounded; the output of each goes to
 * {@code <work>/logs/}.
 *
 * <p>Usage, from the project folder: {@code java .ci/ReadmeCommands.java [--readme FILE] [--work DIR] [--list]}.
 * {@code --readme} runs another README's commands in the clone (to see this program fail on a broken
 * command); {@code --work} keeps the clone there instead of a temporary folder; {@code --list} only
 * prints the commands found. Exit status 0 when
 * every command did what the README says, 1 otherwise.
 */
public final class ReadmeCommands {
    private static final Duration BOUND = Duration.ofMinutes(30);
    private static final String TEST_COMMAND = "mvn -B verify";
    private static final String MAIN_JOB = "-Pstress";
    private static final String PLUG_IN_SOURCE = "com/acme/MyWaitGroup.java";
    private static final Pattern INLINE_COMMAND = Pattern.compile("`((?:mvn|java) [^`]+)`");

    /** A block of commands, where the README has it. */
    record Block(int line, String section, List<String> commands) {
    }

    /** How one command ended. */
    record Ran(String command, int exit, Duration took, Path log) {
    }

    private final Path work;
    private final List<String> failures = new ArrayList<>();
    private final List<String> lines = new ArrayList<>();
    private int logs;

    private ReadmeCommands(Path work) {
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        Path project = Path.of("").toAbsolutePath();
        Path readme = project.resolve("README.md");
        Path work = null;
        boolean list = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--readme") && i + 1 < args.length) {
                readme = Path.of(args[++i]).toAbsolutePath();
            } else if (args[i].equals("--work") && i + 1 < args.length) {
                work = Path.of(args[++i]).toAbsolutePath();
            } else if (args[i].equals("--list")) {
                list = true;
            } else {
                System.err.println("usage: java .ci/ReadmeCommands.java [--readme FILE] [--work DIR] [--list]");
                System.exit(2);
            }
        }
        List<Block> blocks = blocks(Files.readAllLines(readme, StandardCharsets.UTF_8));
        if (list) {
            blocks.forEach(block -> block.commands().forEach(command ->
                    System.out.printf("line %-4d %-28s %s%n", block.line(), block.section(), command)));
            return;
        }
        if (work == null) {
            work = Files.createTempDirectory("wg-readme-");
        }
        ReadmeCommands check = new ReadmeCommands(work);
        check.run(project, blocks);
        check.summary();
        System.exit(check.failures.isEmpty() ? 0 : 1);
    }

    /** The README's command blocks, in order, each command once (the first time it appears). */
    static List<Block> blocks(List<String> readme) {
        List<Block> blocks = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        String section = "";
        for (int i = 0; i < readme.size(); i++) {
            String line = readme.get(i);
            String trimmed = line.strip();
            if (line.startsWith("#")) {
                section = line.replaceFirst("^#+\\s*", "");
            }
            if (trimmed.startsWith("```")) {
                String language = trimmed.substring(3).strip();
                int start = i;
                List<String> commands = new ArrayList<>();
                StringBuilder continued = new StringBuilder();
                for (i++; i < readme.size() && !readme.get(i).strip().startsWith("```"); i++) {
                    String command = withoutComment(readme.get(i).strip());
                    if (command.endsWith("\\")) {
                        continued.append(command, 0, command.length() - 1).append(' ');
                        continue;
                    }
                    command = (continued + command).strip();
                    continued.setLength(0);
                    if (!command.isEmpty() && seen.add(command)) {
                        commands.add(command);
                    }
                }
                if ((language.isEmpty() || language.equals("sh") || language.equals("shell")) && !commands.isEmpty()) {
                    blocks.add(new Block(start + 1, section, commands));
                }
                continue;
            }
            if (trimmed.startsWith("|")) {
                Matcher inline = INLINE_COMMAND.matcher(trimmed);
                List<String> commands = new ArrayList<>();
                while (inline.find()) {
                    if (seen.add(inline.group(1).strip())) {
                        commands.add(inline.group(1).strip());
                    }
                }
                if (!commands.isEmpty()) {
                    blocks.add(new Block(i + 1, section, commands));
                }
            }
        }
        return blocks;
    }

    /** A line without the README's comment: two spaces or more, then {@code #}. */
    private static String withoutComment(String line) {
        return line.replaceFirst("\\s{2,}#.*$", "").strip();
    }

    private void run(Path project, List<Block> blocks) throws IOException, InterruptedException {
        System.out.println("readme: cloning " + project + " into " + work.resolve("wg-lab"));
        Path clone = work.resolve("wg-lab");
        Ran cloned = shell(work, "git clone -q " + quote(project.toString()) + " wg-lab");
        if (cloned.exit() != 0) {
            fail("git clone", cloned, "the repository could not be cloned");
            return;
        }
        String ciRun = Files.readString(clone.resolve(".ci/run"));
        String workflow = Files.readString(clone.resolve(".github/workflows/ci.yml"));
        for (Block block : blocks) {
            System.out.printf("%nreadme: line %d (%s)%n", block.line(), block.section());
            if (block.commands().stream().anyMatch(c -> c.contains(MAIN_JOB))) {
                for (String command : block.commands()) {
                    check(command, runByWorkflow(command, workflow), "run by the workflow",
                            "the README shows it for the main job, but .github/workflows/ci.yml runs no such command");
                }
                continue;
            }
            boolean plugIn = block.commands().stream().anyMatch(c -> c.contains(PLUG_IN_SOURCE));
            if (plugIn) {
                runPlugInBlock(clone, block);
                continue;
            }
            for (String command : block.commands()) {
                if (command.equals(TEST_COMMAND)) {
                    check(command, ciRun.lines().anyMatch(l -> l.strip().equals(TEST_COMMAND)), "run by .ci/run",
                            ".ci/run does not run the README's test command");
                    continue;
                }
                expectExit(command, shell(clone, command), 0);
            }
        }
    }

    /** The plug-in route, twice: a correct WaitGroup passes, a broken one fails the gate, by name. */
    private void runPlugInBlock(Path clone, Block block) throws IOException, InterruptedException {
        for (boolean correct : new boolean[] {true, false}) {
            System.out.println("readme: with " + (correct ? "a correct" : "a broken") + " " + PLUG_IN_SOURCE);
            Path source = clone.resolve(PLUG_IN_SOURCE);
            Files.createDirectories(source.getParent());
            Files.writeString(source, correct ? CORRECT_PLUG_IN : BROKEN_PLUG_IN);
            Ran last = null;
            for (int i = 0; i < block.commands().size(); i++) {
                String command = block.commands().get(i);
                boolean verdict = i == block.commands().size() - 1;
                last = shell(clone, command);
                if (!expectExit(command + (correct ? "" : "   (broken plug-in)"), last, correct || !verdict ? 0 : 1)) {
                    break;
                }
            }
            Path markdown = clone.resolve("reports/target/site/report.md");
            String report = Files.isRegularFile(markdown) ? Files.readString(markdown) : "";
            String what = correct ? "the report lists MyWaitGroup with a passed gate"
                    : "the report names MyWaitGroup with a failed gate";
            boolean good = report.contains("MyWaitGroup")
                    && report.contains(correct ? "**Gate: PASSED.**" : "**Gate: FAILED**")
                    && Files.getLastModifiedTime(markdown).toMillis() >= System.currentTimeMillis()
                    - (last == null ? 0 : last.took().toMillis()) - 60_000;
            check("report of the " + (correct ? "correct" : "broken") + " plug-in", good, what,
                    Files.isRegularFile(markdown) ? what + " was expected in " + markdown : "no report was written");
        }
    }

    /** Whether the workflow runs this command: its tokens, each matching the workflow's, maybe followed by more. */
    static boolean runByWorkflow(String command, String workflow) {
        List<String> wanted = List.of(command.split("\\s+"));
        for (String run : workflowCommands(workflow)) {
            // an expression may hold spaces: it stands for one value, so it becomes one placeholder first
            List<String> tokens = List.of(run.replaceAll("\\$\\{\\{[^}]*}}", ANY).split("\\s+"));
            if (tokens.size() < wanted.size()) {
                continue;
            }
            boolean matches = true;
            for (int i = 0; i < wanted.size() && matches; i++) {
                matches = tokenPattern(tokens.get(i)).matcher(wanted.get(i)).matches();
            }
            if (matches) {
                return true;
            }
        }
        return false;
    }

    /** The commands of a workflow's {@code run:} steps, folded ({@code >-}) ones joined. */
    static List<String> workflowCommands(String workflow) {
        List<String> commands = new ArrayList<>();
        List<String> lines = workflow.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.startsWith("run:") && !line.startsWith("- run:")) {
                continue;
            }
            String value = line.substring(line.indexOf("run:") + 4).strip();
            if (value.equals(">-") || value.equals("|") || value.equals(">")) {
                StringBuilder folded = new StringBuilder();
                int indent = -1;
                for (i++; i < lines.size(); i++) {
                    String next = lines.get(i);
                    int leading = next.length() - next.stripLeading().length();
                    if (next.isBlank() || (indent >= 0 && leading < indent) || (indent < 0 && leading == 0)) {
                        i--;
                        break;
                    }
                    indent = indent < 0 ? leading : indent;
                    folded.append(next.strip()).append(' ');
                }
                value = folded.toString().strip();
            }
            commands.add(value);
        }
        return commands;
    }

    /** What a workflow's {@code ${{ ... }}} expression becomes before its command is split into tokens. */
    private static final String ANY = "\u0000";

    /** A workflow token as a pattern: each expression in it stands for any non-blank text. */
    private static Pattern tokenPattern(String token) {
        StringBuilder regex = new StringBuilder();
        int at = 0;
        for (int any = token.indexOf(ANY); any >= 0; any = token.indexOf(ANY, at)) {
            regex.append(Pattern.quote(token.substring(at, any))).append("\\S+");
            at = any + ANY.length();
        }
        return Pattern.compile(regex.append(Pattern.quote(token.substring(at))).toString());
    }

    private Ran shell(Path folder, String command) throws IOException, InterruptedException {
        Path log = work.resolve("logs").resolve(String.format("%02d.log", ++logs));
        Files.createDirectories(log.getParent());
        long start = System.nanoTime();
        Process process = new ProcessBuilder("bash", "-c", command).directory(folder.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int exit;
        if (process.waitFor(BOUND.toMinutes(), TimeUnit.MINUTES)) {
            exit = process.exitValue();
        } else {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            exit = -1;
            Files.writeString(log, "\nreadme: killed after " + BOUND.toMinutes() + " minutes\n",
                    java.nio.file.StandardOpenOption.APPEND);
        }
        return new Ran(command, exit, Duration.ofNanos(System.nanoTime() - start), log);
    }

    private boolean expectExit(String shown, Ran ran, int expected) {
        boolean good = ran.exit() == expected;
        String line = String.format("%-4s exit %-3d %5ds  %s", good ? "ok" : "FAIL", ran.exit(), ran.took().toSeconds(),
                shown);
        System.out.println(line);
        lines.add(line);
        if (!good) {
            fail(shown, ran, "expected exit status " + expected);
        }
        return good;
    }

    private void check(String shown, boolean good, String what, String otherwise) {
        String line = String.format("%-4s %-15s %s", good ? "ok" : "FAIL", "", shown) + "   (" + what + ")";
        System.out.println(line);
        lines.add(line);
        if (!good) {
            failures.add(shown + ": " + otherwise);
        }
    }

    private void fail(String shown, Ran ran, String why) {
        String tail;
        try {
            List<String> output = Files.readAllLines(ran.log(), StandardCharsets.UTF_8);
            tail = String.join("\n", output.subList(Math.max(0, output.size() - 25), output.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        failures.add(shown + ": " + why + ", got " + ran.exit() + " (log: " + ran.log() + ")\n" + tail.indent(4));
    }

    private void summary() {
        System.out.println();
        System.out.println("readme: " + lines.size() + " commands, " + failures.size() + " failed");
        for (String failure : failures) {
            System.out.println("readme: FAILED: " + failure);
        }
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    /** A WaitGroup as a user might write one: a monitor with a round number. */
    private static final String CORRECT_PLUG_IN = """
            package com.acme;

            import dev.waitgroup.WaitGroup;
            import java.util.concurrent.TimeUnit;

            public class MyWaitGroup implements WaitGroup {
                private int count;
                private long round;

                @Override
                public synchronized void add(int delta) {
                    long next = (long) count + delta;
                    if (next < 0) {
                        throw new IllegalStateException("negative WaitGroup counter");
                    }
                    if (next > Integer.MAX_VALUE) {
                        throw new IllegalStateException("WaitGroup counter overflow");
                    }
                    count = (int) next;
                    if (count == 0 && delta < 0) {
                        round++;
                        notifyAll();
                    }
                }

                @Override
                public synchronized void await() throws InterruptedException {
                    if (Thread.interrupted()) {
                        throw new InterruptedException();
                    }
                    long mine = round;
                    while (count != 0 && round == mine) {
                        wait();
                    }
                }

                @Override
                public synchronized boolean await(long timeout, TimeUnit unit) throws InterruptedException {
                    if (Thread.interrupted()) {
                        throw new InterruptedException();
                    }
                    long mine = round;
                    long nanos = unit.toNanos(timeout);
                    long deadline = System.nanoTime() + nanos; // differences of nanoTime stay right when this wraps
                    while (count != 0 && round == mine) {
                        long remaining = nanos <= 0 ? nanos : deadline - System.nanoTime(); // Long.MIN_VALUE must not wrap
                        if (remaining <= 0) {
                            return false;
                        }
                        TimeUnit.NANOSECONDS.timedWait(this, remaining);
                    }
                    return true;
                }

                @Override
                public synchronized int count() {
                    return count;
                }
            }
            """;

    /** The same, with the classic slip: notify() wakes one waiter of several. */
    private static final String BROKEN_PLUG_IN = CORRECT_PLUG_IN.replace("notifyAll();", "notify();");
}
