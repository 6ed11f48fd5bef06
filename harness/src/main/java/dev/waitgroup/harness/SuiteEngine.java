package dev.waitgroup.harness;

import dev.waitgroup.harness.run.CheckUnit;
import dev.waitgroup.harness.run.Death;
import dev.waitgroup.harness.run.Engine;
import dev.waitgroup.harness.run.Unreached;
import dev.waitgroup.record.CheckResult;
import dev.waitgroup.record.Verdict;

/**
 * What every suite's engine shares: its units are checks on implementations, its results verdicts,
 * recorded into the suite's results file as they are decided (with the command that reproduces
 * each one that is not a pass); a unit that died or never ran gets its verdict from {@link Death}
 * and {@link Unreached}, the same for every suite.
 */
public abstract class SuiteEngine implements Engine<CheckUnit, CheckResult> {
    protected final SuiteRun run;

    protected SuiteEngine(SuiteRun run) {
        this.run = run;
    }

    @Override
    public String name() {
        return run.suite.id() + " suite";
    }

    @Override
    public Implementation implementationOf(CheckUnit unit) {
        return unit.implementation();
    }

    @Override
    public String journalKey(CheckUnit unit) {
        return unit.check().id();
    }

    @Override
    public boolean hung(CheckResult result) {
        return result.verdict() == Verdict.TIMEOUT;
    }

    @Override
    public CheckResult died(CheckUnit unit, Death death) {
        return death.verdict(unit.implementation().name(), unit.check(), run.suite.how());
    }

    @Override
    public CheckResult unreached(CheckUnit unit, Unreached why) {
        return why.verdict(unit.implementation().name(), unit.check(), run.suite.how());
    }

    @Override
    public void record(CheckUnit unit, CheckResult result) {
        run.record(result);
        run.recorder.write();
    }
}
