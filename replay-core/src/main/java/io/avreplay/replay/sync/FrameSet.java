package io.avreplay.replay.sync;

import io.avreplay.replay.log.EgoPose;
import io.avreplay.replay.log.FrameRef;
import io.avreplay.replay.log.SensorFrame;
import io.avreplay.replay.object.GroundTruth3d;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One reference frame (usually a lidar sweep) with what was seen around it.
 *
 * @param reference       which reference frame keys the set
 * @param frame           the reference frame itself
 * @param loop            the replay loop it was produced in, 0-based
 * @param cameras         one match per camera that had a frame within the tolerance, by camera id
 * @param missingCameras  ids of the selected cameras without a usable frame (none within the
 *                        tolerance, or its frame was corrupt and skipped), sorted
 * @param egoPose         the ego pose interpolated at the reference time (slerp for rotation, linear
 *                        for translation); empty when the log has no poses
 * @param groundTruth3d   3D ground truth annotated at exactly the reference time, ego frame (empty
 *                        when none)
 */
public record FrameSet(FrameRef reference, SensorFrame frame, int loop, List<CameraMatch> cameras,
        List<String> missingCameras, Optional<EgoPose> egoPose, List<GroundTruth3d> groundTruth3d) {
    public FrameSet {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(frame, "frame");
        Objects.requireNonNull(egoPose, "egoPose");
        if (loop < 0) {
            throw new IllegalArgumentException("loop must be >= 0, got " + loop);
        }
        cameras = List.copyOf(cameras);
        missingCameras = List.copyOf(missingCameras);
        groundTruth3d = List.copyOf(groundTruth3d);
    }

    /** @return the reference time, ns */
    public long timestampNs() {
        return reference.timestampNs();
    }

    /** @return the match of one camera, if it has one */
    public Optional<CameraMatch> camera(String cameraId) {
        return cameras.stream().filter(c -> c.sensorId().equals(cameraId)).findFirst();
    }
}
