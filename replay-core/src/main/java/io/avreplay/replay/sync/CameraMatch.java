package io.avreplay.replay.sync;

import io.avreplay.replay.log.CameraFrame;
import io.avreplay.replay.log.FrameRef;
import io.avreplay.replay.object.GroundTruth2d;
import java.util.List;
import java.util.Objects;

/**
 * The frame chosen for one camera in a {@link FrameSet}.
 *
 * @param ref           which frame it is (its own timestamp in {@code ref.timestampNs()})
 * @param frame         the image
 * @param offsetNs      camera time − reference time, ns (negative: the image is older)
 * @param groundTruth2d the 2D ground truth of this camera frame (empty when none)
 */
public record CameraMatch(FrameRef ref, CameraFrame frame, long offsetNs, List<GroundTruth2d> groundTruth2d) {
    public CameraMatch {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(frame, "frame");
        groundTruth2d = List.copyOf(groundTruth2d);
    }

    /** @return the camera id */
    public String sensorId() {
        return ref.sensorId();
    }
}
