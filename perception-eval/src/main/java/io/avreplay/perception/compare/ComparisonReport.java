package io.avreplay.perception.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/** Renders comparison rows as JSON, Markdown and HTML and writes them atomically. Stateless. */
public final class ComparisonReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ComparisonReport() {
    }

    /** @return the rows as a JSON document ({@code {"logs": [...], "models": [...]}}) */
    public static String json(List<String> logs, List<Comparison.Row> rows) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode l = root.putArray("logs");
        logs.forEach(l::add);
        root.put("agreement_distance_m", Comparison.AGREEMENT_DISTANCE_M);
        ArrayNode models = root.putArray("models");
        for (Comparison.Row r : rows) {
            ObjectNode m = models.addObject();
            m.put("label", r.label()).put("model", r.model()).put("backend", r.backend())
                    .put("mean_ap", r.meanAp()).put("nd_score", r.ndScore()).put("frames", r.frames())
                    .put("latency_p50_ms", r.p50Ms()).put("latency_p90_ms", r.p90Ms()).put("latency_p99_ms", r.p99Ms())
                    .put("frames_per_second", r.framesPerSecond()).put("peak_heap_bytes", r.peakHeapBytes());
            ObjectNode aps = m.putObject("class_aps");
            r.classAps().forEach(aps::put);
            m.putObject("agreement_with_first").put("reference_detections", r.agreement().referenceDetections())
                    .put("matched", r.agreement().matched()).put("matched_share", r.agreement().matchedShare())
                    .put("max_score_difference", r.agreement().maxScoreDifference());
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String[] header() {
        return new String[] {"model", "backend", "mAP", "NDS", "p50 ms", "p90 ms", "p99 ms", "frames/s",
            "peak heap MiB", "matched with first", "max score diff"};
    }

    private static String[] cells(Comparison.Row r) {
        return new String[] {r.label() + " (" + r.model() + ")", r.backend(), f4(r.meanAp()), f4(r.ndScore()),
            f2(r.p50Ms()), f2(r.p90Ms()), f2(r.p99Ms()), f2(r.framesPerSecond()),
            f2(r.peakHeapBytes() / 1048576.0), f4(r.agreement().matchedShare()),
            f4(r.agreement().maxScoreDifference())};
    }

    /** @return a Markdown page: one table of the rows, then AP per class */
    public static String markdown(List<String> logs, List<Comparison.Row> rows) {
        StringBuilder b = new StringBuilder("# Model comparison\n\nLogs: ").append(String.join(", ", logs))
                .append("\n\nAgreement: share of the first model's detections matched by the same class within ")
                .append(Comparison.AGREEMENT_DISTANCE_M).append(" m (ground plane).\n\n| ")
                .append(String.join(" | ", header())).append(" |\n|");
        b.append("---|".repeat(header().length)).append('\n');
        for (Comparison.Row r : rows) {
            b.append("| ").append(String.join(" | ", cells(r))).append(" |\n");
        }
        b.append("\n## AP per class (nuScenes, mean over distance thresholds)\n\n| class |");
        rows.forEach(r -> b.append(' ').append(r.label()).append(" |"));
        b.append("\n|---|").append("---|".repeat(rows.size())).append('\n');
        for (String c : rows.get(0).classAps().keySet()) {
            b.append("| ").append(c).append(" |");
            rows.forEach(r -> b.append(' ').append(f4(r.classAps().getOrDefault(c, Double.NaN))).append(" |"));
            b.append('\n');
        }
        return b.toString();
    }

    /** @return a self-contained HTML page with the same table as {@link #markdown} */
    public static String html(List<String> logs, List<Comparison.Row> rows) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Model comparison"
                + "</title><style>table{border-collapse:collapse}td,th{border:1px solid #999;padding:2px 6px}</style>"
                + "</head><body><h1>Model comparison</h1><p>Logs: ").append(escape(String.join(", ", logs)))
                .append("</p><table><tr>");
        for (String h : header()) {
            b.append("<th>").append(escape(h)).append("</th>");
        }
        b.append("</tr>");
        for (Comparison.Row r : rows) {
            b.append("<tr>");
            for (String c : cells(r)) {
                b.append("<td>").append(escape(c)).append("</td>");
            }
            b.append("</tr>");
        }
        return b.append("</table></body></html>\n").toString();
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

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
