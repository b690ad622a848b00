package io.avreplay.replay.play;

import io.avreplay.replay.arrow.LidarPointsView;
import io.avreplay.replay.log.FrameRef;
import io.avreplay.replay.log.LidarSweep;
import io.avreplay.replay.log.SensorFrame;
import io.avreplay.replay.object.GroundTruth2d;
import io.avreplay.replay.object.GroundTruth3d;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One sensor frame as a replay releases it; the consumer owns it. A lidar sweep comes either as an owned
 * {@link LidarSweep} (primitive arrays), or, when the replay was built with
 * {@link Replay.Builder#lendLidarPoints(boolean)}, as a {@link LidarPointsView} over the memory-mapped
 * log: {@link #points()} is then free and {@link #frame()} copies the points into a sweep on first call.
 * Not thread-safe (the lazy copy and view): hand a frame to one thread at a time.
 */
public final class ReplayFrame {
    private final FrameRef ref;
    private LidarPointsView points;
    private final int loop;
    private final List<GroundTruth3d> groundTruth3d;
    private final List<GroundTruth2d> groundTruth2d;
    private SensorFrame frame;

    /**
     * @param ref           which frame of which log
     * @param frame         the decoded frame
     * @param loop          the replay loop, 0-based
     * @param groundTruth3d for a lidar sweep: the 3D ground truth annotated at exactly its timestamp, ego
     *                      frame; empty otherwise or when ground truth is off
     * @param groundTruth2d for a camera frame: its 2D ground truth, pixels; empty otherwise
     */
    public ReplayFrame(FrameRef ref, SensorFrame frame, int loop, List<GroundTruth3d> groundTruth3d,
            List<GroundTruth2d> groundTruth2d) {
        this(ref, Objects.requireNonNull(frame, "frame"), null, loop, groundTruth3d, groundTruth2d);
    }

    private ReplayFrame(FrameRef ref, SensorFrame frame, LidarPointsView points, int loop,
            List<GroundTruth3d> groundTruth3d, List<GroundTruth2d> groundTruth2d) {
        this.ref = Objects.requireNonNull(ref, "ref");
        if (loop < 0) {
            throw new IllegalArgumentException("loop must be >= 0, got " + loop);
        }
        this.frame = frame;
        this.points = points;
        this.loop = loop;
        this.groundTruth3d = List.copyOf(groundTruth3d);
        this.groundTruth2d = List.copyOf(groundTruth2d);
    }

    /** A lidar frame whose points stay in the log's memory (see the class comment). */
    public static ReplayFrame ofLidarPoints(FrameRef ref, LidarPointsView points, int loop,
            List<GroundTruth3d> groundTruth3d) {
        return new ReplayFrame(ref, null, Objects.requireNonNull(points, "points"), loop, groundTruth3d, List.of());
    }

    /** @return which frame of which log */
    public FrameRef ref() {
        return ref;
    }

    /** @return the decoded frame; for lent lidar points an owned copy, made on the first call */
    public SensorFrame frame() {
        if (frame == null) {
            frame = points.toSweep();
        }
        return frame;
    }

    /** @return for a lidar sweep its points without a copy; empty for camera frames */
    public Optional<LidarPointsView> points() {
        if (points == null && frame instanceof LidarSweep s) {
            points = LidarPointsView.of(s);
        }
        return Optional.ofNullable(points);
    }

    /** @return the replay loop, 0-based */
    public int loop() {
        return loop;
    }

    /** @return for a lidar sweep its 3D ground truth at exactly its timestamp, ego frame */
    public List<GroundTruth3d> groundTruth3d() {
        return groundTruth3d;
    }

    /** @return for a camera frame its 2D ground truth, pixels */
    public List<GroundTruth2d> groundTruth2d() {
        return groundTruth2d;
    }

    /** @return the frame's timestamp, ns */
    public long timestampNs() {
        return ref.timestampNs();
    }

    /** @return the sensor id */
    public String sensorId() {
        return ref.sensorId();
    }

    @Override
    public String toString() {
        int n = points != null ? points.size() : frame instanceof LidarSweep s ? s.size() : -1;
        return "ReplayFrame[" + ref + ", loop " + loop + (n >= 0 ? ", " + n + " points" : "") + "]";
    }
}
