package io.avreplay.eval.av2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.avreplay.eval.detection.ResultJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON form of an {@link Av2Result}: {@code metrics} as in the golden files (each category's
 * {@code AP, ATE, ASE, AOE, CDS} and {@code AVERAGE_METRICS}), plus {@code threshold_aps}, {@code cfg},
 * {@code counts} and {@code provenance}. {@link #read} inverts {@link #write}.
 */
public final class Av2Json {
    private static final String AVERAGE = "AVERAGE_METRICS";

    private Av2Json() {
    }

    /** @return the result as pretty-printed JSON */
    public static String write(Av2Result r) {
        ObjectNode root = ResultJson.MAPPER.createObjectNode();
        ObjectNode metrics = root.putObject("metrics");
        r.categories().forEach((c, s) -> row(metrics.putObject(c), s));
        row(metrics.putObject(AVERAGE), r.average());
        ObjectNode aps = root.putObject("threshold_aps");
        r.thresholdAps().forEach((c, v) -> v.forEach(aps.putArray(c)::add));
        Av2Config c = r.config();
        ObjectNode cfg = root.putObject("cfg");
        cfg.put("name", c.name());
        c.categories().forEach(cfg.putArray("categories")::add);
        c.affinityThresholdsM().forEach(cfg.putArray("affinity_thresholds_m")::add);
        cfg.put("tp_threshold_m", c.tpThresholdM());
        cfg.put("max_range_m", c.maxRangeM());
        cfg.put("max_num_dts_per_category", c.maxDetectionsPerCategory());
        cfg.put("num_recall_samples", c.numRecallSamples());
        cfg.put("eval_only_roi_instances", false);
        var k = r.counts();
        ObjectNode counts = root.putObject("counts");
        counts.put("sweeps", k.sweeps());
        counts.put("annotations", k.annotations());
        counts.put("evaluated_annotations", k.evaluatedAnnotations());
        counts.put("detections", k.detections());
        counts.put("evaluated_detections", k.evaluatedDetections());
        root.set("provenance", ResultJson.provenance(r.provenance()));
        return ResultJson.write(root);
    }

    private static void row(ObjectNode o, Av2Scores s) {
        Av2Scores.COLUMNS.forEach(col -> o.put(col, s.get(col)));
    }

    private static Av2Scores row(JsonNode o) {
        return new Av2Scores(ResultJson.number(o.get("AP")), ResultJson.number(o.get("ATE")),
                ResultJson.number(o.get("ASE")), ResultJson.number(o.get("AOE")), ResultJson.number(o.get("CDS")));
    }

    /** @throws io.avreplay.error.BadInputException when the text is not JSON */
    public static Av2Result read(String json) {
        JsonNode root = ResultJson.read(json);
        Map<String, Av2Scores> rows = new LinkedHashMap<>();
        root.get("metrics").fields().forEachRemaining(e -> {
            if (!e.getKey().equals(AVERAGE)) {
                rows.put(e.getKey(), row(e.getValue()));
            }
        });
        Map<String, List<Double>> aps = new LinkedHashMap<>();
        root.get("threshold_aps").fields().forEachRemaining(e -> aps.put(e.getKey(), ResultJson.numbers(e.getValue())));
        JsonNode c = root.get("cfg");
        List<String> cats = new ArrayList<>();
        c.get("categories").forEach(n -> cats.add(n.asText()));
        Av2Config cfg = new Av2Config(c.get("name").asText(), cats, ResultJson.numbers(c.get("affinity_thresholds_m")),
                c.get("tp_threshold_m").doubleValue(), c.get("max_range_m").doubleValue(),
                c.get("max_num_dts_per_category").intValue(), c.get("num_recall_samples").intValue());
        JsonNode k = root.get("counts");
        return new Av2Result(ResultJson.provenance(root.get("provenance")), cfg, rows, row(root.get("metrics").get(AVERAGE)),
                aps, new Av2MetricData.Counts(k.get("sweeps").intValue(), k.get("annotations").intValue(),
                        k.get("evaluated_annotations").intValue(), k.get("detections").intValue(),
                        k.get("evaluated_detections").intValue()));
    }
}
