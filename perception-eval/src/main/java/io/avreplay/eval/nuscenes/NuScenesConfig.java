package io.avreplay.eval.nuscenes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.avreplay.error.InvalidConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A nuScenes detection configuration, as data (the devkit's {@code DetectionConfig}).
 *
 * @param name              a label for provenance, e.g. {@code detection_cvpr_2019} or a file name
 * @param classRange        class name to maximum ground-plane distance from the ego vehicle, metres;
 *                          its key order is the order classes are reported in
 * @param distThs           matching thresholds on centre distance, metres
 * @param distThTp          the threshold whose matches give the TP errors; one of {@code distThs}
 * @param minRecall         recall below which the curve is ignored, in [0, 1]
 * @param minPrecision      precision below which the curve is ignored, in [0, 1)
 * @param maxBoxesPerSample the most predictions a sample may have
 * @param meanApWeight      the weight of mAP in NDS
 */
public record NuScenesConfig(String name, Map<String, Double> classRange, List<Double> distThs, double distThTp,
        double minRecall, double minPrecision, int maxBoxesPerSample, double meanApWeight) implements java.io.Serializable {

    /** The ten nuScenes detection classes; any other name is rejected. */
    public static final Set<String> DETECTION_NAMES = Set.of("car", "truck", "bus", "trailer",
            "construction_vehicle", "pedestrian", "motorcycle", "bicycle", "traffic_cone", "barrier");

    /** The nuScenes attribute names; the empty string means none. */
    public static final Set<String> ATTRIBUTE_NAMES = Set.of("pedestrian.moving", "pedestrian.sitting_lying_down",
            "pedestrian.standing", "cycle.with_rider", "cycle.without_rider", "vehicle.moving", "vehicle.parked",
            "vehicle.stopped");

    /** @throws InvalidConfigException when a value is out of range or a class is unknown */
    public NuScenesConfig {
        Objects.requireNonNull(name, "name");
        classRange = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(classRange));
        distThs = List.copyOf(distThs);
        if (classRange.isEmpty()) {
            throw new InvalidConfigException("nuScenes config " + name + ": class_range must name at least one class");
        }
        for (Map.Entry<String, Double> e : classRange.entrySet()) {
            if (!DETECTION_NAMES.contains(e.getKey())) {
                throw new InvalidConfigException("nuScenes config " + name + ": class_range: unknown class '"
                        + e.getKey() + "', expected one of " + new java.util.TreeSet<>(DETECTION_NAMES));
            }
            if (!(e.getValue() > 0)) {
                throw new InvalidConfigException("nuScenes config " + name + ": class_range." + e.getKey()
                        + " must be > 0 m, got " + e.getValue());
            }
        }
        if (distThs.isEmpty() || distThs.stream().anyMatch(d -> !(d > 0))) {
            throw new InvalidConfigException("nuScenes config " + name + ": dist_ths must be non-empty and > 0, got "
                    + distThs);
        }
        if (!distThs.contains(distThTp)) {
            throw new InvalidConfigException("nuScenes config " + name + ": dist_th_tp " + distThTp
                    + " must be one of dist_ths " + distThs);
        }
        if (!(minRecall >= 0 && minRecall <= 1) || !(minPrecision >= 0 && minPrecision < 1)) {
            throw new InvalidConfigException("nuScenes config " + name + ": min_recall must be in [0,1] and"
                    + " min_precision in [0,1), got " + minRecall + " and " + minPrecision);
        }
        if (maxBoxesPerSample <= 0 || !(meanApWeight >= 0)) {
            throw new InvalidConfigException("nuScenes config " + name
                    + ": max_boxes_per_sample must be > 0 and mean_ap_weight >= 0");
        }
    }

    /** @return the class names in report order */
    public List<String> classNames() {
        return List.copyOf(classRange.keySet());
    }

    /** @return the devkit's {@code detection_cvpr_2019} configuration */
    public static NuScenesConfig cvpr2019() {
        try (InputStream in = NuScenesConfig.class.getResourceAsStream("detection_cvpr_2019.json")) {
            if (in == null) {
                throw new IllegalStateException("resource detection_cvpr_2019.json is missing from the jar");
            }
            return fromTree("detection_cvpr_2019", new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a configuration file with the devkit's keys. Keys it omits keep their
     * {@code detection_cvpr_2019} values, so a file with only {@code class_range} scores a subset of classes.
     *
     * @throws InvalidConfigException when the file is unreadable, malformed or out of range
     */
    public static NuScenesConfig fromFile(Path file) {
        JsonNode tree;
        try {
            tree = new ObjectMapper().readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new InvalidConfigException("nuScenes config " + file + ": cannot read: "
                    + e.getMessage().replace('\n', ' '), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new InvalidConfigException("nuScenes config " + file + ": expected a JSON object");
        }
        ObjectNode merged = (ObjectNode) toTree(cvpr2019());
        tree.fields().forEachRemaining(e -> merged.set(e.getKey(), e.getValue()));
        return fromTree(file.getFileName().toString(), merged);
    }

    static NuScenesConfig fromTree(String name, JsonNode t) {
        Map<String, Double> ranges = new LinkedHashMap<>();
        JsonNode cr = t.path("class_range");
        if (!cr.isObject()) {
            throw new InvalidConfigException("nuScenes config " + name + ": class_range must be an object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = cr.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            ranges.put(e.getKey(), number(name, "class_range." + e.getKey(), e.getValue()));
        }
        List<Double> ths = new ArrayList<>();
        JsonNode dt = t.path("dist_ths");
        if (!dt.isArray()) {
            throw new InvalidConfigException("nuScenes config " + name + ": dist_ths must be an array");
        }
        for (JsonNode n : dt) {
            ths.add(number(name, "dist_ths", n));
        }
        if (t.has("dist_fcn") && !"center_distance".equals(t.get("dist_fcn").asText())) {
            throw new InvalidConfigException("nuScenes config " + name + ": dist_fcn must be center_distance, got "
                    + t.get("dist_fcn").asText());
        }
        return new NuScenesConfig(name, ranges, ths, number(name, "dist_th_tp", t.path("dist_th_tp")),
                number(name, "min_recall", t.path("min_recall")), number(name, "min_precision", t.path("min_precision")),
                (int) number(name, "max_boxes_per_sample", t.path("max_boxes_per_sample")),
                number(name, "mean_ap_weight", t.path("mean_ap_weight")));
    }

    private static double number(String name, String field, JsonNode n) {
        if (!n.isNumber()) {
            throw new InvalidConfigException("nuScenes config " + name + ": " + field + " must be a number, got "
                    + (n.isMissingNode() ? "nothing" : n.toString()));
        }
        return n.doubleValue();
    }

    /** @return this configuration with the devkit's keys, as in {@code metrics_summary.cfg} */
    public JsonNode toTree() {
        return toTree(this);
    }

    private static JsonNode toTree(NuScenesConfig c) {
        ObjectNode o = new ObjectMapper().createObjectNode();
        ObjectNode cr = o.putObject("class_range");
        c.classRange.forEach((k, v) -> putNumber(cr, k, v));
        o.put("dist_fcn", "center_distance");
        var arr = o.putArray("dist_ths");
        c.distThs.forEach(arr::add);
        o.put("dist_th_tp", c.distThTp);
        o.put("min_recall", c.minRecall);
        o.put("min_precision", c.minPrecision);
        o.put("max_boxes_per_sample", c.maxBoxesPerSample);
        putNumber(o, "mean_ap_weight", c.meanApWeight);
        return o;
    }

    private static void putNumber(ObjectNode o, String key, double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            o.put(key, (long) v);
        } else {
            o.put(key, v);
        }
    }
}
