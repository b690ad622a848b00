package io.avreplay.eval.log;

import io.avreplay.eval.detection.Box3d;
import io.avreplay.eval.detection.Velocity;
import io.avreplay.replay.geometry.Pose;
import io.avreplay.replay.geometry.Quaternion;
import io.avreplay.replay.geometry.Vec3;

/**
 * Moves ego-frame boxes and velocities (as logs and detectors give them) into the world frame the
 * nuScenes evaluator scores in, with the ego pose of their timestamp. The one place ground truth and
 * detections take this step, so both land in the same frame. Stateless.
 */
public final class WorldFrame {
    private WorldFrame() {
    }

    /** @return the box in the world frame: centre moved, heading composed with the ego's rotation */
    public static Box3d box(io.avreplay.replay.log.Box3d egoBox, Pose egoToWorld) {
        Vec3 c = egoToWorld.apply(egoBox.centre());
        double yaw = egoToWorld.rotation().times(Quaternion.fromYaw(egoBox.yaw())).yaw();
        return new Box3d(c.x(), c.y(), c.z(), egoBox.width(), egoBox.length(), egoBox.height(), yaw);
    }

    /** @return the velocity rotated into the world frame, or unknown when either component is not finite */
    public static Velocity velocity(double vx, double vy, Pose egoToWorld) {
        if (!Double.isFinite(vx) || !Double.isFinite(vy)) {
            return Velocity.UNKNOWN;
        }
        Vec3 w = egoToWorld.rotation().rotate(new Vec3(vx, vy, 0));
        return new Velocity(w.x(), w.y());
    }
}
