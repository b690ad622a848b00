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
 * @param lidar      nuScenes detection metrics of the lidar detector against the logs' 3D ground truth
 * @param camera     COCO metrics of the camera detector against the 2D ground truth, when a camera ran
 * @param timing     where the time went
 * @param outputs    files written, by role (e.g. {@code nuscenes_submission})
 * @param provenance logs with the frames detected, models with their hashes, configuration, tool version
 * @param tracking   nuScenes tracking metrics of the tracker's tracks of the lidar detections
 */
public record RunResult(NuScenesResult lidar, Optional<CocoResult> camera, Timing timing, Map<String, Path> outputs,
        RunProvenance provenance, io.avreplay.eval.tracking.TrackingResult tracking) {
    public RunResult {
        java.util.Objects.requireNonNull(tracking, "tracking");
        java.util.Objects.requireNonNull(lidar, "lidar");
        java.util.Objects.requireNonNull(camera, "camera");
        java.util.Objects.requireNonNull(timing, "timing");
        java.util.Objects.requireNonNull(provenance, "provenance");
        outputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outputs));
    }

    /** @return the ids of the logs replayed, in order */
    public List<String> logIds() {
        return provenance.logs().stream().map(RunProvenance.LogRange::logId).toList();
    }

    /** @return each model's id by role ({@code lidar}, {@code camera}) */
    public Map<String, String> models() {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        provenance.models().forEach(r -> m.put(r.role(), r.id()));
        return java.util.Collections.unmodifiableMap(m);
    }
}
