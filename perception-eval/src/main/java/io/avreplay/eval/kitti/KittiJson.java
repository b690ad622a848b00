package io.avreplay.eval.kitti;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.avreplay.eval.detection.ResultJson;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@link KittiResult} as JSON: {@code ap[Class][metric]} (R40, percent, [easy, moderate, hard]),
 * {@code ap_r11}, {@code precision[Class][metric]} (3 x 41), counts and {@code provenance}; reads it back.
 */
public final class KittiJson {
    private KittiJson() {
    }

    /** @return the JSON document */
    public static String write(KittiResult r) {
        ObjectNode root = ResultJson.MAPPER.createObjectNode();
        root.put("units", "percent");
        root.put("recall_points", "R40");
        ObjectNode ap = root.putObject("ap");
        ObjectNode r11 = root.putObject("ap_r11");
        ObjectNode prec = root.putObject("precision");
        r.curves().forEach((c, byMetric) -> {
            ObjectNode a = ap.putObject(c.label());
            ObjectNode b = r11.putObject(c.label());
            ObjectNode p = prec.putObject(c.label());
            byMetric.forEach((m, cv) -> {
                cv.ap().forEach(a.putArray(m.key())::add);
                cv.apR11().forEach(b.putArray(m.key())::add);
                ArrayNode rows = p.putArray(m.key());
                cv.precision().forEach(row -> row.forEach(rows.addArray()::add));
            });
        });
        root.put("frames", r.frames());
        root.put("frames_without_gt", r.framesWithoutGt());
        root.put("frames_without_predictions", r.framesWithoutPredictions());
        root.set("provenance", ResultJson.provenance(r.provenance()));
        return ResultJson.write(root);
    }

    /** @throws io.avreplay.error.BadInputException when the text is not JSON */
    public static KittiResult read(String json) {
        JsonNode root = ResultJson.read(json);
        Map<KittiClass, Map<KittiMetric, KittiResult.Curves>> curves = new EnumMap<>(KittiClass.class);
        for (KittiClass c : KittiClass.values()) {
            JsonNode p = root.path("precision").path(c.label());
            if (p.isMissingNode()) {
                continue;
            }
            Map<KittiMetric, KittiResult.Curves> m = new EnumMap<>(KittiMetric.class);
            for (KittiMetric k : KittiMetric.values()) {
                if (p.has(k.key())) {
                    List<List<Double>> rows = new ArrayList<>();
                    p.get(k.key()).forEach(row -> rows.add(ResultJson.numbers(row)));
                    m.put(k, new KittiResult.Curves(rows,
                            ResultJson.numbers(root.path("ap").path(c.label()).path(k.key())),
                            ResultJson.numbers(root.path("ap_r11").path(c.label()).path(k.key()))));
                }
            }
            curves.put(c, m);
        }
        return new KittiResult(ResultJson.provenance(root.path("provenance")), curves, root.path("frames").asInt(),
                root.path("frames_without_gt").asInt(), root.path("frames_without_predictions").asInt());
    }
}
