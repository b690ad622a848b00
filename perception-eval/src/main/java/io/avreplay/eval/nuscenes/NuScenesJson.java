package io.avreplay.eval.nuscenes;

import static io.avreplay.eval.detection.ResultJson.number;
import static io.avreplay.eval.detection.ResultJson.numbers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.avreplay.eval.detection.ResultJson;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@link NuScenesResult} as JSON with the devkit's keys: the top-level object holds exactly
 * the keys of {@code metrics_summary.json} ({@code mean_ap}, {@code nd_score}, {@code tp_errors},
 * {@code label_aps}, ...), plus {@code metrics_details} (as in {@code metrics_details.json}),
 * {@code provenance} and {@code counts}; and reads it back.
 */
public final class NuScenesJson {
    private NuScenesJson() {
    }

    /** @return the JSON document */
    public static String write(NuScenesResult r) {
        return ResultJson.write(toTree(r));
    }

    static ObjectNode toTree(NuScenesResult r) {
        ObjectNode root = ResultJson.MAPPER.createObjectNode();
        ObjectNode s = root;
        ObjectNode aps = s.putObject("label_aps");
        r.labelAps().forEach((c, m) -> {
            ObjectNode o = aps.putObject(c);
            m.forEach((th, v) -> o.put(String.valueOf(th), v));
        });
        ObjectNode mda = s.putObject("mean_dist_aps");
        r.meanDistAps().forEach(mda::put);
        s.put("mean_ap", r.meanAp());
        ObjectNode lte = s.putObject("label_tp_errors");
        r.labelTpErrors().forEach((c, m) -> metrics(lte.putObject(c), m));
        metrics(s.putObject("tp_errors"), r.tpErrors());
        metrics(s.putObject("tp_scores"), r.tpScores());
        s.put("nd_score", r.ndScore());
        s.put("eval_time", r.evalTimeSeconds());
        s.set("cfg", r.config().toTree());
        ObjectNode d = root.putObject("metrics_details");
        r.curves().forEach((k, c) -> {
            ObjectNode o = d.putObject(k);
            array(o.putArray("recall"), c.recall());
            array(o.putArray("precision"), c.precision());
            array(o.putArray("confidence"), c.confidence());
            for (TpMetric m : List.of(TpMetric.TRANS_ERR, TpMetric.VEL_ERR, TpMetric.SCALE_ERR, TpMetric.ORIENT_ERR,
                    TpMetric.ATTR_ERR)) {
                array(o.putArray(m.key()), c.errors().get(m));
            }
        });
        root.set("provenance", ResultJson.provenance(r.provenance()));
        ObjectNode counts = root.putObject("counts");
        var fc = r.counts();
        counts.put("gt_before_filter", fc.gtBefore());
        counts.put("gt_after_filter", fc.gtAfter());
        counts.put("pred_before_filter", fc.predBefore());
        counts.put("pred_after_filter", fc.predAfter());
        counts.put("samples", fc.samples());
        counts.put("preds_in_samples_without_gt", fc.predsWithoutGtSample());
        counts.put("samples_without_gt", fc.samplesWithoutGt());
        return root;
    }

    private static void metrics(ObjectNode o, Map<TpMetric, Double> m) {
        m.forEach((k, v) -> o.put(k.key(), v));
    }

    private static void array(ArrayNode a, List<Double> values) {
        values.forEach(a::add);
    }

    /**
     * Reads a document written by {@link #write}.
     *
     * @throws io.avreplay.error.BadInputException when it is not JSON
     */
    public static NuScenesResult read(String json) {
        JsonNode root = ResultJson.read(json);
        JsonNode s = root;
        NuScenesConfig cfg = NuScenesConfig.fromTree(root.path("provenance").path("config").asText(), s.path("cfg"));
        Map<String, Map<Double, Double>> labelAps = new LinkedHashMap<>();
        s.path("label_aps").fields().forEachRemaining(e -> {
            Map<Double, Double> m = new LinkedHashMap<>();
            e.getValue().fields().forEachRemaining(t -> m.put(Double.parseDouble(t.getKey()), number(t.getValue())));
            labelAps.put(e.getKey(), m);
        });
        Map<String, Double> mda = new LinkedHashMap<>();
        s.path("mean_dist_aps").fields().forEachRemaining(e -> mda.put(e.getKey(), number(e.getValue())));
        Map<String, Map<TpMetric, Double>> lte = new LinkedHashMap<>();
        s.path("label_tp_errors").fields().forEachRemaining(e -> lte.put(e.getKey(), metrics(e.getValue())));
        Map<String, DetectionCurve> curves = new LinkedHashMap<>();
        root.path("metrics_details").fields().forEachRemaining(e -> {
            JsonNode c = e.getValue();
            Map<TpMetric, List<Double>> errs = new EnumMap<>(TpMetric.class);
            for (TpMetric m : TpMetric.values()) {
                errs.put(m, numbers(c.path(m.key())));
            }
            curves.put(e.getKey(), new DetectionCurve(numbers(c.path("recall")), numbers(c.path("precision")),
                    numbers(c.path("confidence")), errs));
        });
        JsonNode n = root.path("counts");
        var counts = new NuScenesMetricData.FilterCounts(n.path("gt_before_filter").asInt(),
                n.path("gt_after_filter").asInt(), n.path("pred_before_filter").asInt(),
                n.path("pred_after_filter").asInt(), n.path("samples").asInt(),
                n.path("preds_in_samples_without_gt").asInt(), n.path("samples_without_gt").asInt());
        return new NuScenesResult(ResultJson.provenance(root.path("provenance")), cfg, labelAps, mda,
                number(s.path("mean_ap")), lte, metrics(s.path("tp_errors")), metrics(s.path("tp_scores")),
                number(s.path("nd_score")), number(s.path("eval_time")), curves, counts);
    }

    private static Map<TpMetric, Double> metrics(JsonNode o) {
        Map<TpMetric, Double> m = new EnumMap<>(TpMetric.class);
        for (TpMetric t : TpMetric.values()) {
            m.put(t, number(o.path(t.key())));
        }
        return m;
    }
}
