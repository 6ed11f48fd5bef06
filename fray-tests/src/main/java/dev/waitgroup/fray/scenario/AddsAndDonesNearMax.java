package dev.waitgroup.fray.scenario;

import dev.waitgroup.WaitGroup;
import dev.waitgroup.model.Operation;

/**
 * Two {@code add(1)} and one {@code done()} race on a counter of {@code Integer.MAX_VALUE - 1}: the
 * counter may not pass {@code Integer.MAX_VALUE}, so one {@code add(1)} is refused unless the
 * {@code done()} came between them. Some order of the three calls, applied one at a time with the
 * contract's refusals, must explain every outcome and the counter read after them.
 */
public final class AddsAndDonesNearMax implements Scenario {
    @Override
    public String name() {
        return "adds-and-dones-near-max";
    }

    @Override
    public String description() {
        return "add(1), add(1) and done() race at Integer.MAX_VALUE - 1: the counter never passes MAX_VALUE, every"
                + " refusal is justified, no update is lost";
    }

    @Override
    public int waiters() {
        return 0;
    }

    @Override
    public void run(Subject subject, Recorder recorder) throws Exception {
        WaitGroup group = subject.newGroup();
        Track main = recorder.track("main");
        Calls.make(main, group, new Operation.Add(Integer.MAX_VALUE - 1));
        Track[] threads = {recorder.track("T1"), recorder.track("T2"), recorder.track("T3")};
        threads[0].start(self -> Calls.make(self, group, new Operation.Add(1)));
        threads[1].start(self -> Calls.make(self, group, new Operation.Add(1)));
        threads[2].start(self -> Calls.make(self, group, new Operation.Done()));
        for (Track thread : threads) {
            thread.join();
        }
        Calls.make(main, group, new Operation.Count());
    }
}
