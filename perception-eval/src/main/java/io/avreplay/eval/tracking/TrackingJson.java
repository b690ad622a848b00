package io.avreplay.eval.tracking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.avreplay.eval.detection.ResultJson;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON form of a {@link TrackingResult}: the devkit's {@code metrics_summary} keys ({@code label_metrics}
 * and one overall value per metric) plus {@code cfg}, {@code metrics_details}, {@code scene_order},
 * {@code counts} and {@code provenance}. NaN is written bare. {@link #read} inverts {@link #write}.
 */
public final class TrackingJson {
    private TrackingJson() {
    }

    /** @return the result as pretty-printed JSON */
    public static String write(TrackingResult r) {
        ObjectNode root = ResultJson.MAPPER.createObjectNode();
        ObjectNode label = root.putObject("label_metrics");
        r.labelMetrics().forEach((m, byClass) -> {
            ObjectNode o = label.putObject(m.key());
            byClass.forEach(o::put);
        });
        r.overall().forEach((m, v) -> root.put(m.key(), v));
        TrackingConfig c = r.config();
        ObjectNode cfg = root.putObject("cfg");
        cfg.put("name", c.name());
        ObjectNode range = cfg.putObject("class_range");
        c.classRangeM().forEach(range::put);
        cfg.put("dist_fcn", "center_distance");
        cfg.put("dist_th_tp", c.distThTpM());
        cfg.put("min_recall", c.minRecall());
        cfg.put("max_boxes_per_sample", c.maxBoxesPerSample());
        ObjectNode worst = cfg.putObject("metric_worst");
        c.metricWorst().forEach((m, v) -> worst.put(m.key(), v));
        cfg.put("num_thresholds", c.numThresholds());
        ObjectNode details = root.putObject("metrics_details");
        r.curves().forEach((cls, cv) -> {
            ObjectNode d = details.putObject(cls);
            cv.confidence().forEach(d.putArray("confidence")::add);
            cv.recallHypo().forEach(d.putArray("recall_hypo")::add);
            cv.values().forEach((m, v) -> v.forEach(d.putArray(m.key())::add));
        });
        r.sceneNames().forEach(root.putArray("scene_order")::add);
        ObjectNode counts = root.putObject("counts");
        counts.put("gt_before", r.counts().gtBefore());
        counts.put("gt_after", r.counts().gtAfter());
        counts.put("pred_before", r.counts().predBefore());
        counts.put("pred_after", r.counts().predAfter());
        root.set("provenance", ResultJson.provenance(r.provenance()));
        return ResultJson.write(root);
    }

    /** @throws io.avreplay.error.BadInputException when the text is not JSON */
    public static TrackingResult read(String json) {
        JsonNode root = ResultJson.read(json);
        Map<TrackingMetric, Map<String, Double>> label = new EnumMap<>(TrackingMetric.class);
        root.get("label_metrics").fields().forEachRemaining(e -> {
            Map<String, Double> byClass = new LinkedHashMap<>();
            e.getValue().fields().forEachRemaining(c -> byClass.put(c.getKey(), ResultJson.number(c.getValue())));
            label.put(TrackingMetric.ofKey(e.getKey()), byClass);
        });
        Map<TrackingMetric, Double> overall = new EnumMap<>(TrackingMetric.class);
        for (TrackingMetric m : TrackingMetric.values()) {
            overall.put(m, ResultJson.number(root.get(m.key())));
        }
        JsonNode c = root.get("cfg");
        Map<String, Double> range = new TreeMap<>();
        c.get("class_range").fields().forEachRemaining(e -> range.put(e.getKey(), e.getValue().doubleValue()));
        Map<TrackingMetric, Double> worst = new EnumMap<>(TrackingMetric.class);
        c.get("metric_worst").fields().forEachRemaining(e -> worst.put(TrackingMetric.ofKey(e.getKey()),
                ResultJson.number(e.getValue())));
        TrackingConfig cfg = new TrackingConfig(c.get("name").asText(), range, c.get("dist_th_tp").doubleValue(),
                c.get("min_recall").doubleValue(), c.get("num_thresholds").intValue(),
                c.get("max_boxes_per_sample").intValue(), worst);
        Map<String, TrackingCurves> curves = new LinkedHashMap<>();
        root.get("metrics_details").fields().forEachRemaining(e -> {
            Map<TrackingMetric, List<Double>> values = new EnumMap<>(TrackingMetric.class);
            e.getValue().fields().forEachRemaining(f -> {
                if (!f.getKey().equals("confidence") && !f.getKey().equals("recall_hypo")) {
                    values.put(TrackingMetric.ofKey(f.getKey()), ResultJson.numbers(f.getValue()));
                }
            });
            curves.put(e.getKey(), new TrackingCurves(ResultJson.numbers(e.getValue().get("confidence")),
                    ResultJson.numbers(e.getValue().get("recall_hypo")), values));
        });
        List<String> scenes = new ArrayList<>();
        root.get("scene_order").forEach(n -> scenes.add(n.asText()));
        JsonNode k = root.get("counts");
        return new TrackingResult(ResultJson.provenance(root.get("provenance")), cfg, label, overall, curves, scenes,
                new TrackingMetricData.Counts(k.get("gt_before").intValue(), k.get("gt_after").intValue(),
                        k.get("pred_before").intValue(), k.get("pred_after").intValue()));
    }
}
