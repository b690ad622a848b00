package io.avreplay.replay.arrow;

import io.avreplay.replay.geometry.Vec3;
import io.avreplay.replay.object.Box2d;
import io.avreplay.replay.object.Box3d;
import io.avreplay.replay.object.Detection3d;
import io.avreplay.replay.object.GroundTruth2d;
import io.avreplay.replay.object.GroundTruth3d;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Encodes the ground truth of one timestamp as one record batch and back. */
final class AnnotationCodec {
    private AnnotationCodec() {
    }

    static void encode3d(long timestampNs, List<GroundTruth3d> boxes, VectorSchemaRoot root) {
        root.allocateNew();
        for (int i = 0; i < boxes.size(); i++) {
            GroundTruth3d a = boxes.get(i);
            Box3d b = a.box();
            Columns.vector(root, "timestamp_ns", BigIntVector.class).setSafe(i, timestampNs);
            Columns.setString(Columns.vector(root, "track_id", VarCharVector.class), i, a.trackId());
            Columns.setString(Columns.vector(root, "category", VarCharVector.class), i, a.category());
            set(root, "x", i, b.centre().x());
            set(root, "y", i, b.centre().y());
            set(root, "z", i, b.centre().z());
            set(root, "length", i, b.length());
            set(root, "width", i, b.width());
            set(root, "height", i, b.height());
            set(root, "yaw", i, b.yaw());
            set(root, "vx", i, a.vx());
            set(root, "vy", i, a.vy());
            Columns.vector(root, "num_lidar_points", IntVector.class).setSafe(i, a.numPoints());
            Columns.setString(Columns.vector(root, "attribute", VarCharVector.class), i, a.attribute());
            Columns.vector(root, "visibility", Float4Vector.class).setSafe(i, a.visibility());
        }
        root.setRowCount(boxes.size());
    }

    static List<GroundTruth3d> decode3d(VectorSchemaRoot root) {
        int n = root.getRowCount();
        List<GroundTruth3d> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Box3d box = Box3d.ego(new Vec3(get(root, "x", i), get(root, "y", i), get(root, "z", i)),
                    get(root, "length", i), get(root, "width", i), get(root, "height", i), get(root, "yaw", i));
            String attribute = Columns.getString(Columns.vector(root, "attribute", VarCharVector.class), i);
            out.add(new GroundTruth3d(box, Columns.getString(Columns.vector(root, "category", VarCharVector.class),
                    i), Columns.getString(Columns.vector(root, "track_id", VarCharVector.class), i),
                    Columns.vector(root, "num_lidar_points", IntVector.class).get(i), get(root, "vx", i), get(root,
                    "vy",
                    i), Detection3d.attributeList(attribute), Columns.vector(root,
                    "visibility", Float4Vector.class).get(i)));
        }
        return out;
    }

    static void encode2d(long timestampNs, List<GroundTruth2d> boxes, VectorSchemaRoot root) {
        root.allocateNew();
        for (int i = 0; i < boxes.size(); i++) {
            GroundTruth2d a = boxes.get(i);
            Columns.vector(root, "timestamp_ns", BigIntVector.class).setSafe(i, timestampNs);
            Columns.setString(Columns.vector(root, "track_id", VarCharVector.class), i, a.trackId());
            Columns.setString(Columns.vector(root, "category", VarCharVector.class), i, a.category());
            set(root, "x1", i, a.box().x1());
            set(root, "y1", i, a.box().y1());
            set(root, "x2", i, a.box().x2());
            set(root, "y2", i, a.box().y2());
            Columns.vector(root, "truncation", Float4Vector.class).setSafe(i, a.truncation());
            Columns.setByte(Columns.vector(root, "occlusion", TinyIntVector.class), i, a.occlusion());
        }
        root.setRowCount(boxes.size());
    }

    static List<GroundTruth2d> decode2d(VectorSchemaRoot root) {
        int n = root.getRowCount();
        List<GroundTruth2d> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new GroundTruth2d(new Box2d(get(root, "x1", i), get(root, "y1", i), get(root, "x2", i), get(root,
                    "y2", i)), Columns.getString(Columns.vector(root, "category", VarCharVector.class), i),
                    Columns.getString(Columns.vector(root, "track_id", VarCharVector.class), i), Columns.vector(root,
                    "truncation", Float4Vector.class).get(i), Columns.vector(root, "occlusion",
                    TinyIntVector.class).get(i)));
        }
        return out;
    }

    private static void set(VectorSchemaRoot root, String col, int row, double v) {
        Columns.vector(root, col, Float8Vector.class).setSafe(row, v);
    }

    private static double get(VectorSchemaRoot root, String col, int row) {
        return Columns.vector(root, col, Float8Vector.class).get(row);
    }
}
