package io.avreplay.perception.run;

import io.avreplay.eval.coco.CocoResult;
import io.avreplay.eval.nuscenes.NuScenesResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of a run.
 *
 * @param logIds   the logs replayed, in order
 * @param lidar    nuScenes detection metrics of the lidar detector against the logs' 3D ground truth
 * @param camera   COCO metrics of the camera detector against the 2D ground truth, when a camera ran
 * @param timing   where the time went
 * @param outputs  files written, by role (e.g. {@code nuscenes_submission})
 * @param models   model name and SHA-256 of each detector's weights, by role ({@code lidar}, {@code camera})
 * @param tracking nuScenes tracking metrics of the tracker's tracks of the lidar detections
 */
public record RunResult(List<String> logIds, NuScenesResult lidar, Optional<CocoResult> camera, Timing timing,
        Map<String, Path> outputs, Map<String, String> models, io.avreplay.eval.tracking.TrackingResult tracking) {
    public RunResult {
        java.util.Objects.requireNonNull(tracking, "tracking");
        logIds = List.copyOf(logIds);
        outputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outputs));
        models = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(models));
    }
}
