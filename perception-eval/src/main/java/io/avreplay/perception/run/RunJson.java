package io.avreplay.perception.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.avreplay.eval.coco.CocoJson;
import io.avreplay.eval.coco.CocoResult;
import io.avreplay.eval.coco.CocoStat;
import io.avreplay.eval.nuscenes.NuScenesJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The JSON document of a run: {@code {"lidar": {...}, "tracking": {...}, "camera": {...}, "timing": {...}, "provenance": {...}}}
 * with {@code lidar} holding the nuScenes {@code metrics_summary} keys ({@code mean_ap}, {@code nd_score},
 * {@code label_aps}, ...), {@code camera} the 12 COCO statistics by name plus {@code per_category}
 * {class: {AP, AP50, AP75}}, and {@code timing} {@code lidar_ms_per_sweep}, {@code camera_ms_per_frame},
 * {@code realtime_factor}, and {@code tracking} the nuScenes tracking {@code metrics_summary} keys
 * ({@code amota}, {@code label_metrics}, ...) of the run's tracks. Undefined metrics are NaN.
 */
public final class RunJson {
    private RunJson() {
    }

    /** @return the document */
    public static ObjectNode toTree(RunResult r) {
        ObjectNode root = DetectionSink.JSON.createObjectNode();
        try {
            ObjectNode lidar = (ObjectNode) DetectionSink.JSON.readTree(NuScenesJson.write(r.lidar()));
            lidar.remove("metrics_details");
            root.set("lidar", lidar);
            ObjectNode tracking = (ObjectNode) DetectionSink.JSON.readTree(
                    io.avreplay.eval.tracking.TrackingJson.write(r.tracking()));
            tracking.remove("metrics_details");
            root.set("tracking", tracking);
            if (r.camera().isPresent()) {
                root.set("camera", camera(r.camera().get()));
            } else {
                root.putNull("camera");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ObjectNode t = root.putObject("timing");
        t.put("sweeps", r.timing().sweeps());
        t.put("camera_frames", r.timing().cameraFrames());
        t.put("lidar_ms_per_sweep", r.timing().lidarMsPerSweep());
        t.put("camera_ms_per_frame", r.timing().cameraMsPerFrame());
        t.put("log_seconds", r.timing().logSeconds());
        t.put("wall_seconds", r.timing().wallSeconds());
        t.put("realtime_factor", r.timing().realtimeFactor());
        root.set("provenance", r.provenance().toJson());
        ObjectNode o = root.putObject("outputs");
        r.outputs().forEach((k, v) -> o.put(k, v.toString()));
        return root;
    }

    private static ObjectNode camera(CocoResult c) throws IOException {
        ObjectNode cam = DetectionSink.JSON.createObjectNode();
        for (CocoStat s : CocoStat.values()) {
            cam.put(s.name(), c.stats().get(s));
        }
        ObjectNode per = cam.putObject("per_category");
        c.perCategory().values().forEach(a -> per.putObject(a.name()).put("AP", a.ap()).put("AP50", a.ap50())
                .put("AP75", a.ap75()));
        JsonNode full = DetectionSink.JSON.readTree(CocoJson.write(c));
        if (full.has("provenance")) {
            cam.set("provenance", full.get("provenance"));
        }
        return cam;
    }

    /**
     * @param json a run's {@value #FILE_NAME}
     * @return the provenance it records
     * @throws io.avreplay.error.BadInputException when it is not JSON or has no valid {@code provenance}
     */
    public static RunProvenance readProvenance(String json) {
        JsonNode root;
        try {
            root = DetectionSink.JSON.readTree(json);
        } catch (IOException e) {
            throw new io.avreplay.error.BadInputException("run metrics: malformed JSON: " + e.getMessage().split("\n")[0]);
        }
        if (root == null || !root.has("provenance")) {
            throw new io.avreplay.error.BadInputException("run metrics: field 'provenance': missing");
        }
        return RunProvenance.fromJson(root.get("provenance"));
    }

    /** The document's file name in a run's output directory. */
    public static final String FILE_NAME = "metrics.json";

    /** Writes {@value #FILE_NAME} into {@code dir} atomically. */
    static Path write(RunResult r, Path dir) {
        return DetectionSink.writeJson(dir.resolve(FILE_NAME), toTree(r));
    }
}
