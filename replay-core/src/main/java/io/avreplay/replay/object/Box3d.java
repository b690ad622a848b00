package io.avreplay.replay.object;

import io.avreplay.replay.geometry.Pose;
import io.avreplay.replay.geometry.Quaternion;
import io.avreplay.replay.geometry.Vec3;
import java.util.Objects;

/**
 * An oriented 3D box: centre, size and heading about +z (roll and pitch are zero), in an explicit frame.
 * The one 3D box of the project: logs, detectors, metrics, gates and exporters all use it; file formats
 * that order the sizes differently (nuScenes {@code [w, l, h]}, KITTI {@code h w l}) map them by name in
 * their reader and writer.
 *
 * @param frame  the frame the centre and heading are expressed in
 * @param centre geometric centre, metres, finite
 * @param length extent along the heading (x after rotation), metres, &gt; 0
 * @param width  extent across the heading (y after rotation), metres, &gt; 0
 * @param height extent along z, metres, &gt; 0
 * @param yaw    heading, radians about +z from the frame's x axis, finite
 */
public record Box3d(BoxFrame frame, Vec3 centre, double length, double width, double height, double yaw) {
    public Box3d {
        Objects.requireNonNull(frame, "frame");
        Objects.requireNonNull(centre, "centre");
        if (!centre.isFinite()) {
            throw new IllegalArgumentException("box centre must be finite, got " + centre);
        }
        if (!(length > 0) || !(width > 0) || !(height > 0) || Double.isInfinite(length) || Double.isInfinite(width)
                || Double.isInfinite(height)) {
            throw new IllegalArgumentException("box size must be finite and > 0, got l=" + length + " w=" + width
                    + " h=" + height);
        }
        if (!Double.isFinite(yaw)) {
            throw new IllegalArgumentException("box yaw must be finite, got " + yaw);
        }
    }

    /** @return a box in the ego frame */
    public static Box3d ego(Vec3 centre, double length, double width, double height, double yaw) {
        return new Box3d(BoxFrame.EGO, centre, length, width, height, yaw);
    }

    /** @return a box in the world frame */
    public static Box3d world(Vec3 centre, double length, double width, double height, double yaw) {
        return new Box3d(BoxFrame.WORLD, centre, length, width, height, yaw);
    }

    /** @return a box in a sensor frame */
    public static Box3d sensor(Vec3 centre, double length, double width, double height, double yaw) {
        return new Box3d(BoxFrame.SENSOR, centre, length, width, height, yaw);
    }

    /** @return the centre's x, metres */
    public double x() {
        return centre.x();
    }

    /** @return the centre's y, metres */
    public double y() {
        return centre.y();
    }

    /** @return the centre's z, metres */
    public double z() {
        return centre.z();
    }

    /**
     * Moves the box by a rigid transform into another frame: centre transformed, heading composed with the
     * transform's rotation (its yaw read back from the composed quaternion), size unchanged.
     *
     * @param transform from this box's frame to {@code target}
     * @param target    the frame the result is in
     * @return the moved box
     */
    public Box3d transformed(Pose transform, BoxFrame target) {
        Vec3 c = transform.apply(centre);
        double newYaw = transform.rotation().times(Quaternion.fromYaw(yaw)).yaw();
        return new Box3d(target, c, length, width, height, newYaw);
    }

    /** @return true when the point (same frame, metres) lies inside or on the box */
    public boolean contains(double px, double py, double pz) {
        double dx = px - centre.x();
        double dy = py - centre.y();
        double c = Math.cos(yaw);
        double s = Math.sin(yaw);
        double lx = c * dx + s * dy;
        double ly = -s * dx + c * dy;
        return Math.abs(lx) <= length / 2 && Math.abs(ly) <= width / 2 && Math.abs(pz - centre.z()) <= height / 2;
    }

    /** The 8 corners, bottom face first (counter-clockwise from front-left seen from above), then top. */
    public Vec3[] corners() {
        double c = Math.cos(yaw);
        double s = Math.sin(yaw);
        double[] xs = {length / 2, -length / 2, -length / 2, length / 2};
        double[] ys = {width / 2, width / 2, -width / 2, -width / 2};
        Vec3[] out = new Vec3[8];
        for (int k = 0; k < 4; k++) {
            double wx = centre.x() + c * xs[k] - s * ys[k];
            double wy = centre.y() + s * xs[k] + c * ys[k];
            out[k] = new Vec3(wx, wy, centre.z() - height / 2);
            out[k + 4] = new Vec3(wx, wy, centre.z() + height / 2);
        }
        return out;
    }
}
