package dev.waitgroup.fray.history;

import dev.waitgroup.WaitGroup;
import dev.waitgroup.fray.scenario.Calls;
import dev.waitgroup.fray.scenario.NextRound;
import dev.waitgroup.fray.scenario.Recorder;
import dev.waitgroup.fray.scenario.Scenario;
import dev.waitgroup.fray.scenario.Subject;
import dev.waitgroup.fray.scenario.Track;
import dev.waitgroup.model.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A concurrent history drawn from the contract's operations ({@link HistoryGenerator}), as a scenario:
 * the main thread sets the counter ({@code add(initial)}), starts one thread per list of calls, joins
 * them, then runs one more round ({@link NextRound}) to see that nothing was left behind. Fray runs it
 * under many schedules; the model judges each history.
 *
 * <p>A value: generated from a seed, shrunk by dropping calls, written to a recording
 * ({@link #encode()}) and read back for a replay ({@link #decode}).
 *
 * @param name    {@code history-7}, or {@code history-7-shrunk}
 * @param initial what the main thread adds before the threads start (0: nothing)
 * @param threads each thread's calls, in order; at least one thread, none empty
 */
public record DrawnHistory(String name, int initial, List<List<DrawnCall>> threads) implements Scenario {
    public DrawnHistory {
        Objects.requireNonNull(name, "name");
        List<List<DrawnCall>> copy = new ArrayList<>();
        for (List<DrawnCall> calls : threads) {
            if (calls.isEmpty()) {
                throw new IllegalArgumentException("a thread without calls in " + name);
            }
            copy.add(List.copyOf(calls));
        }
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("a history without threads: " + name);
        }
        threads = List.copyOf(copy);
    }

    @Override
    public String description() {
        return "a history drawn from the contract's operations: " + text().replace('\n', ';');
    }

    /** The threads that may wait: those with a call that waits. */
    @Override
    public int waiters() {
        int waiters = 0;
        for (List<DrawnCall> calls : threads) {
            if (calls.stream().anyMatch(DrawnCall::waits)) {
                waiters++;
            }
        }
        return waiters;
    }

    /** The number of calls over all threads. */
    public int size() {
        return threads.stream().mapToInt(List::size).sum() + (initial != 0 ? 1 : 0);
    }

    @Override
    public void run(Subject subject, Recorder recorder) throws Exception {
        WaitGroup group = subject.newGroup();
        Track main = recorder.track("main");
        if (initial != 0) {
            Calls.make(main, group, new Operation.Add(initial));
        }
        List<Track> tracks = new ArrayList<>();
        for (int t = 0; t < threads.size(); t++) {
            List<DrawnCall> calls = threads.get(t);
            String name = "T" + (t + 1);
            Track track = recorder.track(name);
            tracks.add(track);
            track.start(self -> {
                for (int i = 0; i < calls.size(); i++) {
                    DrawnCall call = calls.get(i);
                    if (call.operation() instanceof Operation.SelfInterrupt) {
                        self.selfInterrupt();
                    } else if (call.interrupted()) {
                        self.callInterrupted(call.operation(), Calls.of(group, call.operation()), "I" + name.substring(1)
                                + "." + (i + 1));
                    } else {
                        Calls.make(self, group, call.operation());
                    }
                }
            });
        }
        for (Track track : tracks) {
            track.join();
        }
        NextRound.holdsItsWaiter(group, recorder, main);
    }

    /** One line per thread: {@code main: add(2)}, {@code T1: done(); await()}, then the round that follows. */
    public String text() {
        StringBuilder s = new StringBuilder();
        if (initial != 0) {
            s.append("main: add(").append(initial).append(")\n");
        }
        for (int t = 0; t < threads.size(); t++) {
            s.append('T').append(t + 1).append(": ");
            List<DrawnCall> calls = threads.get(t);
            for (int i = 0; i < calls.size(); i++) {
                s.append(i == 0 ? "" : "; ").append(calls.get(i).text());
            }
            s.append('\n');
        }
        return s.append("then main: count(), and if it is 0 one more round whose waiter must wait for its done()\n")
                .toString();
    }

    /** The history as one line that {@link #decode} reads back: {@code history-7|2|add:1,done|await}. */
    public String encode() {
        StringBuilder s = new StringBuilder(name).append('|').append(initial);
        for (List<DrawnCall> calls : threads) {
            s.append('|');
            for (int i = 0; i < calls.size(); i++) {
                s.append(i == 0 ? "" : ",").append(calls.get(i).token());
            }
        }
        return s.toString();
    }

    /**
     * The history {@link #encode()} wrote.
     *
     * @throws IllegalArgumentException if {@code line} is not one
     */
    public static DrawnHistory decode(String line) {
        String[] parts = line.trim().split("\\|");
        if (parts.length < 3) {
            throw new IllegalArgumentException("not a drawn history: '" + line + "'");
        }
        List<List<DrawnCall>> threads = new ArrayList<>();
        for (int t = 2; t < parts.length; t++) {
            List<DrawnCall> calls = new ArrayList<>();
            for (String token : parts[t].split(",")) {
                calls.add(DrawnCall.parse(token));
            }
            threads.add(calls);
        }
        return new DrawnHistory(parts[0], Integer.parseInt(parts[1]), threads);
    }

    /** The same history under another name. */
    public DrawnHistory named(String newName) {
        return new DrawnHistory(newName, initial, threads);
    }
}
