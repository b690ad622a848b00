package io.avreplay.scenario.scoring;

import io.avreplay.replay.geometry.Vec3;
import io.avreplay.replay.object.Box3d;
import io.avreplay.replay.object.Detection3d;
import io.avreplay.replay.object.GroundTruth3d;
import java.util.List;

/** Small ego-frame objects for the scoring tests. */
final class Fixtures {
    static final List<String> CLASSES = List.of("car", "pedestrian");
    static final FrameMatcher AT_2M = new FrameMatcher(CLASSES, 2.0);

    private Fixtures() {
    }

    static GroundTruth3d gt(String cls, String id, double x, double y) {
        return gt(cls, id, x, y, 0, 10);
    }

    static GroundTruth3d gt(String cls, String id, double x, double y, double yaw, int points) {
        String category = cls.equals("car") ? "vehicle.car" : "human.pedestrian.adult";
        return new GroundTruth3d(Box3d.ego(new Vec3(x, y, 1), 4, 2, 1.5, yaw), category, id, points, 0, 0, List.of(),
                Float.NaN);
    }

    static Detection3d det(String cls, double x, double y, double score) {
        return det(cls, x, y, score, 0, 0);
    }

    static Detection3d det(String cls, double x, double y, double score, double yaw, double vx) {
        return new Detection3d(Box3d.ego(new Vec3(x, y, 1), 4, 2, 1.5, yaw), cls, score, vx, 0, List.of(),
                Detection3d.NO_TRACK, Double.NaN, "");
    }

    static MatchedFrame frame(long tNs, List<GroundTruth3d> truth, List<Detection3d> dets) {
        return AT_2M.match("log", tNs, truth, dets);
    }

    static int[] ones(int n) {
        int[] w = new int[n];
        java.util.Arrays.fill(w, 1);
        return w;
    }
}
