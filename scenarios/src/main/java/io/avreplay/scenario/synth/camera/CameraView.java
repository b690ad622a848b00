package io.avreplay.scenario.synth.camera;

/**
 * A {@link CameraSpec} placed in the world: casts pixel rays and projects world points. Immutable and
 * thread-safe.
 */
public final class CameraView {
    final CameraSpec spec;
    final double ox;
    final double oy;
    final double oz;
    private final double cos;
    private final double sin;

    /**
     * @param spec       the camera
     * @param ox, oy, oz camera centre, world frame, metres
     * @param yawRad     viewing direction, world frame, radians
     */
    public CameraView(CameraSpec spec, double ox, double oy, double oz, double yawRad) {
        this.spec = spec;
        this.ox = ox;
        this.oy = oy;
        this.oz = oz;
        this.cos = Math.cos(yawRad);
        this.sin = Math.sin(yawRad);
    }

    /** Places the camera for an ego pose {@code (x, y, yaw)} on flat ground (ego origin at z = 0). */
    public static CameraView forEgo(CameraSpec spec, double egoX, double egoY, double egoYaw) {
        double c = Math.cos(egoYaw);
        double s = Math.sin(egoYaw);
        return new CameraView(spec, egoX + c * spec.mountX() - s * spec.mountY(), egoY + s * spec.mountX() + c * spec.mountY(),
                spec.mountZ(), egoYaw + spec.mountYawRad());
    }

    public CameraSpec spec() {
        return spec;
    }

    /** Writes the world-frame direction (not unit) of the ray through pixel position {@code (u, v)}. */
    public void ray(double u, double v, double[] out) {
        double xc = (u - spec.cx()) / spec.fx();
        double yc = (v - spec.cy()) / spec.fy();
        out[0] = cos + sin * xc;
        out[1] = sin - cos * xc;
        out[2] = -yc;
    }

    /**
     * Projects a world point.
     *
     * @param out receives {@code u, v, depth} (px, px, metres along the optical axis)
     * @return false when the point is behind the camera (depth ≤ 0.1 m)
     */
    public boolean project(double x, double y, double z, double[] out) {
        double dx = x - ox;
        double dy = y - oy;
        double fwd = cos * dx + sin * dy;
        double left = -sin * dx + cos * dy;
        double up = z - oz;
        out[2] = fwd;
        if (fwd <= 0.1) {
            return false;
        }
        out[0] = spec.fx() * (-left) / fwd + spec.cx();
        out[1] = spec.fy() * (-up) / fwd + spec.cy();
        return true;
    }
}
