package io.avreplay.replay.play;

import io.avreplay.replay.log.Annotation2d;
import io.avreplay.replay.log.Annotation3d;
import io.avreplay.replay.log.FrameRef;
import io.avreplay.replay.log.SensorFrame;
import java.util.List;
import java.util.Objects;

/**
 * One sensor frame as a replay releases it. Lidar points stay in the primitive arrays of
 * {@link io.avreplay.replay.log.LidarSweep}; the consumer owns the frame.
 *
 * @param ref           which frame of which log
 * @param frame         the decoded frame
 * @param loop          the replay loop, 0-based
 * @param groundTruth3d for a lidar sweep: the 3D ground truth annotated at exactly its timestamp, ego
 *                      frame; empty otherwise or when ground truth is off
 * @param groundTruth2d for a camera frame: its 2D ground truth, pixels; empty otherwise
 */
public record ReplayFrame(FrameRef ref, SensorFrame frame, int loop, List<Annotation3d> groundTruth3d,
        List<Annotation2d> groundTruth2d) {
    public ReplayFrame {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(frame, "frame");
        if (loop < 0) {
            throw new IllegalArgumentException("loop must be >= 0, got " + loop);
        }
        groundTruth3d = List.copyOf(groundTruth3d);
        groundTruth2d = List.copyOf(groundTruth2d);
    }

    /** @return the frame's timestamp, ns */
    public long timestampNs() {
        return ref.timestampNs();
    }

    /** @return the sensor id */
    public String sensorId() {
        return ref.sensorId();
    }
}
