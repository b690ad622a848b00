package io.avreplay.eval.log;

import io.avreplay.replay.geometry.Pose;
import io.avreplay.replay.geometry.Vec3;
import io.avreplay.replay.object.BoxFrame;
import io.avreplay.replay.object.Detection3d;
import io.avreplay.replay.object.GroundTruth3d;

/**
 * Moves ego-frame objects (as logs and detectors give them) into the world frame the nuScenes evaluator
 * scores in, with the ego pose of their timestamp: the box by {@link io.avreplay.replay.object.Box3d#transformed},
 * the velocity rotated. The one place ground truth and detections take this step, so both land in the same
 * frame. Stateless.
 */
public final class WorldFrame {
    private WorldFrame() {
    }

    /** @return the detection in the world frame; velocity unknown (NaN) when either component is not finite */
    public static Detection3d toWorld(Detection3d egoDetection, Pose egoToWorld) {
        double[] v = velocity(egoDetection.vx(), egoDetection.vy(), egoToWorld);
        return egoDetection.withBox(egoDetection.box().transformed(egoToWorld, BoxFrame.WORLD), v[0], v[1]);
    }

    /** @return the object in the world frame; velocity unknown (NaN) when either component is not finite */
    public static GroundTruth3d toWorld(GroundTruth3d egoObject, Pose egoToWorld) {
        double[] v = velocity(egoObject.vx(), egoObject.vy(), egoToWorld);
        return egoObject.withBox(egoObject.box().transformed(egoToWorld, BoxFrame.WORLD), v[0], v[1]);
    }

    private static double[] velocity(double vx, double vy, Pose egoToWorld) {
        if (!Double.isFinite(vx) || !Double.isFinite(vy)) {
            return new double[] {Double.NaN, Double.NaN};
        }
        Vec3 w = egoToWorld.rotation().rotate(new Vec3(vx, vy, 0));
        return new double[] {w.x(), w.y()};
    }
}
