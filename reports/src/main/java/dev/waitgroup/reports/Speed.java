package dev.waitgroup.reports;

import dev.waitgroup.catalogue.Baseline;
import dev.waitgroup.catalogue.Benchmark;
import dev.waitgroup.record.GoResults;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The speed comparison: JMH measurements as rows (a benchmark at a thread count), each with every
 * implementation's ns/op and JMH's error, the best one, the JDK baselines measured in the same run,
 * and Go's figure for the same benchmark and thread count: from this very run when Go's benchmarks
 * ran beside JMH ({@code go.json}), otherwise only the stored reference, which was measured on
 * another machine and is never divided by.
 */
final class Speed {

    /** One benchmark at one thread count. */
    record Row(String benchmark, String params, int threads, Map<String, Double> nsPerOp,
               Map<String, Double> error, Map<String, Double> baselines, GoResults.Figure go, Double goReference) {

        String label() {
            return benchmark + (params.isEmpty() ? "" : " (" + params + ")");
        }

        String best() {
            return nsPerOp.entrySet().stream().min(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        }

        Double bestNs() {
            String best = best();
            return best == null ? null : nsPerOp.get(best);
        }
    }

    final List<Row> rows;
    final List<String> implementations;
    final List<String> baselines;
    final String jvm;

    private Speed(List<Row> rows, List<String> implementations, List<String> baselines, String jvm) {
        this.rows = rows;
        this.implementations = implementations;
        this.baselines = baselines;
        this.jvm = jvm;
    }

    static Speed of(JmhResults jmh, List<String> knownImplementations, GoResults sameRun) {
        Map<String, Double> reference = goReference();
        Map<String, GoResults.Figure> go = new LinkedHashMap<>();
        if (sameRun != null) {
            sameRun.figures().forEach(figure -> go.put(figure.benchmark() + "@" + figure.threads(), figure));
        }
        Map<String, Map<String, JmhResults.Measurement>> byRow = new LinkedHashMap<>();
        Set<String> implementations = new LinkedHashSet<>();
        Set<String> baselines = new LinkedHashSet<>();
        for (JmhResults.Measurement m : jmh.measurements) {
            boolean baseline = m.group().endsWith("Baseline");
            (baseline ? baselines : implementations).add(m.implementation());
            byRow.computeIfAbsent(m.rowKey(), k -> new LinkedHashMap<>()).put(m.implementation(), m);
        }
        List<String> orderedImplementations = new ArrayList<>();
        for (String name : knownImplementations) {
            if (implementations.remove(name)) {
                orderedImplementations.add(name);
            }
        }
        orderedImplementations.addAll(implementations);
        List<Row> rows = new ArrayList<>();
        for (Map<String, JmhResults.Measurement> cells : byRow.values()) {
            JmhResults.Measurement any = cells.values().iterator().next();
            Map<String, Double> ns = new LinkedHashMap<>();
            Map<String, Double> error = new LinkedHashMap<>();
            Map<String, Double> base = new LinkedHashMap<>();
            for (JmhResults.Measurement m : cells.values()) {
                if (m.group().endsWith("Baseline")) {
                    base.put(m.implementation(), m.nsPerOp());
                } else {
                    ns.put(m.implementation(), m.nsPerOp());
                    error.put(m.implementation(), m.nsError());
                }
            }
            if (ns.isEmpty() && base.isEmpty()) {
                continue;
            }
            String params = any.params().isEmpty() ? "" : String.join(", ",
                    any.params().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
            String key = goKey(any.benchmark(), any.threads());
            rows.add(new Row(any.benchmark(), params, any.threads(), ns, error, base, go.get(key), reference.get(key)));
        }
        rows.sort((a, b) -> {
            int order = Integer.compare(benchmarkOrder(a.benchmark()), benchmarkOrder(b.benchmark()));
            if (order != 0) {
                return order;
            }
            int params = NATURAL.compare(a.params(), b.params());
            return params != 0 ? params : Integer.compare(a.threads(), b.threads());
        });
        return new Speed(rows, orderedImplementations, new ArrayList<>(baselines), jmh.jvm);
    }

    private static final Pattern TOKEN = Pattern.compile("\\d+|\\D+");

    /** "tasks=8" before "tasks=64": runs of digits compare as numbers. */
    static final Comparator<String> NATURAL = (a, b) -> {
        Matcher x = TOKEN.matcher(a);
        Matcher y = TOKEN.matcher(b);
        while (x.find() && y.find()) {
            String p = x.group();
            String q = y.group();
            boolean numbers = Character.isDigit(p.charAt(0)) && Character.isDigit(q.charAt(0));
            int order = numbers ? new BigInteger(p).compareTo(new BigInteger(q)) : p.compareTo(q);
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.length(), b.length());
    };

    /** A benchmark's place in the report: the catalogue's order, benchmarks it does not know last. */
    private static int benchmarkOrder(String benchmark) {
        return Benchmark.of(benchmark).map(Enum::ordinal).orElse(Benchmark.values().length);
    }

    /**
     * The key Go's figures for a JMH benchmark are found under ({@code method@threads}): its Go
     * counterpart's exact mirror, so that a variant is compared with the same Go figure; null for a
     * benchmark that is not Go's.
     */
    private static String goKey(String benchmark, int threads) {
        return Benchmark.of(benchmark).flatMap(Benchmark::goFiguresUnder)
                .map(mirror -> mirror.method() + "@" + threads).orElse(null);
    }

    /**
     * How well two threads scaled in this run: the AtomicInteger baseline's uncontended ns/op (all
     * threads together) at 1 thread over that at 2. On two idle cores each thread has a core and its
     * own counter, so it is about 2; much less means another process took a core, and the 2-thread
     * figures compare nothing. Null when the baseline did not run at both thread counts.
     */
    Double twoThreadScaling() {
        Double one = null;
        Double two = null;
        for (Row row : rows) {
            Double ns = row.benchmark().equals(Benchmark.UNCONTENDED.method())
                    ? row.baselines().get(Baseline.ATOMIC_INTEGER.label()) : null;
            if (ns != null && row.threads() == 1) {
                one = ns;
            } else if (ns != null && row.threads() == 2) {
                two = ns;
            }
        }
        return one == null || two == null ? null : one / two;
    }

    /**
     * Go's figures from go-reference.csv, keyed {@code benchmark@threads}, the benchmark named as the
     * catalogue's exact mirror of the Go benchmark ({@link Benchmark#mirrorOf}).
     */
    static Map<String, Double> goReference() {
        Map<String, Double> reference = new LinkedHashMap<>();
        try (InputStream in = Speed.class.getResourceAsStream("go-reference.csv");
             BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.startsWith("#") || line.startsWith("benchmark") || line.isBlank()) {
                    continue;
                }
                String[] fields = line.split(",");
                reference.put(fields[0] + "@" + fields[1], Double.parseDouble(fields[2]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return reference;
    }

    static String ns(Double value) {
        if (value == null) {
            return "";
        }
        if (value >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (value >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    static String ratio(Double value, Double reference) {
        if (value == null || reference == null || reference == 0) {
            return "";
        }
        return String.format(Locale.ROOT, "%.2f×", value / reference);
    }

    /**
     * A horizontal bar chart of one benchmark: a bar per implementation and thread count, the length
     * proportional to ns/op (shorter is faster), Go's figure as a dashed line where there is one.
     */
    String chart(String benchmark, String params) {
        List<Row> mine = new ArrayList<>();
        for (Row row : rows) {
            if (row.benchmark().equals(benchmark) && row.params().equals(params)) {
                mine.add(row);
            }
        }
        if (mine.isEmpty()) {
            return "";
        }
        List<String> names = new ArrayList<>(implementations);
        names.addAll(baselines);
        double max = 0;
        for (Row row : mine) {
            for (String name : names) {
                Double v = row.nsPerOp().containsKey(name) ? row.nsPerOp().get(name) : row.baselines().get(name);
                if (v != null) {
                    max = Math.max(max, v);
                }
            }
            if (row.go() != null) {
                max = Math.max(max, row.go().nsPerOp());
            }
        }
        int barHeight = 12;
        int labelWidth = 150;
        int plotWidth = 420;
        int rowsDrawn = 0;
        StringBuilder bars = new StringBuilder();
        String[] colours = {"#3b7dd8", "#e39b2d"};
        for (String name : names) {
            boolean any = false;
            for (int t = 0; t < mine.size(); t++) {
                Row row = mine.get(t);
                Double v = row.nsPerOp().containsKey(name) ? row.nsPerOp().get(name) : row.baselines().get(name);
                if (v == null) {
                    continue;
                }
                any = true;
                int y = 20 + rowsDrawn * (barHeight + 3);
                int width = (int) Math.max(1, Math.round(v / max * plotWidth));
                bars.append(String.format(Locale.ROOT,
                        "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"><title>%s, %d thread%s: %s ns/op</title></rect>"
                                + "<text x=\"%d\" y=\"%d\" class=\"v\">%s</text>",
                        labelWidth, y, width, barHeight, colours[Math.min(t, 1)], Html.escape(name), row.threads(),
                        row.threads() == 1 ? "" : "s", ns(v), labelWidth + width + 4, y + barHeight - 2, ns(v)));
                if (t == 0 || !any) {
                    bars.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"l\">%s</text>",
                            labelWidth - 6, y + barHeight - 2, Html.escape(name)));
                }
                rowsDrawn++;
            }
        }
        StringBuilder goLines = new StringBuilder();
        int height = 20 + rowsDrawn * (barHeight + 3) + 18;
        for (int t = 0; t < mine.size(); t++) {
            Row row = mine.get(t);
            if (row.go() == null) {
                continue;
            }
            int x = labelWidth + (int) Math.round(row.go().nsPerOp() / max * plotWidth);
            goLines.append(String.format(Locale.ROOT,
                    "<line x1=\"%d\" y1=\"14\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-dasharray=\"4 3\"/>"
                            + "<text x=\"%d\" y=\"%d\" class=\"g\">Go (this run), %d thread%s</text>",
                    x, x, height - 14, colours[Math.min(t, 1)], x + 3, height - 4, row.threads(),
                    row.threads() == 1 ? "" : "s"));
        }
        StringBuilder legend = new StringBuilder();
        for (int t = 0; t < mine.size(); t++) {
            legend.append(String.format(Locale.ROOT,
                    "<rect x=\"%d\" y=\"2\" width=\"10\" height=\"10\" fill=\"%s\"/><text x=\"%d\" y=\"11\" class=\"v\">%d thread%s</text>",
                    labelWidth + t * 90, colours[Math.min(t, 1)], labelWidth + t * 90 + 14, mine.get(t).threads(),
                    mine.get(t).threads() == 1 ? "" : "s"));
        }
        return String.format(Locale.ROOT, "<svg class=\"chart\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\""
                        + " role=\"img\" aria-label=\"%s, ns per operation, shorter is faster\">%s%s%s</svg>",
                labelWidth + plotWidth + 60, height, labelWidth + plotWidth + 60, height,
                Html.escape(benchmark), legend, bars, goLines);
    }
}
