package io.avreplay.eval.tracking;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.avreplay.error.BadInputException;
import io.avreplay.eval.detection.ResultJson;
import io.avreplay.eval.nuscenes.NuScenesGroundTruth.BikeRack;
import io.avreplay.eval.nuscenes.NuScenesGroundTruth.EgoPosition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the tracking ground truth ({@code scenes}, {@code ego_poses}, {@code bike_racks}, {@code results})
 * and the devkit's tracking submission ({@code {"meta": ..., "results": {sample_token: [box]}}}, or a list of
 * boxes). Numeric tracking ids stay distinct from string ids, as in Python. Errors are
 * {@link BadInputException}s naming the file and the record. Stateless.
 */
final class TrackingJsonReader {
    private static final String NUMERIC_ID = "\u0000num:";

    private TrackingJsonReader() {
    }

    static TrackingGroundTruth readGroundTruth(Path file) {
        JsonNode root = parse(file);
        JsonNode scenesNode = root.path("scenes");
        if (!scenesNode.isArray() || scenesNode.isEmpty()) {
            throw new BadInputException(file + ": needs \"scenes\": [{\"token\", \"name\", \"samples\": [{\"token\", "
                    + "\"timestamp\"}]}]");
        }
        List<TrackingScene> scenes = new ArrayList<>();
        for (JsonNode s : scenesNode) {
            List<TrackingScene.Sample> samples = new ArrayList<>();
            for (JsonNode smp : s.path("samples")) {
                samples.add(new TrackingScene.Sample(text(file, smp, "token", "scene sample"),
                        smp.path("timestamp").asLong()));
            }
            try {
                scenes.add(new TrackingScene(text(file, s, "token", "scene"), text(file, s, "name", "scene"), samples));
            } catch (IllegalArgumentException e) {
                throw new BadInputException(file + ": " + e.getMessage(), e);
            }
        }
        Map<String, EgoPosition> poses = new LinkedHashMap<>();
        root.path("ego_poses").fields().forEachRemaining(e -> {
            JsonNode p = e.getValue().isObject() ? e.getValue().path("translation") : e.getValue();
            double[] v = new double[3];
            for (int i = 0; i < Math.min(3, p.size()); i++) {
                v[i] = p.get(i).asDouble();
            }
            poses.put(e.getKey(), new EgoPosition(v[0], v[1], v[2]));
        });
        Map<String, List<BikeRack>> racks = new LinkedHashMap<>();
        root.path("bike_racks").fields().forEachRemaining(e -> {
            List<BikeRack> list = new ArrayList<>();
            int j = 0;
            for (JsonNode r : e.getValue()) {
                list.add(rack(file, r, "bike rack " + j++ + " of sample " + e.getKey()));
            }
            racks.put(e.getKey(), list);
        });
        List<TrackingBox> boxes = new ArrayList<>();
        readBoxes(file, root.path("results"), true, boxes);
        return new TrackingGroundTruth(scenes, boxes, poses, racks);
    }

    static List<TrackingBox> readPredictions(Path file, int maxBoxesPerSample) {
        JsonNode root = parse(file);
        if (!root.isObject() || !root.has("results")) {
            throw new BadInputException(file + ": needs {\"results\": ..., \"meta\": ...}");
        }
        List<TrackingBox> boxes = new ArrayList<>();
        readBoxes(file, root.get("results"), false, boxes);
        Map<String, Integer> perSample = new LinkedHashMap<>();
        for (TrackingBox b : boxes) {
            if (perSample.merge(b.sampleToken(), 1, Integer::sum) > maxBoxesPerSample) {
                throw new BadInputException(file + ": sample " + b.sampleToken() + " has more than " + maxBoxesPerSample
                        + " predicted boxes");
            }
        }
        return boxes;
    }

    private static void readBoxes(Path file, JsonNode results, boolean gt, List<TrackingBox> out) {
        if (results.isArray()) {
            int i = 0;
            for (JsonNode b : results) {
                out.add(box(file, b, text(file, b, "sample_token", "results[" + i + "]"), gt, "results[" + i++ + "]"));
            }
        } else if (results.isObject()) {
            results.fields().forEachRemaining(e -> {
                int i = 0;
                for (JsonNode b : e.getValue()) {
                    out.add(box(file, b, e.getKey(), gt, "results." + e.getKey() + "[" + i++ + "]"));
                }
            });
        } else if (!results.isMissingNode()) {
            throw new BadInputException(file + ": \"results\" must be a list of boxes or a {sample_token: [boxes]} object");
        }
    }

    private static TrackingBox box(Path file, JsonNode b, String sample, boolean gt, String where) {
        JsonNode t = b.path("translation");
        if (!t.isArray() || t.size() != 3) {
            throw new BadInputException(file + ": " + where + ".translation: expected 3 numbers, got " + t);
        }
        JsonNode idNode = b.path("tracking_id");
        if (idNode.isMissingNode() || idNode.isNull()) {
            throw new BadInputException(file + ": " + where + ": missing field tracking_id");
        }
        String id = idNode.isNumber() && !gt ? NUMERIC_ID + idNode.asText() : idNode.asText();
        String name = text(file, b, "tracking_name", where);
        double score = -1.0;
        if (!gt) {
            JsonNode s = b.path("tracking_score");
            if (!s.isNumber()) {
                throw new BadInputException(file + ": " + where + ".tracking_score: expected a number, got " + s);
            }
            score = s.asDouble();
        }
        int numPts = b.has("num_pts") ? b.get("num_pts").asInt() : -1;
        try {
            return new TrackingBox(sample, t.get(0).asDouble(), t.get(1).asDouble(), t.get(2).asDouble(), id, name,
                    score, numPts);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(file + ": " + where + ": " + e.getMessage(), e);
        }
    }

    private static BikeRack rack(Path file, JsonNode r, String where) {
        JsonNode t = r.path("translation");
        JsonNode s = r.path("size");
        if (t.size() != 3 || s.size() != 3) {
            throw new BadInputException(file + ": " + where + ": needs translation [3] and size [3]");
        }
        try {
            JsonNode q = r.path("rotation");
            if (q.isArray() && q.size() == 4) {
                return new BikeRack(t.get(0).asDouble(), t.get(1).asDouble(), t.get(2).asDouble(), s.get(0).asDouble(),
                        s.get(1).asDouble(), s.get(2).asDouble(), q.get(0).asDouble(), q.get(1).asDouble(),
                        q.get(2).asDouble(), q.get(3).asDouble());
            }
            if (r.path("yaw").isNumber()) {
                return BikeRack.ofYaw(t.get(0).asDouble(), t.get(1).asDouble(), t.get(2).asDouble(), s.get(0).asDouble(),
                        s.get(1).asDouble(), s.get(2).asDouble(), r.get("yaw").asDouble());
            }
        } catch (IllegalArgumentException e) {
            throw new BadInputException(file + ": " + where + ": " + e.getMessage(), e);
        }
        throw new BadInputException(file + ": " + where + ": needs \"rotation\" [w, x, y, z] or \"yaw\"");
    }

    private static String text(Path file, JsonNode n, String field, String where) {
        JsonNode v = n.path(field);
        if (!v.isTextual()) {
            throw new BadInputException(file + ": " + where + ": field " + field + " must be a string, got " + v);
        }
        return v.asText();
    }

    private static JsonNode parse(Path file) {
        try (var in = Files.newInputStream(file)) {
            return ResultJson.MAPPER.readTree(in);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such file", e);
        } catch (JsonProcessingException e) {
            throw new BadInputException(file + ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr()
                    + ": malformed JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }
}
