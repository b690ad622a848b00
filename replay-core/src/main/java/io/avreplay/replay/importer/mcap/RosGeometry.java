package io.avreplay.replay.importer.mcap;

import io.avreplay.replay.geometry.Pose;
import io.avreplay.replay.geometry.Quaternion;
import io.avreplay.replay.geometry.Vec3;
import io.avreplay.replay.ros2.RosStruct;

/** Reads {@code geometry_msgs} values into our geometry types. Stateless. */
final class RosGeometry {
    private RosGeometry() {
    }

    static Vec3 vector(RosStruct v) {
        return new Vec3(v.number("x"), v.number("y"), v.number("z"));
    }

    /** {@code geometry_msgs/Quaternion} (x, y, z, w); an all-zero quaternion (unset) reads as identity. */
    static Quaternion quaternion(RosStruct q) {
        double x = q.number("x");
        double y = q.number("y");
        double z = q.number("z");
        double w = q.number("w");
        if (x == 0 && y == 0 && z == 0 && w == 0) {
            return Quaternion.IDENTITY;
        }
        return new Quaternion(w, x, y, z);
    }

    /** {@code geometry_msgs/Pose} (position, orientation). */
    static Pose pose(RosStruct p) {
        return new Pose(quaternion(p.struct("orientation")), vector(p.struct("position")));
    }

    /** {@code geometry_msgs/Transform} (translation, rotation): maps child-frame points into the parent frame. */
    static Pose transform(RosStruct t) {
        return new Pose(quaternion(t.struct("rotation")), vector(t.struct("translation")));
    }

    /** A TF frame id without a leading slash. */
    static String frame(String id) {
        return id.startsWith("/") ? id.substring(1) : id;
    }

    /** A header's stamp in ns, or {@code fallbackNs} when the stamp is zero (unset). */
    static long stamp(RosStruct header, long fallbackNs) {
        long t = header.timeNs("stamp");
        return t > 0 ? t : fallbackNs;
    }
}
