package io.avreplay.scenario.synth.world;

/**
 * A solid world-frame box with a heading about +z: a building wall or one part of an actor. Immutable;
 * precomputes its rotation so that ray tests need no trigonometry.
 */
public final class SolidBox {
    /** Owner index of boxes that belong to no actor (walls). */
    public static final int NO_OWNER = -1;

    final double cx;
    final double cy;
    final double zMin;
    final double zMax;
    final double halfLength;
    final double halfWidth;
    final double cos;
    final double sin;
    final double radius;
    private final int owner;
    private final Material material;
    private final int rgb;

    /**
     * @param cx, cy      centre of the footprint, world frame, metres
     * @param zMin, zMax  bottom and top, metres
     * @param length, width extents along and across the heading, metres
     * @param yaw         heading, radians
     * @param owner       index of the owning actor, or {@link #NO_OWNER}
     * @param material    surface material
     * @param rgb         base colour 0xRRGGBB
     */
    public SolidBox(double cx, double cy, double zMin, double zMax, double length, double width, double yaw,
            int owner, Material material, int rgb) {
        if (!(zMax > zMin) || !(length > 0) || !(width > 0)) {
            throw new IllegalArgumentException("box must have zMax > zMin and size > 0, got z=" + zMin + ".." + zMax
                    + " l=" + length + " w=" + width);
        }
        this.cx = cx;
        this.cy = cy;
        this.zMin = zMin;
        this.zMax = zMax;
        this.halfLength = length / 2;
        this.halfWidth = width / 2;
        this.cos = Math.cos(yaw);
        this.sin = Math.sin(yaw);
        this.radius = Math.hypot(halfLength, halfWidth);
        this.owner = owner;
        this.material = material;
        this.rgb = rgb;
    }

    public int owner() {
        return owner;
    }

    public Material material() {
        return material;
    }

    public int rgb() {
        return rgb;
    }

    /**
     * Slab test of a ray {@code o + t·d}.
     *
     * @return the entry distance {@code t > 0} (in units of |d|), or {@code +∞} when the ray misses or
     *         starts inside
     */
    public double intersect(double ox, double oy, double oz, double dx, double dy, double dz) {
        double px = ox - cx;
        double py = oy - cy;
        double lx = cos * px + sin * py;
        double ly = -sin * px + cos * py;
        double ldx = cos * dx + sin * dy;
        double ldy = -sin * dx + cos * dy;
        double t0 = 0;
        double t1 = Double.POSITIVE_INFINITY;
        if (Math.abs(ldx) < 1e-12) {
            if (Math.abs(lx) > halfLength) {
                return Double.POSITIVE_INFINITY;
            }
        } else {
            double a = (-halfLength - lx) / ldx;
            double b = (halfLength - lx) / ldx;
            t0 = Math.max(t0, Math.min(a, b));
            t1 = Math.min(t1, Math.max(a, b));
        }
        if (Math.abs(ldy) < 1e-12) {
            if (Math.abs(ly) > halfWidth) {
                return Double.POSITIVE_INFINITY;
            }
        } else {
            double a = (-halfWidth - ly) / ldy;
            double b = (halfWidth - ly) / ldy;
            t0 = Math.max(t0, Math.min(a, b));
            t1 = Math.min(t1, Math.max(a, b));
        }
        if (Math.abs(dz) < 1e-12) {
            if (oz < zMin || oz > zMax) {
                return Double.POSITIVE_INFINITY;
            }
        } else {
            double a = (zMin - oz) / dz;
            double b = (zMax - oz) / dz;
            t0 = Math.max(t0, Math.min(a, b));
            t1 = Math.min(t1, Math.max(a, b));
        }
        return t0 > 1e-9 && t0 <= t1 ? t0 : Double.POSITIVE_INFINITY;
    }

    /**
     * The outward normal of the face nearest to a point on the surface, world frame.
     *
     * @param out receives {@code nx, ny, nz}
     */
    public void normalAt(double x, double y, double z, double[] out) {
        double px = x - cx;
        double py = y - cy;
        double lx = cos * px + sin * py;
        double ly = -sin * px + cos * py;
        double ex = halfLength - Math.abs(lx);
        double ey = halfWidth - Math.abs(ly);
        double ez = Math.min(zMax - z, z - zMin);
        if (ez <= ex && ez <= ey) {
            out[0] = 0;
            out[1] = 0;
            out[2] = z - zMin < zMax - z ? -1 : 1;
        } else if (ex <= ey) {
            double s = Math.signum(lx);
            out[0] = s * cos;
            out[1] = s * sin;
            out[2] = 0;
        } else {
            double s = Math.signum(ly);
            out[0] = -s * sin;
            out[1] = s * cos;
            out[2] = 0;
        }
    }

    /** @return the position along the face's horizontal direction, metres (for facade patterns) */
    public double facadeCoordinate(double x, double y) {
        double px = x - cx;
        double py = y - cy;
        double lx = cos * px + sin * py;
        double ly = -sin * px + cos * py;
        return halfLength - Math.abs(lx) < halfWidth - Math.abs(ly) ? ly : lx;
    }

    /** @return the azimuth interval {@code {from, to}} (radians, may extend past ±π) of the bounding circle seen from a point; the full circle when the point is inside or near it */
    double[] azimuthInterval(double ox, double oy) {
        double dx = cx - ox;
        double dy = cy - oy;
        double dist = Math.hypot(dx, dy);
        if (dist <= radius + 0.5) {
            return new double[] {-Math.PI, Math.PI};
        }
        double centre = Math.atan2(dy, dx);
        double half = Math.asin(Math.min(1.0, (radius + 0.05) / dist));
        return new double[] {centre - half, centre + half};
    }
}
