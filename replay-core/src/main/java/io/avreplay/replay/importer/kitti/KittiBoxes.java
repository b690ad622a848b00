package io.avreplay.replay.importer.kitti;

import io.avreplay.replay.geometry.Pose;
import io.avreplay.replay.geometry.Vec3;
import io.avreplay.replay.log.CameraIntrinsics;
import io.avreplay.replay.object.Box2d;
import io.avreplay.replay.object.Box3d;
import io.avreplay.replay.object.GroundTruth2d;
import io.avreplay.replay.object.GroundTruth3d;
import java.util.List;

/** Converts KITTI labels into log annotations and projects boxes back into the image for verification. */
final class KittiBoxes {
    private KittiBoxes() {
    }

    /**
     * The label's 3D box in the ego (Velodyne) frame: the bottom-centre location moves up by half the
     * height (camera y points down) to the centre, and the heading — the object's x axis, which is
     * {@code (cos ry, 0, -sin ry)} in the camera frame — is rotated into the ego frame to give the yaw.
     */
    static Box3d toEgo(KittiLabel label, Pose rectToEgo) {
        Vec3 centreRect = new Vec3(label.x(), label.y() - label.h() / 2, label.z());
        Vec3 centre = rectToEgo.apply(centreRect);
        Vec3 heading = rectToEgo.rotation().rotate(new Vec3(Math.cos(label.rotationY()), 0, -Math.sin(label.rotationY())));
        return Box3d.ego(centre, label.l(), label.w(), label.h(), Math.atan2(heading.y(), heading.x()));
    }

    static GroundTruth3d annotation3d(KittiLabel label, String trackId, Pose rectToEgo) {
        return new GroundTruth3d(toEgo(label, rectToEgo), label.category(), trackId, 0, Double.NaN, Double.NaN,
                List.of(), Float.NaN);
    }

    static GroundTruth2d annotation2d(KittiLabel label, String trackId) {
        return new GroundTruth2d(new Box2d(label.x1(), label.y1(), label.x2(), label.y2()), label.category(),
                label.dontCare() ? "" : trackId, label.truncated(), label.occluded());
    }

    /**
     * Projects the 8 corners of an ego-frame box into a camera and returns the enclosing rectangle
     * clipped to the image, {@code {x1, y1, x2, y2}} px; {@code null} when a corner is behind the camera.
     */
    static double[] projectedRect(Box3d box, Pose egoToCamera, CameraIntrinsics k) {
        double x1 = Double.POSITIVE_INFINITY;
        double y1 = Double.POSITIVE_INFINITY;
        double x2 = Double.NEGATIVE_INFINITY;
        double y2 = Double.NEGATIVE_INFINITY;
        for (Vec3 c : box.corners()) {
            Vec3 p = egoToCamera.apply(c);
            if (p.z() <= 0.1) {
                return null;
            }
            double[] uv = k.project(p.x(), p.y(), p.z());
            x1 = Math.min(x1, uv[0]);
            y1 = Math.min(y1, uv[1]);
            x2 = Math.max(x2, uv[0]);
            y2 = Math.max(y2, uv[1]);
        }
        return new double[] {Math.max(0, x1), Math.max(0, y1), Math.min(k.width() - 1, x2), Math.min(k.height() - 1, y2)};
    }
}
