package io.avreplay.replay.importer.nuscenes;

import io.avreplay.replay.geometry.Pose;
import io.avreplay.replay.geometry.Vec3;
import io.avreplay.replay.log.LidarSweep;
import io.avreplay.replay.object.GroundTruth3d;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Counts a key-frame sweep's points inside each ego-frame box and compares with {@code num_lidar_pts}.
 * The devkit counts in the lidar frame with the box's full 3D rotation; our boxes keep yaw only, so a
 * box on a slope may gain or lose a few points at its faces: the rule is {@code |ours − stored| <=
 * max(2, 10 %)}. Not thread-safe (accumulates).
 */
final class PointCountCheck {
    private static final int LISTED = 10;

    int checked;
    int exact;
    private int outside;
    private final List<String> differences = new ArrayList<>();
    private final List<String> outsideTolerance = new ArrayList<>();

    /**
     * @param sweep      the key-frame sweep, sensor frame
     * @param lidarToEgo the sweep's sensor → ego transform
     * @param boxes      the sample's boxes, ego frame
     */
    void check(LidarSweep sweep, Pose lidarToEgo, List<GroundTruth3d> boxes) {
        int n = sweep.size();
        double[][] ego = new double[3][n];
        for (int i = 0; i < n; i++) {
            Vec3 p = lidarToEgo.apply(new Vec3(sweep.x()[i], sweep.y()[i], sweep.z()[i]));
            ego[0][i] = p.x();
            ego[1][i] = p.y();
            ego[2][i] = p.z();
        }
        for (GroundTruth3d a : boxes) {
            int count = 0;
            for (int i = 0; i < n; i++) {
                if (a.box().contains(ego[0][i], ego[1][i], ego[2][i])) {
                    count++;
                }
            }
            checked++;
            int stored = a.numPoints();
            if (count == stored) {
                exact++;
                continue;
            }
            String what = a.trackId() + " " + a.category() + " @" + sweep.timestampNs() + " ns: " + count + " vs " + stored;
            if (differences.size() < LISTED) {
                differences.add(what);
            }
            if (Math.abs(count - stored) > Math.max(2, 0.1 * stored)) {
                outside++;
                if (outsideTolerance.size() < LISTED) {
                    outsideTolerance.add(what);
                }
            }
        }
    }

    boolean satisfied() {
        return outside == 0;
    }

    /** One line: the rule, the exact count and the first differences. */
    String detail() {
        return String.format(Locale.ROOT, "rule: |ours - num_lidar_pts| <= max(2, 10%%) for every box (yaw-only boxes "
                + "in the ego frame); %d exact, %d outside tolerance", exact, outside)
                + (differences.isEmpty() ? "" : "; first differences: " + String.join(", ", differences))
                + (outsideTolerance.isEmpty() ? "" : "; outside tolerance: " + String.join(", ", outsideTolerance));
    }
}
