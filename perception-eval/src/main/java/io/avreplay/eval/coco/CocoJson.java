package io.avreplay.eval.coco;

import static io.avreplay.eval.detection.ResultJson.number;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.avreplay.eval.detection.ResultJson;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders a {@link CocoResult} as JSON: the 12 statistics by name at the top level ({@code AP},
 * {@code AP50}, ..., {@code ARl}), {@code stats_list} (the same in COCOeval order), {@code per_category} (id to name, AP, AP50, AP75, AR),
 * {@code provenance}; and reads it back.
 */
public final class CocoJson {
    private CocoJson() {
    }

    /** @return the JSON document */
    public static String write(CocoResult r) {
        ObjectNode root = ResultJson.MAPPER.createObjectNode();
        ObjectNode s = root;
        var list = root.putArray("stats_list");
        r.stats().forEach((k, v) -> {
            s.put(k.name(), v);
            list.add(v);
        });
        ObjectNode pc = root.putObject("per_category");
        r.perCategory().forEach((id, a) -> {
            ObjectNode o = pc.putObject(String.valueOf(id));
            o.put("name", a.name());
            o.put("AP", a.ap());
            o.put("AP50", a.ap50());
            o.put("AP75", a.ap75());
            o.put("AR", a.ar100());
        });
        root.put("images", r.images());
        root.put("detections", r.detections());
        root.set("provenance", ResultJson.provenance(r.provenance()));
        return ResultJson.write(root);
    }

    /** @throws io.avreplay.error.BadInputException when the text is not JSON */
    public static CocoResult read(String json) {
        JsonNode root = ResultJson.read(json);
        Map<CocoStat, Double> stats = new EnumMap<>(CocoStat.class);
        for (CocoStat s : CocoStat.values()) {
            stats.put(s, number(root.path(s.name())));
        }
        Map<Long, CocoResult.CategoryAp> pc = new LinkedHashMap<>();
        root.path("per_category").fields().forEachRemaining(e -> {
            JsonNode o = e.getValue();
            pc.put(Long.parseLong(e.getKey()), new CocoResult.CategoryAp(o.path("name").asText(),
                    number(o.path("AP")), number(o.path("AP50")), number(o.path("AP75")), number(o.path("AR"))));
        });
        return new CocoResult(ResultJson.provenance(root.path("provenance")), stats, pc, root.path("images").asInt(),
                root.path("detections").asInt());
    }
}
