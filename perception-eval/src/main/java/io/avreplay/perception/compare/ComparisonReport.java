package io.avreplay.perception.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.avreplay.perception.api.ModelTask;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Renders comparison rows as JSON, Markdown and HTML and writes them atomically: one section per task
 * (lidar, camera) with the task's metrics, latency, throughput, memory and agreement, then AP per class.
 * Stateless.
 */
public final class ComparisonReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ComparisonReport() {
    }

    /** @return the rows as a JSON document ({@code {"logs": [...], "models": [...]}}), NaN as {@code null} */
    public static String json(List<String> logs, List<Comparison.Row> rows) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode l = root.putArray("logs");
        logs.forEach(l::add);
        root.put("agreement_distance_m", Comparison.AGREEMENT_DISTANCE_M);
        root.put("agreement_iou", Comparison.AGREEMENT_IOU);
        ArrayNode models = root.putArray("models");
        for (Comparison.Row r : rows) {
            ObjectNode m = models.addObject();
            m.put("label", r.label()).put("model", r.model()).put("backend", r.backend())
                    .put("task", r.task().name());
            r.metrics().forEach((k, v) -> number(m, k.key(), v));
            m.put("frames", r.frames());
            number(m, "latency_p50_ms", r.p50Ms());
            number(m, "latency_p90_ms", r.p90Ms());
            number(m, "latency_p99_ms", r.p99Ms());
            number(m, "frames_per_second", r.framesPerSecond());
            m.put("peak_heap_bytes", r.peakHeapBytes()).put("peak_rss_bytes", r.peakRssBytes());
            ObjectNode aps = m.putObject("class_aps");
            r.classAps().forEach((k, v) -> number(aps, k, v));
            ObjectNode a = m.putObject("agreement_with_first");
            a.put("reference_detections", r.agreement().referenceDetections()).put("matched", r.agreement().matched());
            number(a, "matched_share", r.agreement().matchedShare());
            number(a, "max_score_difference", r.agreement().maxScoreDifference());
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void number(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }

    private static List<Comparison.Row> ofTask(List<Comparison.Row> rows, ModelTask task) {
        return rows.stream().filter(r -> r.task() == task).toList();
    }

    private static String title(ModelTask task) {
        return task == ModelTask.LIDAR_3D ? "Lidar models (nuScenes detection, camera off)"
                : "Camera models (COCO bbox, lidar off)";
    }

    private static String agreementRule(ModelTask task) {
        return task == ModelTask.LIDAR_3D
                ? "share of the first lidar model's detections matched by the same class within "
                        + Comparison.AGREEMENT_DISTANCE_M + " m (ground plane)"
                : "share of the first camera model's detections matched by the same class and camera at IoU >= "
                        + Comparison.AGREEMENT_IOU;
    }

    private static List<String> header(ModelTask task) {
        List<String> h = new ArrayList<>(List.of("model", "backend"));
        Comparison.Metric.of(task).forEach(m -> h.add(m.label()));
        h.addAll(List.of(task == ModelTask.LIDAR_3D ? "sweeps" : "frames", "p50 ms", "p90 ms", "p99 ms",
                "frames/s (× first)", "peak heap MiB", "peak RSS MiB", "matched with first", "max score diff"));
        return h;
    }

    /** @param first the first row of the same task: the reference for agreement and the speed ratio */
    private static List<String> cells(Comparison.Row r, Comparison.Row first) {
        String name = r.label().equals(r.model()) || r.label().startsWith(r.model() + "@") ? r.label()
                : r.label() + " (" + r.model() + ")";
        List<String> c = new ArrayList<>(List.of(name, r.backend()));
        Comparison.Metric.of(r.task()).forEach(m -> c.add(f4(r.metric(m))));
        boolean reference = r == first;
        c.addAll(List.of(Integer.toString(r.frames()), f2(r.p50Ms()), f2(r.p90Ms()), f2(r.p99Ms()),
                f2(r.framesPerSecond()) + (reference ? "" : " (" + f2(r.framesPerSecond() / first.framesPerSecond())
                        + "×)"),
                f1(r.peakHeapBytes() / 1048576.0),
                r.peakRssBytes() < 0 ? "n/a" : f1(r.peakRssBytes() / 1048576.0),
                reference ? "reference" : f4(r.agreement().matchedShare()) + " (" + r.agreement().matched() + " of "
                        + r.agreement().referenceDetections() + ")",
                reference ? "" : small(r.agreement().maxScoreDifference())));
        return c;
    }

    private static String apTitle(ModelTask task) {
        return task == ModelTask.LIDAR_3D ? "AP per class (nuScenes, mean over distance thresholds)"
                : "AP per class (COCO, IoU .50:.95; n/a: no ground truth)";
    }

    private static TreeSet<String> classes(List<Comparison.Row> rows) {
        TreeSet<String> c = new TreeSet<>();
        rows.forEach(r -> c.addAll(r.classAps().keySet()));
        return c;
    }

    /** @return a Markdown page: per task, one table of the rows, then AP per class */
    public static String markdown(List<String> logs, List<Comparison.Row> rows) {
        StringBuilder b = new StringBuilder("# Model comparison\n\nLogs: ").append(String.join(", ", logs))
                .append("\n");
        for (ModelTask task : ModelTask.values()) {
            List<Comparison.Row> rs = ofTask(rows, task);
            if (rs.isEmpty()) {
                continue;
            }
            List<String> h = header(task);
            b.append("\n## ").append(title(task)).append("\n\nAgreement: ").append(agreementRule(task))
                    .append(". Latency: detector time per frame. Peak RSS: the whole process, so it includes what "
                            + "the models before left resident.\n\n| ").append(String.join(" | ", h)).append(" |\n|")
                    .append("---|".repeat(h.size())).append('\n');
            for (Comparison.Row r : rs) {
                b.append("| ").append(String.join(" | ", cells(r, rs.get(0)))).append(" |\n");
            }
            b.append("\n### ").append(apTitle(task)).append("\n\n| class |");
            rs.forEach(r -> b.append(' ').append(r.label()).append(" |"));
            b.append("\n|---|").append("---|".repeat(rs.size())).append('\n');
            for (String c : classes(rs)) {
                b.append("| ").append(c).append(" |");
                rs.forEach(r -> b.append(' ').append(f4(r.classAps().getOrDefault(c, Double.NaN))).append(" |"));
                b.append('\n');
            }
        }
        return b.toString();
    }

    /** @return a self-contained HTML page with the same tables as {@link #markdown} */
    public static String html(List<String> logs, List<Comparison.Row> rows) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Model comparison</title><style>"
                + "body{font-family:system-ui,sans-serif;margin:24px;color:#222}"
                + "h1{font-size:22px}h2{font-size:18px;margin-top:28px}h3{font-size:15px}"
                + "p{color:#444;max-width:70em}"
                + "table{border-collapse:collapse;margin:8px 0;font-size:13px}"
                + "th,td{border:1px solid #bbb;padding:4px 8px}td{white-space:nowrap}"
                + "th{background:#eef1f5;text-align:center;vertical-align:bottom;max-width:7em}"
                + "td{text-align:right;font-variant-numeric:tabular-nums}table.ap th{white-space:nowrap;max-width:none}"
                + "td:first-child,td.text{text-align:left}tr:nth-child(even) td{background:#fafafa}"
                + "</style></head><body><h1>Model comparison</h1><p>Logs: ").append(escape(String.join(", ", logs)))
                .append("</p>");
        for (ModelTask task : ModelTask.values()) {
            List<Comparison.Row> rs = ofTask(rows, task);
            if (rs.isEmpty()) {
                continue;
            }
            b.append("<h2>").append(escape(title(task))).append("</h2><p>Agreement: ")
                    .append(escape(agreementRule(task))).append(". Latency: detector time per frame. Peak RSS: the "
                            + "whole process, so it includes what the models before left resident.</p><table><tr>");
            header(task).forEach(h -> b.append("<th>").append(escape(h)).append("</th>"));
            b.append("</tr>");
            for (Comparison.Row r : rs) {
                b.append("<tr>");
                List<String> cs = cells(r, rs.get(0));
                for (int i = 0; i < cs.size(); i++) {
                    b.append(i == 1 ? "<td class=\"text\">" : "<td>").append(escape(cs.get(i))).append("</td>");
                }
                b.append("</tr>");
            }
            b.append("</table><h3>").append(escape(apTitle(task))).append("</h3><table class=\"ap\"><tr><th>class</th>");
            rs.forEach(r -> b.append("<th>").append(escape(r.label())).append("</th>"));
            b.append("</tr>");
            for (String c : classes(rs)) {
                b.append("<tr><td>").append(escape(c)).append("</td>");
                rs.forEach(r -> b.append("<td>").append(f4(r.classAps().getOrDefault(c, Double.NaN))).append("</td>"));
                b.append("</tr>");
            }
            b.append("</table>");
        }
        return b.append("</body></html>\n").toString();
    }

    /** Writes {@code compare.json}, {@code compare.md} and {@code compare.html} into {@code dir}. */
    public static void write(Path dir, List<String> logs, List<Comparison.Row> rows) {
        write(dir.resolve("compare.json"), json(logs, rows));
        write(dir.resolve("compare.md"), markdown(logs, rows));
        write(dir.resolve("compare.html"), html(logs, rows));
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
            Files.writeString(tmp, text);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String f4(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static String f2(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f", v);
    }

    /** Scores differ by float noise between exact backends: show it rather than 0.0000. */
    private static String small(double v) {
        return v == 0 ? "0" : Math.abs(v) < 1e-3 ? String.format(Locale.ROOT, "%.1e", v) : f4(v);
    }

    private static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
