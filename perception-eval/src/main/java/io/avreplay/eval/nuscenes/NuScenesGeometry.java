package io.avreplay.eval.nuscenes;

import io.avreplay.replay.object.Box3d;

/** The devkit's box distances and errors, as pure functions. Units: metres, radians, m/s. */
final class NuScenesGeometry {
    private NuScenesGeometry() {
    }

    /** Yaw in (-pi, pi] of the rotation (w, x, y, z): the heading of the rotated +x axis; NaN for a zero quaternion. */
    static double quaternionYaw(double w, double x, double y, double z) {
        double n2 = w * w + x * x + y * y + z * z;
        if (!(n2 > 0) || Double.isInfinite(n2)) {
            return Double.NaN;
        }
        double s = 2 / n2;
        return Math.atan2(s * (x * y + w * z), 1 - s * (y * y + z * z));
    }

    /** Ground-plane (x, y) distance between box centres, metres. */
    static double centerDistance(Box3d a, Box3d b) {
        double dx = b.x() - a.x();
        double dy = b.y() - a.y();
        return Math.sqrt(dx * dx + dy * dy);
    }

    /** L2 norm of the velocity difference, m/s; NaN when either velocity is unknown. */
    static double velocityL2(double avx, double avy, double bvx, double bvy) {
        double dx = bvx - avx;
        double dy = bvy - avy;
        return Math.sqrt(dx * dx + dy * dy);
    }

    /** IoU of the two boxes after aligning their centres and headings (only sizes matter). */
    static double scaleIou(Box3d a, Box3d b) {
        double inter = Math.min(a.width(), b.width()) * Math.min(a.length(), b.length())
                * Math.min(a.height(), b.height());
        double va = a.width() * a.length() * a.height();
        double vb = b.width() * b.length() * b.height();
        return inter / (va + vb - inter);
    }

    /** Absolute yaw difference in [0, pi], with the given period (2 pi, or pi for barriers). */
    static double yawDiff(double yawGt, double yawPred, double period) {
        double diff = pyMod(yawGt - yawPred + period / 2, period) - period / 2;
        if (diff > Math.PI) {
            diff -= 2 * Math.PI;
        }
        return Math.abs(diff);
    }

    /** Python's float modulo: the result has the sign of the divisor. */
    static double pyMod(double a, double m) {
        double r = a % m;
        if (r != 0 && (r < 0) != (m < 0)) {
            r += m;
        }
        return r;
    }
}
