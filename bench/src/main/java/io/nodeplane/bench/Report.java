package io.nodeplane.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * What one scenario run measured. While it runs: a progress line every 5 s and, for each latency
 * {@link Series}, one point per second (count, p50, p99, max). At the end: the summary lines on standard
 * output, and {@code <results>/<scenario>-<timestamp>.json} (flags, figures, histograms, the per-second
 * series) plus {@code .html} (the series as latency-over-time charts, for a person to look at).
 * {@code --results DIR} overrides the directory ({@code bench/results} from the repository root).
 */
final class Report {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final String scenario;
    private final Bench.Options options;
    private final Instant started = Instant.now();
    private final long startNanos = System.nanoTime();
    private final Map<String, Series> series = new LinkedHashMap<>();
    private final ObjectNode figures = Target.JSON.createObjectNode();
    private final ObjectNode histograms = Target.JSON.createObjectNode();
    private final List<String> lines = new ArrayList<>();
    private final List<Object[]> phases = new ArrayList<>();
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "report");
        t.setDaemon(true);
        return t;
    });
    private volatile String phase = "setup";

    Report(String scenario, Bench.Options options) {
        this.scenario = scenario;
        this.options = options;
    }

    /** Latency over time, recorded in microseconds, bucketed by the second of the run it happened in. */
    final class Series {
        private final Map<Long, Histogram> seconds = new ConcurrentSkipListMap<>();

        /** A latency observed now. */
        void record(long micros) {
            recordAt(System.nanoTime(), micros);
        }

        /** A latency of something that happened at {@code nanoTime} ({@link System#nanoTime()}). */
        void recordAt(long nanoTime, long micros) {
            Histogram h = seconds.computeIfAbsent(Math.max(0, (nanoTime - startNanos) / 1_000_000_000L),
                    k -> new org.HdrHistogram.ConcurrentHistogram(3));
            h.recordValue(Math.max(0, micros));
        }

        /** Per second: {second, count, p50 ms, p99 ms, max ms}. */
        private List<double[]> points() {
            List<double[]> points = new ArrayList<>();
            seconds.forEach((t, h) -> points.add(new double[] {t, h.getTotalCount(), h.getValueAtPercentile(50) / 1000.0,
                    h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0}));
            return points;
        }
    }

    Series series(String name) {
        return series.computeIfAbsent(name, n -> new Series());
    }

    /** Names the part of the run that follows (e.g. warm-up, measured); shown in progress lines and the chart. */
    void phase(String name) {
        phase = name;
        phases.add(new Object[] {seconds(), name});
    }

    /** Prints {@code progress} every 5 s until the run finishes. */
    void progress(Supplier<String> progress) {
        clock.scheduleAtFixedRate(() -> System.out.printf("  %4.0f s [%s] %s%n", seconds(), phase, progress.get()),
                5, 5, TimeUnit.SECONDS);
    }

    /** A summary line, printed and kept. */
    void line(String text) {
        System.out.println(text);
        lines.add(text);
    }

    /** A named figure (throughput, counts, CPU), kept in the results. */
    void figure(String name, double value) {
        figures.put(name, value);
    }

    /** A latency histogram (microseconds): its summary line is printed and its percentiles kept. */
    void histogram(String label, Histogram h) {
        line(Bench.summary(label, h));
        histograms.set(label, Target.JSON.createObjectNode().put("count", h.getTotalCount())
                .put("p50Ms", h.getValueAtPercentile(50) / 1000.0).put("p95Ms", h.getValueAtPercentile(95) / 1000.0)
                .put("p99Ms", h.getValueAtPercentile(99) / 1000.0).put("maxMs", h.getMaxValue() / 1000.0));
    }

    private double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Writes the JSON and HTML results; answers the JSON file. */
    Path finish() throws IOException {
        clock.shutdownNow();
        Path dir = Path.of(options.get("results", Files.isDirectory(Path.of("bench", "src")) ? "bench/results" : "results"));
        Files.createDirectories(dir);
        String name = scenario + "-" + STAMP.format(started);
        ObjectNode json = Target.JSON.createObjectNode().put("scenario", scenario).put("startedAt", started.toString())
                .put("durationSeconds", Math.round(seconds()))
                .put("machine", Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name")
                        + " " + System.getProperty("os.arch") + ", Java " + System.getProperty("java.version"));
        ObjectNode flags = json.putObject("flags");
        options.flags().forEach((k, v) -> flags.put(k, k.contains("password") || k.contains("token") ? "***" : v));
        json.set("figures", figures);
        json.set("histograms", histograms);
        ArrayNode summary = json.putArray("summary");
        lines.forEach(summary::add);
        ArrayNode phaseList = json.putArray("phases");
        phases.forEach(p -> phaseList.addObject().put("atSecond", (double) p[0]).put("name", (String) p[1]));
        ObjectNode timelines = json.putObject("series");
        series.forEach((label, s) -> {
            ArrayNode points = timelines.putArray(label);
            for (double[] p : s.points()) {
                points.addObject().put("second", p[0]).put("count", (long) p[1]).put("p50Ms", p[2])
                        .put("p99Ms", p[3]).put("maxMs", p[4]);
            }
        });
        Path file = dir.resolve(name + ".json");
        Target.JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), json);
        Files.writeString(dir.resolve(name + ".html"), html(name));
        System.out.println("results: " + file + " and " + dir.resolve(name + ".html"));
        return file;
    }

    private String html(String title) {
        StringBuilder page = new StringBuilder("<!doctype html><meta charset=utf-8><title>").append(title)
                .append("</title><style>body{font:14px sans-serif;margin:2em}pre{background:#f4f4f4;padding:1em}"
                        + "svg{border:1px solid #ccc;margin:1em 0}</style><h1>").append(title).append("</h1><pre>");
        lines.forEach(l -> page.append(escape(l)).append('\n'));
        page.append("</pre>");
        series.forEach((label, s) -> {
            page.append("<h2>").append(escape(label)).append(" — latency over time</h2>").append(chart(s.points()));
        });
        return page.toString();
    }

    /** p50 (blue), p99 (red) and max (grey) per second, phases as vertical lines. */
    private String chart(List<double[]> points) {
        int w = 900;
        int h = 300;
        int left = 60;
        int bottom = 30;
        if (points.isEmpty()) {
            return "<p>no samples</p>";
        }
        double tMax = Math.max(1, points.get(points.size() - 1)[0]);
        double yMax = 1;
        for (double[] p : points) {
            yMax = Math.max(yMax, p[3] * 1.2); // scaled to p99: a single max spike does not flatten the chart
        }
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg width=%d height=%d xmlns='http://www.w3.org/2000/svg'>", w, h));
        for (int i = 0; i <= 4; i++) {
            double v = yMax * i / 4;
            double y = h - bottom - (h - bottom - 10) * i / 4.0;
            svg.append(String.format(Locale.ROOT, "<line x1=%d x2=%d y1=%.1f y2=%.1f stroke='#eee'/>"
                    + "<text x=5 y=%.1f font-size=11>%.1f ms</text>", left, w, y, y, y + 4, v));
        }
        for (Object[] phase : phases) {
            double x = left + (w - left - 10) * Math.min(1, (double) phase[0] / tMax);
            svg.append(String.format(Locale.ROOT, "<line x1=%.1f x2=%.1f y1=10 y2=%d stroke='#999' stroke-dasharray='4'/>"
                    + "<text x=%.1f y=22 font-size=11>%s</text>", x, x, h - bottom, x + 3, escape((String) phase[1])));
        }
        String[] colors = {null, null, "#1f77b4", "#d62728", "#aaa"};
        for (int k = 4; k >= 2; k--) {
            StringBuilder line = new StringBuilder();
            for (double[] p : points) {
                double x = left + (w - left - 10) * p[0] / tMax;
                double y = h - bottom - (h - bottom - 10) * Math.min(1, p[k] / yMax);
                line.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            }
            svg.append("<polyline fill=none stroke='").append(colors[k]).append("' points='").append(line).append("'/>");
        }
        svg.append(String.format(Locale.ROOT, "<text x=%d y=%d font-size=11>0 s</text><text x=%d y=%d font-size=11>%.0f s"
                        + "</text><text x=%d y=%d font-size=11 fill='#1f77b4'>p50</text><text x=%d y=%d font-size=11 "
                        + "fill='#d62728'>p99</text><text x=%d y=%d font-size=11 fill='#888'>max</text></svg>",
                left, h - 10, w - 50, h - 10, tMax, left + 60, h - 10, left + 100, h - 10, left + 140, h - 10));
        return svg.toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
