package io.avreplay.replay.log;

import io.avreplay.replay.geometry.Vec3;
import java.util.Objects;

/**
 * An oriented 3D box: centre, size and heading about +z (roll and pitch are zero). The frame (ego,
 * world, sensor) is stated by the holder.
 *
 * @param centre geometric centre, metres
 * @param length extent along the heading (x after rotation), metres, &gt; 0
 * @param width  extent across (y), metres, &gt; 0
 * @param height extent along z, metres, &gt; 0
 * @param yaw    heading, radians about +z from the frame's x axis
 */
public record Box3d(Vec3 centre, double length, double width, double height, double yaw) {
    public Box3d {
        Objects.requireNonNull(centre, "centre");
        if (!(length > 0) || !(width > 0) || !(height > 0)) {
            throw new IllegalArgumentException("box size must be > 0, got l=" + length + " w=" + width + " h=" + height);
        }
    }

    /** @return true when the point lies inside or on the box */
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
