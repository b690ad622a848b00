package io.avreplay.replay.geometry;

/**
 * A rotation as a unit quaternion {@code (w, x, y, z)}, Hamilton convention, active rotation of
 * vectors. The compact constructor rejects non-finite or zero-norm values and normalises the rest.
 */
public record Quaternion(double w, double x, double y, double z) {
    public static final Quaternion IDENTITY = new Quaternion(1, 0, 0, 0);

    public Quaternion {
        double n = Math.sqrt(w * w + x * x + y * y + z * z);
        if (!Double.isFinite(n) || n < 1e-12) {
            throw new IllegalArgumentException("quaternion must be finite and non-zero, got (" + w + ", " + x
                    + ", " + y + ", " + z + ")");
        }
        w /= n;
        x /= n;
        y /= n;
        z /= n;
    }

    /** A rotation by {@code yawRad} radians about +z. */
    public static Quaternion fromYaw(double yawRad) {
        return new Quaternion(Math.cos(yawRad / 2), 0, 0, Math.sin(yawRad / 2));
    }

    /** A rotation from roll (about x), pitch (about y) and yaw (about z), applied as Rz·Ry·Rx. */
    public static Quaternion fromEuler(double rollRad, double pitchRad, double yawRad) {
        double cr = Math.cos(rollRad / 2), sr = Math.sin(rollRad / 2);
        double cp = Math.cos(pitchRad / 2), sp = Math.sin(pitchRad / 2);
        double cy = Math.cos(yawRad / 2), sy = Math.sin(yawRad / 2);
        return new Quaternion(cr * cp * cy + sr * sp * sy, sr * cp * cy - cr * sp * sy,
                cr * sp * cy + sr * cp * sy, cr * cp * sy - sr * sp * cy);
    }

    /** Builds the quaternion of a 3×3 row-major rotation matrix. */
    public static Quaternion fromMatrix(double[] m) {
        double tr = m[0] + m[4] + m[8];
        if (tr > 0) {
            double s = Math.sqrt(tr + 1.0) * 2;
            return new Quaternion(0.25 * s, (m[7] - m[5]) / s, (m[2] - m[6]) / s, (m[3] - m[1]) / s);
        } else if (m[0] > m[4] && m[0] > m[8]) {
            double s = Math.sqrt(1.0 + m[0] - m[4] - m[8]) * 2;
            return new Quaternion((m[7] - m[5]) / s, 0.25 * s, (m[1] + m[3]) / s, (m[2] + m[6]) / s);
        } else if (m[4] > m[8]) {
            double s = Math.sqrt(1.0 + m[4] - m[0] - m[8]) * 2;
            return new Quaternion((m[2] - m[6]) / s, (m[1] + m[3]) / s, 0.25 * s, (m[5] + m[7]) / s);
        } else {
            double s = Math.sqrt(1.0 + m[8] - m[0] - m[4]) * 2;
            return new Quaternion((m[3] - m[1]) / s, (m[2] + m[6]) / s, (m[5] + m[7]) / s, 0.25 * s);
        }
    }

    /** @return the 3×3 rotation matrix, row-major */
    public double[] toMatrix() {
        return new double[] {
            1 - 2 * (y * y + z * z), 2 * (x * y - w * z), 2 * (x * z + w * y),
            2 * (x * y + w * z), 1 - 2 * (x * x + z * z), 2 * (y * z - w * x),
            2 * (x * z - w * y), 2 * (y * z + w * x), 1 - 2 * (x * x + y * y)};
    }

    /** The yaw (rotation about +z) of this rotation, in radians in (−π, π]. */
    public double yaw() {
        return Math.atan2(2 * (w * z + x * y), 1 - 2 * (y * y + z * z));
    }

    /** Hamilton product {@code this · o}: apply {@code o} first, then {@code this}. */
    public Quaternion times(Quaternion o) {
        return new Quaternion(
                w * o.w - x * o.x - y * o.y - z * o.z,
                w * o.x + x * o.w + y * o.z - z * o.y,
                w * o.y - x * o.z + y * o.w + z * o.x,
                w * o.z + x * o.y - y * o.x + z * o.w);
    }

    public Quaternion inverse() {
        return new Quaternion(w, -x, -y, -z);
    }

    /** Rotates a vector. */
    public Vec3 rotate(Vec3 v) {
        // v' = v + 2w(q×v) + 2 q×(q×v), with q the vector part
        double tx = 2 * (y * v.z() - z * v.y());
        double ty = 2 * (z * v.x() - x * v.z());
        double tz = 2 * (x * v.y() - y * v.x());
        return new Vec3(v.x() + w * tx + (y * tz - z * ty),
                v.y() + w * ty + (z * tx - x * tz),
                v.z() + w * tz + (x * ty - y * tx));
    }

    /**
     * Spherical linear interpolation along the shortest arc: {@code this} at {@code t = 0}, {@code o}
     * at {@code t = 1}.
     */
    public Quaternion slerp(Quaternion o, double t) {
        double dot = w * o.w + x * o.x + y * o.y + z * o.z;
        double ow = o.w, ox = o.x, oy = o.y, oz = o.z;
        if (dot < 0) {
            dot = -dot;
            ow = -ow;
            ox = -ox;
            oy = -oy;
            oz = -oz;
        }
        double a;
        double b;
        if (dot > 0.9995) {
            a = 1 - t;
            b = t;
        } else {
            double theta = Math.acos(Math.min(1.0, dot));
            double s = Math.sin(theta);
            a = Math.sin((1 - t) * theta) / s;
            b = Math.sin(t * theta) / s;
        }
        return new Quaternion(a * w + b * ow, a * x + b * ox, a * y + b * oy, a * z + b * oz);
    }
}
