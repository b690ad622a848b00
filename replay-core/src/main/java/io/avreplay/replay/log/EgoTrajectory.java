package io.avreplay.replay.log;

import io.avreplay.replay.geometry.Pose;
import io.avreplay.replay.geometry.Vec3;
import java.util.List;

/**
 * All ego poses of a log in time order, with interpolation at any timestamp: slerp for rotation,
 * linear for translation and velocity. Outside the recorded span the nearest pose is held (no
 * extrapolation). Immutable and thread-safe.
 */
public final class EgoTrajectory {
    private final List<EgoPose> poses;
    private final long[] timestamps;

    /** @param poses ego poses sorted by timestamp */
    public EgoTrajectory(List<EgoPose> poses) {
        this.poses = List.copyOf(poses);
        this.timestamps = new long[poses.size()];
        for (int i = 0; i < timestamps.length; i++) {
            timestamps[i] = this.poses.get(i).timestampNs();
            if (i > 0 && timestamps[i] < timestamps[i - 1]) {
                throw new IllegalArgumentException("ego poses must be sorted by time; pose " + i + " at "
                        + timestamps[i] + " ns follows " + timestamps[i - 1] + " ns");
            }
        }
    }

    public List<EgoPose> poses() {
        return poses;
    }

    public int size() {
        return poses.size();
    }

    public boolean isEmpty() {
        return poses.isEmpty();
    }

    /**
     * The ego pose at {@code timestampNs}, interpolated between the two nearest recorded poses.
     *
     * @throws IllegalStateException when the trajectory is empty
     */
    public EgoPose at(long timestampNs) {
        if (poses.isEmpty()) {
            throw new IllegalStateException("no ego poses in this log");
        }
        int hi = java.util.Arrays.binarySearch(timestamps, timestampNs);
        if (hi >= 0) {
            return poses.get(hi);
        }
        hi = -hi - 1;
        if (hi == 0) {
            return withTime(poses.get(0), timestampNs);
        }
        if (hi == timestamps.length) {
            return withTime(poses.get(timestamps.length - 1), timestampNs);
        }
        EgoPose a = poses.get(hi - 1);
        EgoPose b = poses.get(hi);
        double t = (double) (timestampNs - a.timestampNs()) / (double) (b.timestampNs() - a.timestampNs());
        Pose p = a.egoToWorld().interpolate(b.egoToWorld(), t);
        Vec3 v = a.velocity().lerp(b.velocity(), t);
        return new EgoPose(timestampNs, p, v);
    }

    private static EgoPose withTime(EgoPose p, long ts) {
        return new EgoPose(ts, p.egoToWorld(), p.velocity());
    }
}
