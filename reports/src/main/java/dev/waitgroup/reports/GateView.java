package dev.waitgroup.reports;

import dev.waitgroup.catalogue.ImplementationKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The gate: passed, or its reasons grouped by what they are about, with counts per suite. */
record GateView(boolean passed, int count, List<Group> groups, String passedSummary) {

    /** "1 reason", "3 reasons". */
    public String reasons() {
        return count + (count == 1 ? " reason" : " reasons");
    }

    /** The reasons about one implementation, or about the run as a whole. */
    record Group(String subject, String counts, List<Line> reasons) {
    }

    /** One reason, with the kind it is and the anchor of its evidence (null if none). */
    record Line(String kind, String text, String anchor) {
    }

    /**
     * The gate of a run; when it passed, {@code passedSummary} says what that means for this run, naming
     * the implementations and specimens only if the run judged some.
     */
    static GateView of(List<GateReason> reasons, Results results) {
        List<String> held = new ArrayList<>();
        held.add("every suite ran to the end and kept every promise of its manifest");
        if (!results.judged().isEmpty()) {
            held.add("every implementation passed every check and matched its documentation");
        }
        boolean specimensChecked = results.ofKind(ImplementationKind.SPECIMEN).stream()
                .anyMatch(specimen -> !results.findings(specimen.name()).isEmpty());
        if (specimensChecked && results.shard().isWhole()) {
            held.add("every specimen checked was caught where its bug must be caught");
        } else if (specimensChecked) {
            held.add("in this shard (" + results.shard() + "), every suite that must catch a specimen's bug and looked"
                    + " at it caught it; whether each specimen is caught at all is judged when the shards are merged");
        }
        String summary = held.get(0).substring(0, 1).toUpperCase(Locale.ROOT) + String.join("; ", held).substring(1) + ".";
        return of(reasons, summary);
    }

    private static GateView of(List<GateReason> reasons, String passedSummary) {
        Map<String, List<GateReason>> bySubject = new LinkedHashMap<>();
        for (GateReason reason : reasons) {
            if (reason.implementation() == null) {
                bySubject.computeIfAbsent("the run", k -> new ArrayList<>()).add(reason);
            }
        }
        for (GateReason reason : reasons) {
            if (reason.implementation() != null) {
                bySubject.computeIfAbsent(reason.implementation(), k -> new ArrayList<>()).add(reason);
            }
        }
        List<Group> groups = new ArrayList<>();
        bySubject.forEach((subject, own) -> {
            Map<String, Integer> perSuite = new TreeMap<>();
            List<Line> lines = new ArrayList<>();
            for (GateReason reason : own) {
                perSuite.merge(reason.suite() == null ? "run" : reason.suite().id(), 1, Integer::sum);
                lines.add(new Line(reason.kind().label(), (reason.suite() == null ? "" : reason.suite().id() + ": ")
                        + reason.text(), reason.anchor()));
            }
            List<String> counts = new ArrayList<>();
            perSuite.forEach((suite, n) -> counts.add(suite + " " + n));
            groups.add(new Group(subject, String.join(" · ", counts), lines));
        });
        return new GateView(reasons.isEmpty(), reasons.size(), groups, passedSummary);
    }
}
