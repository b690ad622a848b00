package io.avreplay.replay.arrow;

import io.avreplay.replay.geometry.Pose;
import io.avreplay.replay.geometry.Quaternion;
import io.avreplay.replay.geometry.Vec3;
import io.avreplay.replay.log.EgoPose;
import java.util.List;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Encodes ego poses as rows of a record batch and back. */
final class EgoPoseCodec {
    private static final String[] DOUBLES = {"qw", "qx", "qy", "qz", "tx", "ty", "tz", "vx", "vy", "vz"};

    private EgoPoseCodec() {
    }

    static void encode(List<EgoPose> poses, VectorSchemaRoot root) {
        root.allocateNew();
        BigIntVector ts = Columns.vector(root, "timestamp_ns", BigIntVector.class);
        Float8Vector[] cols = new Float8Vector[DOUBLES.length];
        for (int c = 0; c < DOUBLES.length; c++) {
            cols[c] = Columns.vector(root, DOUBLES[c], Float8Vector.class);
        }
        for (int i = 0; i < poses.size(); i++) {
            EgoPose p = poses.get(i);
            ts.setSafe(i, p.timestampNs());
            Quaternion q = p.egoToWorld().rotation();
            Vec3 t = p.egoToWorld().translation();
            Vec3 v = p.velocity();
            double[] vals = {q.w(), q.x(), q.y(), q.z(), t.x(), t.y(), t.z(), v.x(), v.y(), v.z()};
            for (int c = 0; c < vals.length; c++) {
                cols[c].setSafe(i, vals[c]);
            }
        }
        root.setRowCount(poses.size());
    }

    static EgoPose decode(VectorSchemaRoot root, int row) {
        double[] v = new double[DOUBLES.length];
        for (int c = 0; c < DOUBLES.length; c++) {
            v[c] = Columns.vector(root, DOUBLES[c], Float8Vector.class).get(row);
        }
        return new EgoPose(Columns.vector(root, "timestamp_ns", BigIntVector.class).get(row),
                new Pose(new Quaternion(v[0], v[1], v[2], v[3]), new Vec3(v[4], v[5], v[6])),
                new Vec3(v[7], v[8], v[9]));
    }
}
