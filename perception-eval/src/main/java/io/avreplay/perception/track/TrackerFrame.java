package io.avreplay.perception.track;

import io.avreplay.replay.geometry.Pose;
import io.avreplay.replay.object.BoxFrame;
import io.avreplay.replay.object.Detection3d;
import java.util.List;
import java.util.Objects;

/**
 * One frame of tracker input: the detections of a sweep and the ego pose at its time.
 *
 * @param timestampNs the sweep time, nanoseconds
 * @param egoToWorld  the ego pose at {@code timestampNs} (ego frame to world frame); tracks live in the world
 *                    frame so that the ego's own motion is not taken for the objects'
 * @param detections  detections with boxes in the ego frame (velocity, if any, is ignored)
 */
public record TrackerFrame(long timestampNs, Pose egoToWorld, List<Detection3d> detections) {
    /** @throws IllegalArgumentException when a detection's box is not in the ego frame */
    public TrackerFrame {
        Objects.requireNonNull(egoToWorld, "egoToWorld");
        detections = List.copyOf(detections);
        for (int i = 0; i < detections.size(); i++) {
            if (detections.get(i).box().frame() != BoxFrame.EGO) {
                throw new IllegalArgumentException("tracker frame at " + timestampNs + " ns: detection " + i
                        + " must be in the EGO frame, got " + detections.get(i).box().frame());
            }
        }
    }
}
