package io.avreplay.scenario.synth.camera;

import io.avreplay.replay.geometry.Pose;
import io.avreplay.replay.geometry.Quaternion;
import io.avreplay.replay.geometry.Vec3;
import io.avreplay.replay.log.CameraIntrinsics;
import java.util.Objects;

/**
 * A level, forward-looking pinhole camera mounted on the ego.
 *
 * @param sensorId     stream id
 * @param width, height image size, px
 * @param fx, fy       focal lengths, px
 * @param cx, cy       principal point, px (0-based, from the top-left pixel corner)
 * @param mountX, mountY, mountZ position in the ego frame, metres
 * @param mountYawRad  heading in the ego frame, radians (0 = looking forward)
 */
public record CameraSpec(String sensorId, int width, int height, double fx, double fy, double cx, double cy,
        double mountX, double mountY, double mountZ, double mountYawRad) {
    public CameraSpec {
        Objects.requireNonNull(sensorId, "sensorId");
        if (width <= 0 || height <= 0 || !(fx > 0) || !(fy > 0)) {
            throw new IllegalArgumentException("camera size and focal lengths must be > 0, got " + width + "x" + height
                    + " fx=" + fx + " fy=" + fy);
        }
    }

    /** The front camera: 960×540, 70° horizontal field of view, 1.6 m high, 1.5 m ahead of the ego origin. */
    public static CameraSpec front() {
        double fx = 480 / Math.tan(Math.toRadians(35));
        return new CameraSpec("cam_front", 960, 540, fx, fx, 480, 270, 1.5, 0, 1.6, 0);
    }

    public CameraIntrinsics intrinsics() {
        return CameraIntrinsics.pinhole(fx, fy, cx, cy, width, height);
    }

    /** Maps camera-frame points (x right, y down, z forward) into the ego frame. */
    public Pose sensorToEgo() {
        // columns: camera x → ego −y, camera y → ego −z, camera z → ego +x; then the mount yaw
        Quaternion base = Quaternion.fromMatrix(new double[] {0, 0, 1, -1, 0, 0, 0, -1, 0});
        return new Pose(Quaternion.fromYaw(mountYawRad).times(base), new Vec3(mountX, mountY, mountZ));
    }
}
