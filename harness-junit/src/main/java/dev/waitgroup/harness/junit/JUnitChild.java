package dev.waitgroup.harness.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.waitgroup.harness.ExitWitness;
import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * The main class of a test JVM that {@link JUnitSuite} starts: runs the suite's check classes with
 * JUnit's launcher, on the implementations and checks the runner handed it, then ends the JVM (even
 * if code under test left threads running). The arguments are the check classes' names: each is
 * selected by class, so JUnit runs it whatever it is called (the suites name theirs {@code ...Checks}).
 */
public final class JUnitChild {
    private JUnitChild() {
    }

    public static void main(String[] args) throws ClassNotFoundException {
        ExitWitness.install(TestJvm.current().journal);
        List<DiscoverySelector> selectors = new ArrayList<>();
        for (String name : args) {
            selectors.add(selectClass(Class.forName(name)));
        }
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectors).build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        launcher.execute(request, summary);
        summary.getSummary().getFailures().forEach(failure -> {
            System.out.println("JUnit: " + failure.getTestIdentifier().getDisplayName() + ": " + failure.getException());
        });
        ExitWitness.exitNormally(0);
    }
}
