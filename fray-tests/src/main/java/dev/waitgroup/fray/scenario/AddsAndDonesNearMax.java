package dev.waitgroup.fray.scenario;

import dev.waitgroup.WaitGroup;
import java.util.List;

/**
 * Two {@code add(1)} and one {@code done()} race on a counter of {@code Integer.MAX_VALUE - 1}: the
 * counter may not pass {@code Integer.MAX_VALUE}, so one {@code add(1)} is refused unless the
 * {@code done()} came between them. Some order of the three calls, applied one at a time with the
 * contract's refusals, must explain every outcome and the final counter.
 */
public final class AddsAndDonesNearMax implements Scenario {
    @Override
    public String name() {
        return "adds-and-dones-near-max";
    }

    @Override
    public String description() {
        return "add(1), add(1) and done() race at Integer.MAX_VALUE - 1: the counter never passes "
                + "MAX_VALUE, every refusal is justified, no update is lost";
    }

    @Override
    public void run(Subject subject) throws Exception {
        WaitGroup group = subject.newGroup();
        int initial = Integer.MAX_VALUE - 1;
        group.add(initial);
        Actor first = Actor.start("add-1", self -> self.record(Call.ofVoid("add(1)", () -> group.add(1))));
        Actor second = Actor.start("add-2", self -> self.record(Call.ofVoid("add(1)", () -> group.add(1))));
        Actor done = Actor.start("done", self -> self.record(Call.ofVoid("done()", group::done)));
        first.join();
        second.join();
        done.join();
        Judgments.sequentiallyExplained(initial, List.of(1, 1, -1), Judgments.callsOf(first, second, done),
                group.count());
    }
}
