package io.avreplay.replay.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.avreplay.replay.object.Detection3d;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The nuScenes tracking submission JSON (nuscenes-devkit {@code TrackingBox}):
 * {@code {"meta": {...}, "results": {sample_token: [box, ...]}}} with each box {@code sample_token,
 * translation [x,y,z], size [w,l,h], rotation [w,x,y,z], velocity [vx,vy], tracking_id, tracking_name,
 * tracking_score} in the global frame (metres, m/s), moved from the ego frame with the sample's ego pose
 * exactly as {@link NuScenesSubmission} moves detections. The boxes are tracked
 * {@link NuScenesSubmission.Sample#detections()} whose category is already the tracking class; unknown
 * velocity is written {@code [NaN, NaN]}. Read it back with
 * {@code io.avreplay.eval.tracking.TrackingEvaluator.readPredictions}.
 */
public final class NuScenesTrackingSubmission {
    private NuScenesTrackingSubmission() {
    }

    /**
     * Writes the submission atomically. Every sample appears in {@code results}, with an empty list when it
     * has no track (the devkit requires the submission's samples to be the ground truth's).
     *
     * @param samples  samples of tracked detections, boxes in the ego frame
     * @param modality the {@code meta} flags (use_camera, use_lidar, …)
     * @throws IllegalArgumentException when a detection is untracked
     */
    public static void write(List<NuScenesSubmission.Sample> samples, Map<String, Boolean> modality, Path file) {
        ObjectMapper m = NuScenesSubmission.mapper();
        ObjectNode root = NuScenesSubmission.withMeta(m, modality);
        ObjectNode results = root.putObject("results");
        for (NuScenesSubmission.Sample s : samples) {
            ArrayNode arr = results.putArray(s.sampleToken());
            for (Detection3d d : s.detections()) {
                if (d.trackId().isEmpty() || Double.isNaN(d.trackScore())) {
                    throw new IllegalArgumentException("sample " + s.sampleToken() + ": detection of " + d.category()
                            + " has no track (trackId '" + d.trackId() + "', trackScore " + d.trackScore() + ")");
                }
                ObjectNode o = NuScenesSubmission.box(m, s, d.box(), d.vx(), d.vy(), d.category());
                o.remove("detection_name");
                o.put("tracking_id", d.trackId());
                o.put("tracking_name", d.category());
                o.put("tracking_score", d.trackScore());
                arr.add(o);
            }
        }
        AtomicFile.write(file, tmp -> m.writeValue(tmp.toFile(), root));
    }
}
